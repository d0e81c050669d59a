/** Draws any viewer display as an RGBA raster (the CLI's PNGs; the editor draws on canvases). */
import type {
  DisplayPayload,
  ImagesDisplay,
  LossDisplay,
  MetricsDisplay,
  PointsDisplay,
} from '../nodes/display';
import { hexToRgb, plotPalette } from './palette';
import { drawFrame, drawLegend } from './plot-frame';
import { Raster, type Rgb } from './raster';

// The light theme's plot palette: the same colours as the editor's viewers.
const PALETTE = plotPalette('light');
export const PLOT_COLORS = {
  background: hexToRgb(PALETTE.background),
  data: hexToRgb(PALETTE.data),
  samples: hexToRgb(PALETTE.samples),
  field: hexToRgb(PALETTE.field),
  loss: hexToRgb(PALETTE.loss),
  text: hexToRgb(PALETTE.text),
};

export function drawDisplay(display: DisplayPayload): Raster {
  switch (display.kind) {
    case 'images':
      return drawImages(display);
    case 'points':
      return drawPoints(display);
    case 'loss':
      return drawLoss(display);
    case 'metrics':
      return drawBars(display);
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

/**
 * A scatter with axes and a legend: data (if any) underneath, then the score field, then the
 * samples on top. The axes cover the display bounds and every point, so nothing is clipped.
 */
export function drawPoints(d: PointsDisplay, size = 560): Raster {
  const r = new Raster(size, size, PLOT_COLORS.background);
  let [x0, x1, y0, y1] = d.bounds;
  for (const set of [d.points, d.overlay ?? new Float32Array(0)])
    for (let i = 0; i + 1 < set.length; i += 2)
      if (Number.isFinite(set[i]) && Number.isFinite(set[i + 1])) {
        [x0, x1] = [Math.min(x0, set[i]), Math.max(x1, set[i])];
        [y0, y1] = [Math.min(y0, set[i + 1]), Math.max(y1, set[i + 1])];
      }
  const padX = (x1 - x0) * 0.03 || 1;
  const padY = (y1 - y0) * 0.03 || 1;
  const frame = drawFrame(
    r,
    { min: x0 - padX, max: x1 + padX, label: 'x1' },
    { min: y0 - padY, max: y1 + padY, label: 'x2' },
    d.caption,
  );
  const { x, y } = frame;
  const legend: { label: string; color: Rgb }[] = [];
  // Field first and faint, then the data, then the samples on top.
  if (d.field) {
    for (let i = 0; i + 3 < d.field.length; i += 4) {
      const [fx, fy, dx, dy] = [d.field[i], d.field[i + 1], d.field[i + 2], d.field[i + 3]];
      r.line(x(fx), y(fy), x(fx + dx), y(fy + dy), PLOT_COLORS.field, 0.45);
      r.dot(x(fx + dx), y(fy + dy), 1, PLOT_COLORS.field, 0.6);
    }
  }
  if (d.overlay) {
    for (let i = 0; i + 1 < d.overlay.length; i += 2)
      r.dot(x(d.overlay[i]), y(d.overlay[i + 1]), 1.5, PLOT_COLORS.data, 0.85);
    legend.push({ label: 'data', color: PLOT_COLORS.data });
  }
  for (let i = 0; i + 1 < d.points.length; i += 2)
    r.dot(x(d.points[i]), y(d.points[i + 1]), 1.8, PLOT_COLORS.samples, 0.9);
  if (d.points.length) legend.push({ label: 'samples', color: PLOT_COLORS.samples });
  if (d.field) legend.push({ label: 'score field', color: PLOT_COLORS.field });
  drawLegend(r, frame, legend);
  return r;
}

/**
 * The loss curve against the step on a log axis (losses span orders of magnitude early in
 * training) and, when the display has them, the mean loss at each noise level against its σ.
 */
export function drawLoss(d: LossDisplay, height = 340): Raster {
  const perLevel = d.perLevel && d.sigmas && d.perLevel.length === d.sigmas.length;
  const panel = 520;
  const r = new Raster(perLevel ? 2 * panel : panel, height, PLOT_COLORS.background);
  const curve = d.loss.map((v, i) => [d.steps[i], v] as const).filter(([, v]) => Number.isFinite(v) && v > 0);
  drawCurve(r, curve, 0, panel, 'loss', 'step', d.caption);
  if (perLevel) {
    const points = d
      .sigmas!.map((s, i) => [s, d.perLevel![i]] as const)
      .filter(([s, v]) => s > 0 && Number.isFinite(v) && v > 0);
    drawCurve(r, points, panel, panel, 'mean loss at σ', 'σ (noise level)', 'per noise level', true);
  }
  return r;
}

/** One log-y panel of `r` starting at pixel column `left`; a log x axis too when `logX`. */
function drawCurve(
  r: Raster,
  points: readonly (readonly [number, number])[],
  left: number,
  width: number,
  yLabel: string,
  xLabel: string,
  title?: string,
  logX = false,
): void {
  const sub = new Raster(width, r.height, PLOT_COLORS.background);
  const xs = points.map(([x]) => x);
  const ys = points.map(([, v]) => v);
  const span = (values: number[], log: boolean, fallback: [number, number]): [number, number] => {
    if (!values.length) return fallback;
    const [lo, hi] = [Math.min(...values), Math.max(...values)];
    if (hi > lo) return log ? [lo / 1.15, hi * 1.15] : [lo, hi];
    return log ? [lo / 2, hi * 2] : [lo - 1, hi + 1];
  };
  const [xMin, xMax] = span(xs, logX, logX ? [0.01, 1] : [0, 1]);
  const [yMin, yMax] = span(ys, true, [0.1, 1]);
  const frame = drawFrame(
    sub,
    { min: xMin, max: xMax, label: xLabel, log: logX },
    { min: yMin, max: yMax, label: yLabel, log: true },
    title,
  );
  for (let i = 1; i < points.length; i++)
    sub.line(frame.x(xs[i - 1]), frame.y(ys[i - 1]), frame.x(xs[i]), frame.y(ys[i]), PLOT_COLORS.loss);
  for (let i = 0; i < points.length; i++)
    if (points.length === 1 || logX) sub.dot(frame.x(xs[i]), frame.y(ys[i]), 2.2, PLOT_COLORS.loss);
  for (let y = 0; y < r.height; y++)
    r.rgba.set(sub.rgba.subarray(y * width * 4, (y + 1) * width * 4), (y * r.width + left) * 4);
}

/** A metric's bar chart (the numbers are in summary.json and the .npy; the bars carry no text). */
export function drawBars(d: MetricsDisplay, width = 320, height = 160): Raster {
  const r = new Raster(width, height, PLOT_COLORS.background);
  const pad = 12;
  const { values } = d.bars;
  r.line(pad, height - pad, width - pad, height - pad, PLOT_COLORS.text);
  const top = Math.max(...values.filter(Number.isFinite), 1e-12);
  const slot = (width - 2 * pad) / Math.max(1, values.length);
  values.forEach((v, i) => {
    if (!(v > 0)) return;
    const h = (Math.min(v, top) / top) * (height - 2 * pad);
    const x0 = Math.round(pad + i * slot + slot * 0.15);
    const x1 = Math.round(pad + (i + 1) * slot - slot * 0.15);
    for (let x = x0; x <= x1; x++) r.line(x, height - pad, x, height - pad - h, PLOT_COLORS.samples);
  });
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
    case 'metrics':
      return { data: Float32Array.from(d.bars.values), shape: [d.bars.values.length] };
  }
}
