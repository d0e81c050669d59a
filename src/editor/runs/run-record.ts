/**
 * One recorded run: the graph as it ran, what changed since the run before, where and how it ran,
 * and small copies of what it showed (loss curves, sample thumbnails). Never weights: a record
 * stays a few tens of kilobytes, so the history fits in the browser.
 */
import type { Graph, Json } from '../../graph';
import type { DisplayPayload, ImagesDisplay, LossDisplay, PointsDisplay } from '../../nodes/display';
import type { NodeStatus } from '../../runtime/events';
import type { GraphChange } from './graph-diff';

export const RUN_RECORD_VERSION = 1;

export interface RunRecord {
  version: typeof RUN_RECORD_VERSION;
  /** Unique and sortable: start time, then the runtime's run id. */
  id: string;
  startedAt: number;
  /** The graph as it ran (no view). */
  graph: Graph;
  /** Content hash of the graph (kinds, params, wires; not layout): equal hashes ran the same graph. */
  graphHash: string;
  /** Changes from the previous recorded run's graph (empty for the first). */
  changes: GraphChange[];
  /** Set on the first run recorded (nothing before it to compare with). */
  first?: true;
  backend: string;
  seed: number | null;
  status: 'done' | 'error' | 'cancelled';
  seconds: number;
  message?: string;
  nodes: Record<string, { status: NodeStatus; seconds?: number; summary?: Json }>;
  /** Compact copies of the last display of each node that showed one. */
  displays: Record<string, DisplayPayload>;
}

/**
 * Pixel values kept per images display: 10,000 float32s, at most 40 kB (12 MNIST digits, or three
 * 32-px colour images), so 30 records with a grid each stay around a megabyte and a half.
 */
export const THUMBNAIL_PIXELS = 10_000;
const MAX_POINTS = 600;
const MAX_LOSS_POINTS = 400;

/** A copy of `display` small enough to keep: fewer images, points and loss samples. */
export function compactDisplay(display: DisplayPayload): DisplayPayload {
  switch (display.kind) {
    case 'images':
      return compactImages(display);
    case 'points':
      return compactPoints(display);
    case 'loss':
      return compactLoss(display);
    case 'metrics':
      return display; // a few numbers and bars: already small
  }
}

function compactImages(d: ImagesDisplay): ImagesDisplay {
  const size = d.height * d.width * d.channels;
  const count = Math.max(1, Math.min(d.count, Math.floor(THUMBNAIL_PIXELS / size)));
  return {
    ...d,
    count,
    columns: Math.min(d.columns, count),
    pixels: d.pixels.slice(0, count * size),
  };
}

function compactPoints(d: PointsDisplay): PointsDisplay {
  return {
    kind: 'points',
    points: everyNth(d.points, 2, MAX_POINTS),
    overlay: d.overlay && everyNth(d.overlay, 2, MAX_POINTS),
    bounds: d.bounds,
    caption: d.caption,
  };
}

function compactLoss(d: LossDisplay): LossDisplay {
  const stride = Math.max(1, Math.ceil(d.steps.length / MAX_LOSS_POINTS));
  const keep = (_: number, i: number) => i % stride === 0 || i === d.steps.length - 1;
  return { ...d, steps: d.steps.filter(keep), loss: d.loss.filter(keep) };
}

/** Every n-th item of `width` numbers each, so that at most `max` items remain. */
function everyNth(values: Float32Array, width: number, max: number): Float32Array {
  const items = values.length / width;
  if (items <= max) return values.slice();
  const stride = items / max;
  const out = new Float32Array(max * width);
  for (let i = 0; i < max; i++)
    out.set(
      values.subarray(Math.floor(i * stride) * width, Math.floor(i * stride) * width + width),
      i * width,
    );
  return out;
}

/** The last logged loss of the run (from the first loss display), or null. */
export function finalLoss(record: RunRecord): number | null {
  for (const display of Object.values(record.displays))
    if (display.kind === 'loss' && display.loss.length) return display.loss[display.loss.length - 1];
  return null;
}
