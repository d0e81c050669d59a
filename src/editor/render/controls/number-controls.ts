/** Controls for numbers: plain or log-scale sliders with a text field, integers, "auto", ranges. */
import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import type { IntegerParam, NumberOrAutoParam, NumberParam, RangeParam } from '../../../graph';
import { formatNumber, parseNumber, type ControlProps } from './control-props';

const SLIDER_STEPS = 1000;

/** Slider position (0…1000) for a value, on a log scale when the param asks for one. */
export function toSlider(value: number, min: number, max: number, log: boolean): number {
  const t = log && min > 0 ? Math.log(value / min) / Math.log(max / min) : (value - min) / (max - min);
  return Math.round(Math.min(1, Math.max(0, t)) * SLIDER_STEPS);
}

export function fromSlider(position: number, min: number, max: number, log: boolean, step?: number): number {
  const t = position / SLIDER_STEPS;
  if (log && min > 0) return Number((min * Math.pow(max / min, t)).toPrecision(3));
  const raw = min + t * (max - min);
  return step ? Math.round(raw / step) * step : Number(raw.toPrecision(4));
}

function numberField(
  p: ControlProps,
  value: number | null,
  opts: { step?: number | 'any'; disabled?: boolean } = {},
) {
  const onChange = (e: Event) => {
    const input = e.target as HTMLInputElement;
    const n = parseNumber(input.value);
    if (n === null) input.value = value === null ? '' : formatNumber(value);
    else p.commit(n);
  };
  return html`<input
    id=${p.id}
    class="num"
    type="text"
    inputmode="decimal"
    spellcheck="false"
    aria-invalid=${p.invalid ? 'true' : 'false'}
    ?disabled=${opts.disabled}
    .value=${live(value === null ? '' : formatNumber(value))}
    @change=${onChange}
    @keydown=${stepKeys(p, value, opts.step)}
  />`;
}

/** Arrow keys step a focused number field (×/÷ 10^0.1 on log-scale params). */
function stepKeys(p: ControlProps, value: number | null, step: number | 'any' | undefined) {
  return (e: KeyboardEvent) => {
    if ((e.key !== 'ArrowUp' && e.key !== 'ArrowDown') || value === null) return;
    e.preventDefault();
    const up = e.key === 'ArrowUp';
    const spec = p.spec as NumberParam;
    const next =
      spec.log && value > 0
        ? Number((value * Math.pow(10, up ? 0.1 : -0.1)).toPrecision(3))
        : value + (up ? 1 : -1) * (typeof step === 'number' ? step : 1);
    p.commit(next);
  };
}

export function numberControl(p: ControlProps<NumberParam>) {
  const { spec } = p;
  const value = typeof p.value === 'number' ? p.value : null;
  const shown = typeof p.preview === 'number' ? p.preview : value;
  const log = !!spec.log;
  const onSlide = (e: Event, done: boolean) => {
    const n = fromSlider(Number((e.target as HTMLInputElement).value), spec.min, spec.max, log, spec.step);
    if (done) {
      p.setPreview(undefined);
      p.commit(n);
    } else p.setPreview(n);
  };
  return html`<div class="row">
    ${numberField(p, shown, { step: spec.step ?? 'any' })}
    <input
      class="slider"
      type="range"
      min="0"
      max=${SLIDER_STEPS}
      tabindex="-1"
      aria-hidden="true"
      .value=${live(String(toSlider(shown ?? spec.min, spec.min, spec.max, log)))}
      @input=${(e: Event) => onSlide(e, false)}
      @change=${(e: Event) => onSlide(e, true)}
    />
  </div>`;
}

export function integerControl(p: ControlProps<IntegerParam>) {
  return numberField(p, typeof p.value === 'number' ? p.value : null, { step: 1 });
}

export function numberOrAutoControl(p: ControlProps<NumberOrAutoParam>) {
  const { spec } = p;
  const auto = p.value === 'auto';
  const fallback =
    typeof spec.default === 'number'
      ? spec.default
      : spec.log && spec.min > 0
        ? Number(Math.sqrt(spec.min * spec.max).toPrecision(2))
        : (spec.min + spec.max) / 2;
  const toggle = (e: Event) => p.commit((e.target as HTMLInputElement).checked ? 'auto' : fallback);
  return html`<div class="row">
    <label class="check" title=${spec.autoDoc}>
      <input type="checkbox" .checked=${live(auto)} @change=${toggle} /> auto
    </label>
    ${
      auto
        ? html`<span class="auto-note" title=${spec.autoDoc}>${spec.autoDoc}</span>`
        : numberField(p, typeof p.value === 'number' ? p.value : null)
    }
  </div>`;
}

export function rangeControl(p: ControlProps<RangeParam>) {
  const pair = Array.isArray(p.value) && p.value.length === 2 ? (p.value as number[]) : [NaN, NaN];
  const side = (index: 0 | 1) => (e: Event) => {
    const input = e.target as HTMLInputElement;
    const n = parseNumber(input.value);
    if (n === null) {
      input.value = formatNumber(pair[index]);
      return;
    }
    const next = [...pair];
    next[index] = n;
    p.commit(next);
  };
  const field = (index: 0 | 1, label: string) =>
    html`<input
      id=${index === 0 ? p.id : nothing}
      class="num"
      type="text"
      inputmode="decimal"
      aria-label=${label}
      aria-invalid=${p.invalid ? 'true' : 'false'}
      .value=${live(Number.isFinite(pair[index]) ? formatNumber(pair[index]) : '')}
      @change=${side(index)}
    />`;
  return html`<div class="row pair">${field(0, 'low')}<span class="dash">to</span>${field(1, 'high')}</div>`;
}
