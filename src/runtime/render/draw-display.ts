/** Draws any viewer display as an RGBA raster (the CLI's PNGs; the editor draws on canvases). */
import type { DisplayPayload, ImagesDisplay, LossDisplay, PointsDisplay } from '../../nodes/display';
import { hexToRgb, plotPalette } from '../../render/palette';
import { Raster, type Rgb } from './raster';

// The light theme's plot palette: the same colours as the editor's viewers.
const PALETTE = plotPalette('light');
const INK: Rgb = hexToRgb(PALETTE.loss);
const AXIS: Rgb = hexToRgb(PALETTE.axis);

export function drawDisplay(display: DisplayPayload): Raster {
  switch (display.kind) {
    case 'images':
      return drawImages(display);
    case 'points':
      return drawPoints(display);
    case 'loss':
      return drawLoss(display);
  }
}

/** An image grid, nearest-neighbour upscaled so small digits stay crisp; values clamped for display only. */
export function drawImages(d: ImagesDisplay, cell = Math.max(1, Math.floor(56 / d.height))): Raster {
  const columns = Math.max(1, Math.min(d.columns, d.count));
  const rows = Math.ceil(d.count / columns);
  const gap = 2;
  const w = columns * (d.width * cell + gap) + gap;
  const h = rows * (d.height * cell + gap) + gap;
  const r = new Raster(w, h, [255, 255, 255]);
  const itemSize = d.height * d.width * d.channels;
  for (let n = 0; n < d.count; n++) {
    const ox = gap + (n % columns) * (d.width * cell + gap);
    const oy = gap + Math.floor(n / columns) * (d.height * cell + gap);
    for (let y = 0; y < d.height * cell; y++) {
      for (let x = 0; x < d.width * cell; x++) {
        const p = n * itemSize + (Math.floor(y / cell) * d.width + Math.floor(x / cell)) * d.channels;
        const o = ((oy + y) * w + ox + x) * 4;
        for (let c = 0; c < 3; c++)
          r.rgba[o + c] = 255 * Math.min(1, Math.max(0, d.pixels[p + (d.channels === 3 ? c : 0)]));
      }
    }
  }
  return r;
}

/** Field first and faint, then the data, then the samples; a margin so edge points are drawn whole. */
export function drawPoints(d: PointsDisplay, size = 512, margin = 6): Raster {
  const r = new Raster(size, size, hexToRgb(PALETTE.background));
  const [x0, x1, y0, y1] = d.bounds;
  const inner = size - 1 - 2 * margin;
  const sx = (x: number) => margin + ((x - x0) / (x1 - x0 || 1)) * inner;
  const sy = (y: number) => margin + (1 - (y - y0) / (y1 - y0 || 1)) * inner;
  r.line(sx(0), 0, sx(0), size - 1, AXIS, 0.25);
  r.line(0, sy(0), size - 1, sy(0), AXIS, 0.25);
  const field = hexToRgb(PALETTE.field);
  if (d.field)
    for (let i = 0; i + 3 < d.field.length; i += 4) {
      const [x, y, dx, dy] = [d.field[i], d.field[i + 1], d.field[i + 2], d.field[i + 3]];
      r.line(sx(x), sy(y), sx(x + dx), sy(y + dy), field, 0.45);
      r.dot(sx(x + dx), sy(y + dy), 1, field, 0.6);
    }
  const data = hexToRgb(PALETTE.data);
  if (d.overlay)
    for (let i = 0; i + 1 < d.overlay.length; i += 2)
      r.dot(sx(d.overlay[i]), sy(d.overlay[i + 1]), 1.5, data, 0.85);
  const samples = hexToRgb(PALETTE.samples);
  for (let i = 0; i + 1 < d.points.length; i += 2)
    r.dot(sx(d.points[i]), sy(d.points[i + 1]), 1.8, samples, 0.9);
  return r;
}

/** The loss curve on a log axis (losses span orders of magnitude early in training). */
export function drawLoss(d: LossDisplay, width = 640, height = 320): Raster {
  const r = new Raster(width, height);
  const pad = 24;
  const finite = d.loss
    .map((v, i) => [d.steps[i], v] as const)
    .filter(([, v]) => Number.isFinite(v) && v > 0);
  r.line(pad, height - pad, width - pad, height - pad, AXIS);
  r.line(pad, pad, pad, height - pad, AXIS);
  if (finite.length < 1) return r;
  const xs = finite.map(([s]) => s);
  const ys = finite.map(([, v]) => Math.log10(v));
  const [xMin, xMax] = [Math.min(...xs), Math.max(...xs, Math.min(...xs) + 1)];
  const [yMin, yMax] = [Math.min(...ys), Math.max(...ys, Math.min(...ys) + 1e-6)];
  const px = (x: number) => pad + ((x - xMin) / (xMax - xMin)) * (width - 2 * pad);
  const py = (y: number) => height - pad - ((y - yMin) / (yMax - yMin)) * (height - 2 * pad);
  for (let i = 1; i < finite.length; i++) r.line(px(xs[i - 1]), py(ys[i - 1]), px(xs[i]), py(ys[i]), INK);
  if (finite.length === 1) r.dot(px(xs[0]), py(ys[0]), 2, INK);
  return r;
}

/** The raw numbers behind a display, for .npy export: images [N,H,W,C], points [N,2], loss [K,2] (step, loss). */
export function displayArray(d: DisplayPayload): { data: Float32Array; shape: number[] } {
  switch (d.kind) {
    case 'images':
      return { data: d.pixels, shape: [d.count, d.height, d.width, d.channels] };
    case 'points':
      return { data: d.points, shape: [d.points.length / 2, 2] };
    case 'loss': {
      const data = new Float32Array(d.steps.length * 2);
      d.steps.forEach((s, i) => data.set([s, d.loss[i]], i * 2));
      return { data, shape: [d.steps.length, 2] };
    }
  }
}
