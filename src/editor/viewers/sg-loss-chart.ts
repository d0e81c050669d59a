/**
 * <sg-loss-chart>: the training loss per logged step (uPlot, loaded on first use), and on request
 * the mean loss per noise level as bars (sigma_1, the largest, on the left), in the theme's plot
 * palette; redrawn when the theme changes.
 */
import { LitElement, css, html, nothing, unsafeCSS } from 'lit';
import type uPlot from 'uplot';
import type { LossDisplay } from '../../nodes/display';
import { levelColor } from '../../render/palette';
import { VIEW_WIDTH, prepareCanvas } from './canvas-size';
import { ThemeRedraw, paletteAt, themeAt } from './plot-theme';

type UPlotModule = { default: typeof uPlot; css: string };
let loading: Promise<UPlotModule> | null = null;

function loadUPlot(): Promise<UPlotModule> {
  loading ??= Promise.all([import('uplot'), import('uplot/dist/uPlot.min.css?inline')]).then(([m, c]) => ({
    default: m.default,
    css: c.default,
  }));
  return loading;
}

const HEIGHT = 152;

export class SgLossChart extends LitElement {
  static override properties = {
    display: { attribute: false },
    width: { type: Number },
    perLevel: { state: true },
    uplotCss: { state: true },
  };
  static override styles = css`
    :host {
      display: block;
      font: 11px var(--sg-font);
      color: var(--sg-muted);
    }
    .bar {
      display: flex;
      justify-content: flex-end;
      height: 20px;
      padding: 3px 4px 0;
      box-sizing: border-box;
    }
    button {
      font: 11px var(--sg-font);
      color: var(--sg-text);
      background: none;
      border: 1px solid var(--sg-border);
      border-radius: 4px;
      padding: 1px 6px;
      cursor: pointer;
    }
    button[aria-pressed='true'] {
      background: var(--sg-accent);
      border-color: var(--sg-accent);
      color: #fff;
    }
    .plot {
      height: ${HEIGHT}px;
    }
    .u-legend {
      display: none;
    }
  `;

  declare display: LossDisplay | undefined;
  /** Drawing width in CSS pixels (the card's inner width). */
  declare width: number;
  declare perLevel: boolean;
  declare uplotCss: string;
  private plot: uPlot | null = null;
  /** The theme the current plot was built in: another theme rebuilds it. */
  private plotTheme = '';

  constructor() {
    super();
    this.width = VIEW_WIDTH;
    this.perLevel = false;
    this.uplotCss = '';
    new ThemeRedraw(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.plot?.destroy();
    this.plot = null;
  }

  override render() {
    const levels = this.display?.perLevel?.length ?? 0;
    return html`${
        this.uplotCss
          ? html`<style>
              ${unsafeCSS(this.uplotCss)}
            </style>`
          : nothing
      }
      <div class="bar">
        ${
          levels
            ? html`<button
                class="interactive"
                aria-pressed=${this.perLevel ? 'true' : 'false'}
                title="Mean loss per noise level"
                @click=${() => (this.perLevel = !this.perLevel)}
              >
                per σ
              </button>`
            : nothing
        }
      </div>
      ${
        this.perLevel
          ? html`<canvas class="levels" role="img" aria-label="loss per noise level"></canvas>`
          : html`<div class="plot" role="img" aria-label="loss curve"></div>`
      }`;
  }

  protected override async updated(changed: Map<string, unknown>): Promise<void> {
    const d = this.display;
    if (!d) return;
    if (this.perLevel) {
      this.plot?.destroy();
      this.plot = null;
      this.drawLevels(d);
      return;
    }
    const host = this.renderRoot.querySelector<HTMLElement>('.plot');
    if (!host) return;
    const data: uPlot.AlignedData = [d.steps, d.loss];
    const theme = themeAt(this);
    if (this.plot && this.plot.root.isConnected && !changed.has('perLevel') && theme === this.plotTheme) {
      this.plot.setData(data);
      return;
    }
    const { default: UPlot, css: style } = await loadUPlot();
    if (!this.uplotCss) this.uplotCss = style;
    this.plot?.destroy();
    const positive = d.loss.every((v) => v > 0);
    const p = paletteAt(this);
    this.plotTheme = theme;
    const stroke = p.loss;
    const axis = {
      stroke: p.text,
      ticks: { stroke: p.axis, width: 1 },
      grid: { stroke: p.grid, width: 1 },
      size: 36,
      font: '10px system-ui',
    };
    this.plot = new UPlot(
      {
        width: this.width,
        height: HEIGHT,
        legend: { show: false },
        cursor: { drag: { x: false, y: false } },
        scales: { x: { time: false }, y: positive ? { distr: 3 } : {} },
        axes: [axis, { ...axis, size: 44 }],
        series: [{}, { stroke, width: 1.5, points: { show: false } }],
      },
      data,
      host,
    );
  }

  private drawLevels(d: LossDisplay): void {
    const canvas = this.renderRoot.querySelector<HTMLCanvasElement>('canvas.levels');
    const values = d.perLevel;
    if (!canvas || !values?.length) return;
    const ctx = prepareCanvas(canvas, this.width, HEIGHT);
    const max = Math.max(...values.filter(Number.isFinite), 1e-12);
    const pad = 18;
    const w = (this.width - 8) / values.length;
    const theme = themeAt(this);
    values.forEach((v, i) => {
      const h = Number.isFinite(v) ? ((HEIGHT - pad - 4) * v) / max : 0;
      ctx.fillStyle = levelColor(theme, i, values.length);
      ctx.fillRect(4 + i * w + 0.5, HEIGHT - pad - h, Math.max(1, w - 1), h);
    });
    ctx.fillStyle = paletteAt(this).text;
    ctx.font = '10px system-ui';
    const sig = d.sigmas;
    ctx.fillText(sig ? `σ=${sig[0].toPrecision(2)}` : 'σ₁', 4, HEIGHT - 4);
    const right = sig ? `σ=${sig[sig.length - 1].toPrecision(2)}` : `σ${values.length}`;
    ctx.fillText(right, this.width - 4 - ctx.measureText(right).width, HEIGHT - 4);
  }
}

if (!customElements.get('sg-loss-chart')) customElements.define('sg-loss-chart', SgLossChart);

declare global {
  interface HTMLElementTagNameMap {
    'sg-loss-chart': SgLossChart;
  }
}
