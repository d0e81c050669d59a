/**
 * What flows along each socket type at run time. Type-only: node files load the science
 * (and tfjs) lazily inside run(), so the editor can import node declarations without tfjs.
 *
 * Ownership: a node's outputs own their tensors. A node that passes on or keeps an input
 * tensor clones it (`tf.clone` shares the data), because the runtime disposes each cached
 * output on its own when it is replaced. Objects with a `dispose()` method are disposed by
 * calling it; other plain objects and arrays are walked for tensors.
 *
 * Tensors a value holds must be reachable through its enumerable properties (at any depth),
 * not only captured in closures: after run() the runtime frees every tensor the node made
 * that its outputs do not reach (src/runtime/owned-scope.ts). `runKind` in tests does the same.
 */
import type { Tensor } from '@tensorflow/tfjs';
import type {
  DatasetValue,
  ScheduleValue,
  ModelValue,
  ExactScore,
  NetworkSpec,
  LossValue,
  OptimizerValue,
  LossLog,
} from '../score/values';

export type {
  DatasetValue,
  ScheduleValue,
  ModelValue,
  ExactScore,
  NetworkSpec,
  LossValue,
  OptimizerValue,
  LossLog,
};

/** A batch of points [N, 2] or images [N, H, W, C], values nominally in [0, 1]. */
export interface SamplesValue {
  kind: 'points' | 'images';
  data: Tensor;
  /** Optional intermediate snapshots (e.g. one per noise level), same layout as `data`. */
  trajectory?: Tensor[];
}

/** 1 where a pixel is known, 0 where it is to be filled in; shape [H, W, C]. */
export interface MaskValue {
  data: Tensor;
}

export interface SocketValues {
  Dataset: DatasetValue;
  Schedule: ScheduleValue;
  Model: ModelValue;
  Loss: LossValue;
  Optimizer: OptimizerValue;
  Samples: SamplesValue;
  Mask: MaskValue;
  Losses: LossLog;
}
