/**
 * <sg-compare-chart>: two runs' curves on one set of axes — loss per logged step, or mean loss per
 * noise level against σ (log10 σ given as x; the largest σ on the left) — with ticks and a legend. Colours come from the
 * theme and are read at draw time, so a theme switch redraws legibly.
 */
import { LitElement, css, html } from 'lit';
import { cssVar, prepareCanvas } from '../viewers/canvas-size';

export interface CompareSeries {
  label: string;
  x: readonly number[];
  y: readonly number[];
}

const WIDTH = 380;
const HEIGHT = 170;
const PAD = { left: 46, right: 10, top: 22, bottom: 26 };

export class SgCompareChart extends LitElement {
  static override properties = {
    series: { attribute: false },
    xLabel: { attribute: false },
    logX: { type: Boolean },
    logY: { type: Boolean },
    theme: { attribute: false },
  };
  static override styles = css`
    :host {
      display: block;
    }
    canvas {
      display: block;
    }
  `;
  declare series: CompareSeries[];
  declare xLabel: string;
  /** x values are log10 of the quantity: ticks show the quantity, the largest on the left. */
  declare logX: boolean;
  declare logY: boolean;
  /** Only to redraw when the theme changes. */
  declare theme: string;

  constructor() {
    super();
    this.series = [];
    this.xLabel = '';
    this.logX = false;
    this.logY = false;
  }

  override render() {
    return html`<canvas
      role="img"
      aria-label=${`${this.series.map((s) => s.label).join(' vs ')}: ${this.xLabel}`}
    ></canvas>`;
  }

  protected override updated(): void {
    const canvas = this.renderRoot.querySelector('canvas')!;
    const ctx = prepareCanvas(canvas, WIDTH, HEIGHT);
    const text = cssVar(this, '--sg-text', '#1d2127');
    const muted = cssVar(this, '--sg-muted', '#5f6b7a');
    const colours = [cssVar(this, '--sg-accent', '#2563eb'), cssVar(this, '--sg-warn', '#a15c00')];
    const f = (v: number) => (this.logY ? Math.log10(Math.max(v, 1e-12)) : v);
    const points = this.series
      .flatMap((s) => s.x.map((x, i) => [x, f(s.y[i])]))
      .filter(([, y]) => Number.isFinite(y));
    ctx.font = '11px system-ui, sans-serif';
    if (!points.length) {
      ctx.fillStyle = muted;
      ctx.fillText('No data in either run.', PAD.left, HEIGHT / 2);
      return;
    }
    const [x0, x1] = range(points.map((p) => p[0]));
    const [y0, y1] = range(points.map((p) => p[1]));
    const along = (x: number) => (this.logX ? (x1 - x) / (x1 - x0) : (x - x0) / (x1 - x0));
    const px = (x: number) => PAD.left + along(x) * (WIDTH - PAD.left - PAD.right);
    const py = (y: number) => HEIGHT - PAD.bottom - ((y - y0) / (y1 - y0)) * (HEIGHT - PAD.top - PAD.bottom);
    // Axes and ticks.
    ctx.strokeStyle = muted;
    ctx.fillStyle = muted;
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(PAD.left, PAD.top);
    ctx.lineTo(PAD.left, HEIGHT - PAD.bottom);
    ctx.lineTo(WIDTH - PAD.right, HEIGHT - PAD.bottom);
    ctx.stroke();
    for (let i = 0; i <= 3; i++) {
      const y = y0 + ((y1 - y0) * i) / 3;
      ctx.textAlign = 'right';
      ctx.fillText(tick(this.logY ? 10 ** y : y, y1 - y0), PAD.left - 4, py(y) + 4);
      const x = x0 + ((x1 - x0) * i) / 3;
      ctx.textAlign = 'center';
      ctx.fillText(this.logX ? tick(10 ** x, 0) : tick(x, x1 - x0), px(x), HEIGHT - PAD.bottom + 14);
    }
    ctx.textAlign = 'right';
    ctx.fillText(this.xLabel, WIDTH - PAD.right, HEIGHT - 2);
    // Curves (the second dashed, so equal stretches — same seed, same start — still show both),
    // then the legend on top.
    this.series.forEach((s, k) => {
      ctx.strokeStyle = colours[k % colours.length];
      ctx.lineWidth = 1.6;
      ctx.setLineDash(k ? [5, 4] : []);
      ctx.beginPath();
      s.x.forEach((x, i) => {
        const y = f(s.y[i]);
        if (!Number.isFinite(y)) return;
        if (i === 0) ctx.moveTo(px(x), py(y));
        else ctx.lineTo(px(x), py(y));
      });
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.fillStyle = colours[k % colours.length];
      ctx.fillRect(PAD.left + 8 + k * 150, 6, 12, 3);
      ctx.fillStyle = text;
      ctx.textAlign = 'left';
      ctx.fillText(s.label, PAD.left + 24 + k * 150, 11);
    });
  }
}

function range(values: number[]): [number, number] {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return lo === hi ? [lo - 1, hi + 1] : [lo, hi];
}

/** A tick label with as many digits as the axis span needs (whole numbers for step axes). */
function tick(v: number, span: number): string {
  const a = Math.abs(v);
  if (a !== 0 && (a >= 1e5 || a < 1e-3)) return v.toExponential(1);
  if (span >= 10 && Number.isInteger(Math.round(v))) return Math.round(v).toString();
  return Number(v.toPrecision(3)).toString();
}

if (!customElements.get('sg-compare-chart')) customElements.define('sg-compare-chart', SgCompareChart);

declare global {
  interface HTMLElementTagNameMap {
    'sg-compare-chart': SgCompareChart;
  }
}
