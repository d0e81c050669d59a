/**
 * What viewer nodes show: plain, transferable data (no tensors), sent from the worker to the
 * editor as previews and written to files by the CLI.
 */

/** A batch of images, values in [0, 1], layout [count, height, width, channels]. */
export interface ImagesDisplay {
  kind: 'images';
  count: number;
  height: number;
  width: number;
  channels: 1 | 3;
  pixels: Float32Array;
  /** Columns in the grid; rows follow. */
  columns: number;
  caption?: string;
}

/** A 2-D scatter, optionally over data points and with score-field arrows. */
export interface PointsDisplay {
  kind: 'points';
  /** Interleaved x, y. */
  points: Float32Array;
  /** Optional reference data drawn underneath, interleaved x, y. */
  overlay?: Float32Array;
  /** Optional field arrows: interleaved x, y, dx, dy (already scaled for display). */
  field?: Float32Array;
  bounds: [xMin: number, xMax: number, yMin: number, yMax: number];
  caption?: string;
}

/** A loss curve: loss per logged step, and optionally per noise level. */
export interface LossDisplay {
  kind: 'loss';
  steps: number[];
  loss: number[];
  /** Mean loss per noise level (index 0 = sigma_1, the largest) over the run so far. */
  perLevel?: number[];
  sigmas?: number[];
  caption?: string;
}

/** Quality numbers beside a small bar chart (a metric node's result). */
export interface MetricsDisplay {
  kind: 'metrics';
  /** What is shown, in order: a label, the value as text, and context (a floor, a ceiling). */
  rows: { label: string; value: string; note?: string }[];
  /** The small histogram: one bar per label (samples per digit, distances side by side). */
  bars: { title: string; labels: string[]; values: number[] };
  /** The same numbers for machines (summary.json): unrounded. */
  values: Record<string, number | number[]>;
  caption?: string;
}

export type DisplayPayload = ImagesDisplay | PointsDisplay | LossDisplay | MetricsDisplay;
