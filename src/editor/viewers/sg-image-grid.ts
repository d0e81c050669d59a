/** <sg-image-grid>: a batch of images as a grid, upscaled nearest-neighbour so pixels stay sharp. */
import { LitElement, css, html } from 'lit';
import type { ImagesDisplay } from '../../nodes/display';
import { VIEW_WIDTH } from './canvas-size';

/** RGBA bytes of the whole grid at native resolution, 1-pixel gaps between images. */
export function gridPixels(d: ImagesDisplay): {
  width: number;
  height: number;
  rgba: Uint8ClampedArray<ArrayBuffer>;
} {
  const columns = Math.max(1, Math.min(d.columns, d.count));
  const rows = Math.ceil(d.count / columns);
  const width = columns * (d.width + 1) - 1;
  const height = rows * (d.height + 1) - 1;
  const rgba = new Uint8ClampedArray(width * height * 4).fill(0);
  const per = d.height * d.width * d.channels;
  for (let i = 0; i < d.count; i++) {
    const ox = (i % columns) * (d.width + 1);
    const oy = Math.floor(i / columns) * (d.height + 1);
    for (let y = 0; y < d.height; y++)
      for (let x = 0; x < d.width; x++) {
        const src = i * per + (y * d.width + x) * d.channels;
        const dst = ((oy + y) * width + ox + x) * 4;
        for (let c = 0; c < 3; c++) rgba[dst + c] = 255 * d.pixels[src + (d.channels === 3 ? c : 0)];
        rgba[dst + 3] = 255;
      }
  }
  return { width, height, rgba };
}

export class SgImageGrid extends LitElement {
  static override properties = { display: { attribute: false }, width: { type: Number } };
  static override styles = css`
    :host {
      display: block;
      line-height: 0;
    }
    canvas {
      image-rendering: pixelated;
      display: block;
      margin: 0 auto;
    }
  `;
  declare display: ImagesDisplay | undefined;
  /** Drawing width in CSS pixels (the card's inner width). */
  declare width: number;

  constructor() {
    super();
    this.width = VIEW_WIDTH;
  }

  override render() {
    return html`<canvas role="img" aria-label=${`${this.display?.count ?? 0} images`}></canvas>`;
  }

  protected override updated(): void {
    const d = this.display;
    const canvas = this.renderRoot.querySelector('canvas');
    if (!d || !canvas || !d.count) return;
    const { width, height, rgba } = gridPixels(d);
    // Native pixels on the canvas; CSS scales by a whole factor with pixelated rendering.
    canvas.width = width;
    canvas.height = height;
    canvas.getContext('2d')!.putImageData(new ImageData(rgba, width, height), 0, 0);
    const scale = Math.max(1, Math.floor(this.width / width));
    const cssWidth = width * scale <= this.width ? width * scale : this.width;
    canvas.style.width = `${cssWidth}px`;
    canvas.style.height = `${(cssWidth / width) * height}px`;
  }
}

if (!customElements.get('sg-image-grid')) customElements.define('sg-image-grid', SgImageGrid);

declare global {
  interface HTMLElementTagNameMap {
    'sg-image-grid': SgImageGrid;
  }
}
