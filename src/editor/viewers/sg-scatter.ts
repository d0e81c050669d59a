/**
 * <sg-scatter>: 2-D samples over the data and the score field, equal axes, with a legend. Colours
 * come from the theme's plot palette (src/render/palette.ts); the field is drawn first and thin so
 * it never hides the data, and the plot redraws when the theme changes.
 */
import { LitElement, css, html } from 'lit';
import type { PointsDisplay } from '../../nodes/display';
import type { PlotPalette } from '../../render/palette';
import { VIEW_WIDTH, prepareCanvas } from './canvas-size';
import { ThemeRedraw, paletteAt } from './plot-theme';

/** Height of the legend strip above the plot area. */
const LEGEND = 16;

/**
 * Maps data coordinates into a size × size canvas below a `top` strip, with equal scale on both
 * axes and a margin wide enough that edge points are drawn whole.
 */
export function fitBounds(bounds: PointsDisplay['bounds'], size: number, margin = 8, top = 0) {
  const [x0, x1, y0, y1] = bounds;
  const span = Math.max(x1 - x0, y1 - y0) || 1;
  const scale = (size - top - 2 * margin) / span;
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  return {
    x: (x: number) => size / 2 + (x - cx) * scale,
    y: (y: number) => top + (size - top) / 2 - (y - cy) * scale,
    scale,
  };
}

/** What the legend lists: only what this display draws. */
export function legendEntries(d: PointsDisplay, p: PlotPalette): { label: string; color: string }[] {
  return [
    ...(d.overlay ? [{ label: 'data', color: p.data }] : []),
    ...(d.points.length ? [{ label: 'samples', color: p.samples }] : []),
    ...(d.field ? [{ label: 'score field', color: p.field }] : []),
  ];
}

export class SgScatter extends LitElement {
  static override properties = { display: { attribute: false }, width: { type: Number } };
  static override styles = css`
    :host {
      display: block;
      line-height: 0;
    }
    canvas {
      display: block;
    }
  `;
  declare display: PointsDisplay | undefined;
  /** Drawing width in CSS pixels (the card's inner width). */
  declare width: number;

  constructor() {
    super();
    this.width = VIEW_WIDTH;
    new ThemeRedraw(this);
  }

  override render() {
    return html`<canvas
      role="img"
      aria-label=${`scatter of ${(this.display?.points.length ?? 0) / 2} points`}
      data-points=${(this.display?.points.length ?? 0) / 2}
    ></canvas>`;
  }

  protected override updated(): void {
    const d = this.display;
    const canvas = this.renderRoot.querySelector('canvas');
    if (!d || !canvas) return;
    const p = paletteAt(this);
    const size = this.width;
    const ctx = prepareCanvas(canvas, size, size);
    ctx.fillStyle = p.background;
    ctx.fillRect(0, 0, size, size);
    const map = fitBounds(d.bounds, size, 8, LEGEND);
    const dot = (data: Float32Array, color: string, r: number) => {
      ctx.fillStyle = color;
      for (let i = 0; i + 1 < data.length; i += 2)
        ctx.fillRect(map.x(data[i]) - r, map.y(data[i + 1]) - r, 2 * r, 2 * r);
    };
    if (d.field) this.drawField(ctx, d.field, map, p.field);
    if (d.overlay) dot(d.overlay, p.data, 1.2);
    dot(d.points, p.samples, 1.4);
    this.drawLegend(ctx, legendEntries(d, p), p);
  }

  private drawField(
    ctx: CanvasRenderingContext2D,
    field: Float32Array,
    map: ReturnType<typeof fitBounds>,
    color: string,
  ): void {
    ctx.strokeStyle = color;
    ctx.globalAlpha = 0.55;
    ctx.lineWidth = 0.8;
    ctx.beginPath();
    for (let i = 0; i + 3 < field.length; i += 4) {
      const [x, y, dx, dy] = [field[i], field[i + 1], field[i + 2], field[i + 3]];
      const x0 = map.x(x);
      const y0 = map.y(y);
      const x1 = map.x(x + dx);
      const y1 = map.y(y + dy);
      ctx.moveTo(x0, y0);
      ctx.lineTo(x1, y1);
      const angle = Math.atan2(y1 - y0, x1 - x0);
      for (const turn of [2.6, -2.6]) {
        ctx.moveTo(x1, y1);
        ctx.lineTo(x1 + 2.5 * Math.cos(angle + turn), y1 + 2.5 * Math.sin(angle + turn));
      }
    }
    ctx.stroke();
    ctx.globalAlpha = 1;
  }

  private drawLegend(
    ctx: CanvasRenderingContext2D,
    entries: { label: string; color: string }[],
    p: PlotPalette,
  ): void {
    ctx.font = '10px system-ui, sans-serif';
    ctx.textBaseline = 'middle';
    let x = 6;
    for (const { label, color } of entries) {
      ctx.fillStyle = color;
      ctx.fillRect(x, LEGEND / 2 - 3, 6, 6);
      ctx.fillStyle = p.text;
      ctx.fillText(label, x + 9, LEGEND / 2 + 0.5);
      x += 9 + ctx.measureText(label).width + 10;
    }
  }
}

if (!customElements.get('sg-scatter')) customElements.define('sg-scatter', SgScatter);

declare global {
  interface HTMLElementTagNameMap {
    'sg-scatter': SgScatter;
  }
}
