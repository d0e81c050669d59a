/**
 * Viewer payloads built from plain arrays read back from samples: image grids and point
 * clouds with bounds that frame the data. Pure and tfjs-free, so it is cheap to test.
 */
import type { ImagesDisplay, PointsDisplay } from '../display';

/**
 * An image grid from [N, H, W, C] values (C = 1 or 3). Values are passed on as sampled, not
 * clamped: renderers clamp to [0, 1] for display, and exported arrays keep the real numbers.
 */
export function imagesDisplay(
  pixels: Float32Array,
  shape: readonly number[],
  columns: number,
  caption?: string,
): ImagesDisplay {
  const [count, height, width, channels] = shape;
  if (shape.length !== 4 || (channels !== 1 && channels !== 3))
    throw new Error(`Images must be [N, H, W, 1 or 3] to show (got [${shape}]).`);
  return { kind: 'images', count, height, width, channels, pixels, columns: Math.max(1, columns), caption };
}

/** Low and high quantiles of one coordinate of interleaved x, y pairs. */
function quantiles(values: Float32Array, axis: 0 | 1, low: number, high: number): [number, number] {
  const column: number[] = [];
  for (let i = axis; i < values.length; i += 2) if (Number.isFinite(values[i])) column.push(values[i]);
  if (column.length === 0) return [Infinity, -Infinity];
  column.sort((a, b) => a - b);
  const at = (q: number) =>
    column[Math.min(column.length - 1, Math.max(0, Math.round(q * (column.length - 1))))];
  return [at(low), at(high)];
}

/**
 * Bounds that frame the reference data fully (when given) and the bulk of the samples (0.5–99.5 %,
 * so a few runaway chains do not shrink everything else), padded by 8 %, with equal spans on
 * both axes so shapes and arrows are not distorted on a square canvas.
 */
export function pointBounds(points: Float32Array, overlay?: Float32Array): PointsDisplay['bounds'] {
  const ranges = ([0, 1] as const).map((axis) => {
    let [lo, hi] = quantiles(points, axis, 0.005, 0.995);
    if (overlay) {
      const [olo, ohi] = quantiles(overlay, axis, 0, 1);
      [lo, hi] = [Math.min(lo, olo), Math.max(hi, ohi)];
    }
    return Number.isFinite(lo) && Number.isFinite(hi) ? [lo, hi] : [0, 1];
  });
  const half = 1.08 * Math.max(1e-3, ...ranges.map(([lo, hi]) => (hi - lo) / 2));
  const [cx, cy] = ranges.map(([lo, hi]) => (lo + hi) / 2);
  return [cx - half, cx + half, cy - half, cy + half];
}

/**
 * Field arrows (x, y, sx, sy per grid point) scaled for display: the 90th-percentile arrow is
 * 0.8 of a grid cell and none is longer than 1.2 cells, so directions stay readable where the
 * score is large (near the data at small sigma) and where it is small.
 */
export function scaleField(raw: Float32Array, cell: number): Float32Array {
  const lengths: number[] = [];
  for (let i = 0; i < raw.length; i += 4) lengths.push(Math.hypot(raw[i + 2], raw[i + 3]));
  const sorted = lengths.filter(Number.isFinite).sort((a, b) => a - b);
  const typical = sorted.length ? sorted[Math.floor(0.9 * (sorted.length - 1))] : 0;
  const scale = typical > 0 ? (0.8 * cell) / typical : 0;
  const out = new Float32Array(raw.length);
  for (let k = 0; k < lengths.length; k++) {
    const i = 4 * k;
    const length = Number.isFinite(lengths[k]) ? lengths[k] * scale : 0;
    const shrink = length > 1.2 * cell ? (1.2 * cell) / length : 1;
    out[i] = raw[i];
    out[i + 1] = raw[i + 1];
    out[i + 2] = Number.isFinite(lengths[k]) ? raw[i + 2] * scale * shrink : 0;
    out[i + 3] = Number.isFinite(lengths[k]) ? raw[i + 3] * scale * shrink : 0;
  }
  return out;
}

export function pointsDisplay(
  points: Float32Array,
  options: {
    overlay?: Float32Array;
    field?: Float32Array;
    bounds?: PointsDisplay['bounds'];
    caption?: string;
  } = {},
): PointsDisplay {
  return {
    kind: 'points',
    points,
    overlay: options.overlay,
    field: options.field,
    bounds: options.bounds ?? pointBounds(points, options.overlay),
    caption: options.caption,
  };
}

/** A display for a batch of samples of either kind: points [N, 2] or images [N, H, W, C]. */
export function samplesDisplay(
  values: Float32Array,
  shape: readonly number[],
  caption?: string,
): ImagesDisplay | PointsDisplay {
  if (shape.length === 2 && shape[1] === 2) return pointsDisplay(values, { caption });
  return imagesDisplay(values, shape, Math.ceil(Math.sqrt(shape[0])), caption);
}
