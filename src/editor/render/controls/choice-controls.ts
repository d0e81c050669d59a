/** Controls for choices, switches, digit sets and short text. */
import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import type { BooleanParam, ChoiceParam, DigitsParam, TextParam } from '../../../graph';
import type { ControlProps } from './control-props';

export function choiceControl(p: ControlProps<ChoiceParam>) {
  const { spec } = p;
  const value = typeof p.value === 'string' ? p.value : '';
  const optionDoc = spec.optionDocs?.[value];
  const warning = spec.warnings?.[value];
  const onChange = (e: Event) => p.commit((e.target as HTMLSelectElement).value);
  return html`<div class="stack">
    <select id=${p.id} aria-invalid=${p.invalid ? 'true' : 'false'} @change=${onChange}>
      ${spec.options.map(
        (option) =>
          html`<option
            value=${option}
            title=${spec.optionDocs?.[option] ?? nothing}
            ?selected=${option === value}
          >
            ${option}
          </option>`,
      )}
    </select>
    ${optionDoc ? html`<div class="hint" title=${optionDoc}>${optionDoc}</div>` : nothing}
    ${warning ? html`<div class="warning" role="note">⚠ ${warning}</div>` : nothing}
  </div>`;
}

export function booleanControl(p: ControlProps<BooleanParam>) {
  const on = p.value === true;
  return html`<label class="switch">
    <input
      id=${p.id}
      type="checkbox"
      role="switch"
      .checked=${live(on)}
      @change=${(e: Event) => p.commit((e.target as HTMLInputElement).checked)}
    />
    <span class="track" aria-hidden="true"><span class="thumb"></span></span>
    <span class="switch-text">${on ? 'on' : 'off'}</span>
  </label>`;
}

export function digitsControl(p: ControlProps<DigitsParam>) {
  const chosen = new Set(Array.isArray(p.value) ? (p.value as number[]) : []);
  const toggle = (digit: number) => {
    const next = new Set(chosen);
    if (next.has(digit)) next.delete(digit);
    else next.add(digit);
    p.commit([...next].sort((a, b) => a - b));
  };
  return html`<div class="digits" role="group" id=${p.id}>
    ${Array.from(
      { length: 10 },
      (_, digit) =>
        html`<button
          type="button"
          class="digit"
          aria-pressed=${chosen.has(digit) ? 'true' : 'false'}
          aria-label=${`digit ${digit}`}
          @click=${() => toggle(digit)}
        >
          ${digit}
        </button>`,
    )}
  </div>`;
}

export function textControl(p: ControlProps<TextParam>) {
  return html`<input
    id=${p.id}
    type="text"
    maxlength=${p.spec.maxLength}
    aria-invalid=${p.invalid ? 'true' : 'false'}
    .value=${live(typeof p.value === 'string' ? p.value : '')}
    @change=${(e: Event) => p.commit((e.target as HTMLInputElement).value)}
  />`;
}
