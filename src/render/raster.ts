/** A tiny RGBA raster with dots, lines, boxes and bitmap text, enough to draw viewers headless (CLI PNGs). */
import { CHAR_HEIGHT, CHAR_WIDTH, glyph } from './font';

export type Rgb = readonly [number, number, number];

export class Raster {
  readonly rgba: Uint8ClampedArray;

  constructor(
    readonly width: number,
    readonly height: number,
    background: Rgb = [255, 255, 255],
  ) {
    this.rgba = new Uint8ClampedArray(width * height * 4);
    for (let i = 0; i < width * height; i++) this.rgba.set([...background, 255], i * 4);
  }

  /** Blends a colour into one pixel with opacity `alpha`. */
  plot(x: number, y: number, color: Rgb, alpha = 1): void {
    const xi = Math.round(x);
    const yi = Math.round(y);
    if (xi < 0 || yi < 0 || xi >= this.width || yi >= this.height) return;
    const o = (yi * this.width + xi) * 4;
    for (let c = 0; c < 3; c++) this.rgba[o + c] = this.rgba[o + c] * (1 - alpha) + color[c] * alpha;
  }

  dot(x: number, y: number, radius: number, color: Rgb, alpha = 1): void {
    const r = Math.max(0.5, radius);
    for (let dy = -Math.ceil(r); dy <= Math.ceil(r); dy++)
      for (let dx = -Math.ceil(r); dx <= Math.ceil(r); dx++)
        if (dx * dx + dy * dy <= r * r) this.plot(x + dx, y + dy, color, alpha);
  }

  line(x0: number, y0: number, x1: number, y1: number, color: Rgb, alpha = 1): void {
    const steps = Math.max(1, Math.ceil(Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0))));
    for (let i = 0; i <= steps; i++)
      this.plot(x0 + ((x1 - x0) * i) / steps, y0 + ((y1 - y0) * i) / steps, color, alpha);
  }

  /** A filled axis-aligned box. */
  fill(x: number, y: number, width: number, height: number, color: Rgb, alpha = 1): void {
    for (let dy = 0; dy < height; dy++)
      for (let dx = 0; dx < width; dx++) this.plot(x + dx, y + dy, color, alpha);
  }

  /**
   * Text in the 5×8 bitmap font with its top-left corner at (x, y); `vertical` turns it 90° to
   * read bottom to top, starting at (x, y) (a y axis title).
   */
  text(x: number, y: number, text: string, color: Rgb, vertical = false): void {
    [...text].forEach((char, n) =>
      glyph(char).forEach((column, k) => {
        for (let bit = 0; bit < CHAR_HEIGHT; bit++) {
          if (!(column & (1 << bit))) continue;
          const along = n * CHAR_WIDTH + k;
          if (vertical) this.plot(x + bit, y - along, color);
          else this.plot(x + along, y + bit, color);
        }
      }),
    );
  }
}
