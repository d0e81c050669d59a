/** <sg-scatter>: 2-D samples over the data (grey) and the score field (arrows), equal axes. */
import { LitElement, css, html } from 'lit';
import type { PointsDisplay } from '../../nodes/display';
import { VIEW_WIDTH, cssVar, prepareCanvas } from './canvas-size';

/** Maps data coordinates to canvas pixels with equal scale on both axes and a small margin. */
export function fitBounds(bounds: PointsDisplay['bounds'], size: number, margin = 8) {
  const [x0, x1, y0, y1] = bounds;
  const span = Math.max(x1 - x0, y1 - y0) || 1;
  const scale = (size - 2 * margin) / span;
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  return {
    x: (x: number) => size / 2 + (x - cx) * scale,
    y: (y: number) => size / 2 - (y - cy) * scale,
    scale,
  };
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
    const size = this.width;
    const ctx = prepareCanvas(canvas, size, size);
    const map = fitBounds(d.bounds, size);
    const dot = (data: Float32Array, color: string, r: number) => {
      ctx.fillStyle = color;
      for (let i = 0; i + 1 < data.length; i += 2)
        ctx.fillRect(map.x(data[i]) - r, map.y(data[i + 1]) - r, 2 * r, 2 * r);
    };
    if (d.overlay) dot(d.overlay, cssVar(this, '--sg-grid', '#ccc'), 1);
    if (d.field) {
      ctx.strokeStyle = cssVar(this, '--sg-muted', '#888');
      ctx.globalAlpha = 0.6;
      ctx.lineWidth = 1;
      ctx.beginPath();
      for (let i = 0; i + 3 < d.field.length; i += 4) {
        const [x, y, dx, dy] = [d.field[i], d.field[i + 1], d.field[i + 2], d.field[i + 3]];
        const x0 = map.x(x);
        const y0 = map.y(y);
        const x1 = map.x(x + dx);
        const y1 = map.y(y + dy);
        ctx.moveTo(x0, y0);
        ctx.lineTo(x1, y1);
        const angle = Math.atan2(y1 - y0, x1 - x0);
        for (const turn of [2.6, -2.6]) {
          ctx.moveTo(x1, y1);
          ctx.lineTo(x1 + 3 * Math.cos(angle + turn), y1 + 3 * Math.sin(angle + turn));
        }
      }
      ctx.stroke();
      ctx.globalAlpha = 1;
    }
    dot(d.points, cssVar(this, '--sg-accent', '#2563eb'), 1.3);
  }
}

if (!customElements.get('sg-scatter')) customElements.define('sg-scatter', SgScatter);

declare global {
  interface HTMLElementTagNameMap {
    'sg-scatter': SgScatter;
  }
}
