/**
 * The socket table: for each type of value that flows along an edge, its doc, its meta (the
 * compile-time facts infer() works with, e.g. a dataset's item shape, so mistakes show on the
 * right node before any GPU work) and its value (what run() gets), and how to read the meta off
 * a value. A new socket type is one row here, its name in src/graph/sockets.ts and its colour
 * in the editor theme (src/editor/app/socket-colors.ts); the compiler holds the three together.
 *
 * Ownership of values: a node's outputs own their tensors. A node that passes on or keeps an input
 * tensor clones it (`tf.clone` shares the data), because the runtime disposes each cached
 * output on its own when it is replaced. Objects with a `dispose()` method are disposed by
 * calling it; other plain objects and arrays are walked for tensors.
 *
 * Tensors a value holds must be reachable through its enumerable properties (at any depth),
 * not only captured in closures: after run() the runtime frees every tensor the node made
 * that its outputs do not reach (src/runtime/owned-scope.ts). `runKind` in tests does the same.
 */
import type { Tensor } from '@tensorflow/tfjs';
import type { SocketType } from '../graph';
import type { SamplerDiagnostics } from '../score/sampling/diagnostics';
import type {
  DatasetValue,
  ExactScore,
  LossLog,
  LossValue,
  ModelValue,
  NetworkSpec,
  OptimizerValue,
  ScheduleValue,
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
  /** What the sampler measured as it ran (ε used, ‖s‖·σ per level, Technique 4's ratio). */
  diagnostics?: SamplerDiagnostics;
}

/** 1 where a pixel is known, 0 where it is to be filled in; shape [H, W, C]. */
export interface MaskValue {
  data: Tensor;
}

type None = Record<string, never>;

/** Each socket type's meta and value. */
interface SocketTypes {
  Dataset: { meta: { kind: 'points' | 'images'; shape: number[]; count: number }; value: DatasetValue };
  Schedule: { meta: { levels: number | null }; value: ScheduleValue };
  Model: {
    /** An untrained architecture (train.fit makes its weights), or a ready model that can score. */
    meta:
      | {
          ready: false;
          kind: string;
          shape: null;
          levels: null;
          /** Its weights will be tied to the schedule's level count (conditional norms). */
          conditional?: boolean;
          /** Its architecture params (for train.fit's compile-time memory estimate). */
          architecture?: Readonly<Record<string, unknown>>;
        }
      | {
          ready: true;
          /** An exact score: nothing to train. Otherwise a trained (or loaded) network. */
          exact: boolean;
          kind: string;
          /** The data shape the model works on; null while it is not fixed yet. */
          shape: number[] | null;
          /** Noise levels the model is conditioned on (CIN++); null when any count works. */
          levels: number | null;
        };
    value: ModelValue;
  };
  Loss: { meta: None; value: LossValue };
  Optimizer: { meta: None; value: OptimizerValue };
  Samples: {
    meta: { kind: 'points' | 'images' | null; shape: number[] | null; count: number | null };
    value: SamplesValue;
  };
  Mask: { meta: { shape: number[] | null }; value: MaskValue };
  Losses: { meta: None; value: LossLog };
}

export type SocketTypeName = keyof SocketTypes;
export type SocketMetas = { [T in SocketTypeName]: SocketTypes[T]['meta'] };
export type SocketValues = { [T in SocketTypeName]: SocketTypes[T]['value'] };
/** A meta as it flows: `source` is the node id that produced the fact. */
export type Meta<T extends SocketTypeName = SocketTypeName> = SocketMetas[T] & { source: string };
/** A meta as infer() returns it (the executor adds `source`); keeps the Model union apart. */
export type OutputMeta<T extends SocketTypeName> = SocketMetas[T] extends infer M
  ? M extends unknown
    ? M
    : never
  : never;

interface SocketRow<T extends SocketTypeName> {
  doc: string;
  /** The meta of a value that is actually flowing (shapes and fields only, no tfjs calls). */
  metaOf(value: SocketValues[T]): OutputMeta<T>;
}

export const SOCKETS: { [T in SocketType]: SocketRow<T> } = {
  Dataset: {
    doc: 'A set of training examples: 2-D points or images, values in [0, 1].',
    metaOf: (v) => ({ kind: v.kind, shape: [...v.shape], count: v.count }),
  },
  Schedule: {
    doc: 'Noise levels sigma_1 > … > sigma_L (largest first).',
    metaOf: (v) => ({ levels: v.sigmas.length }),
  },
  Model: {
    doc: 'A score model s(x, sigma): a network (trained or not) or an exact score.',
    metaOf: (v) =>
      v.ready
        ? {
            ready: true,
            exact: v.exact,
            kind: v.kind,
            shape: [...v.shape],
            levels: v.exact ? null : v.levels,
          }
        : {
            ready: false,
            kind: v.kind,
            shape: null,
            levels: null,
            conditional: v.config.conditioning === 'conditional-norm',
          },
  },
  Loss: { doc: 'A training objective (denoising score matching).', metaOf: () => ({}) },
  Optimizer: { doc: 'An optimiser with its settings (Adam + EMA).', metaOf: () => ({}) },
  Samples: {
    doc: 'A batch of points or images.',
    metaOf: (v) => ({ kind: v.kind, shape: v.data.shape.slice(1), count: v.data.shape[0] }),
  },
  Mask: {
    doc: 'Which pixels are known (1) and which are to be filled in (0).',
    metaOf: (v) => ({ shape: [...v.data.shape] }),
  },
  Losses: {
    doc: 'A training loss log: loss per logged step, and per noise level.',
    metaOf: () => ({}),
  },
};
