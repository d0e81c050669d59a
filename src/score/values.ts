/**
 * The science-level values that flow between nodes. (Placeholder contract; the science
 * issue fills in models, losses and optimisers.)
 */
import type { Tensor } from '@tensorflow/tfjs';

export interface DatasetValue {
  kind: 'points' | 'images';
  /** Shape of one item: [2] for points, [H, W, C] for images. */
  shape: number[];
  count: number;
  /** [count, ...shape], values nominally in [0, 1]. */
  data: Tensor;
  name: string;
}

export interface ScheduleValue {
  /** sigma_1 > … > sigma_L, largest first (label 0 = largest). */
  sigmas: number[];
}

export interface ModelValue {
  kind: string;
  ready: boolean;
  dispose(): void;
}

export interface LossValue {
  kind: 'dsm';
}

export interface OptimizerValue {
  kind: 'adam';
}

export interface LossLog {
  steps: number[];
  loss: number[];
}
