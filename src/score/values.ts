/**
 * The science-level values that flow between nodes (see src/nodes/sockets.ts for ownership rules).
 * Tensors here are owned by the value; `dispose()` frees them all.
 */
import type { Tensor, Tensor1D } from '@tensorflow/tfjs';
import type { LearningRateDecay } from './lr-schedule';
import type { TrainedNetwork } from './trained';

export interface DatasetValue {
  kind: 'points' | 'images';
  /** Shape of one item: [2] for points, [H, W, C] for images. */
  shape: number[];
  count: number;
  /** [count, ...shape], values nominally in [0, 1]. */
  data: Tensor;
  name: string;
  /** For mixtures: the exact components, so an exact score can be built. */
  mixture?: { mean: number[]; std: number; weight: number }[];
  dispose(): void;
}

export interface ScheduleValue {
  /** sigma_1 > … > sigma_L, largest first (label 0 = largest). */
  sigmas: number[];
}

/**
 * A ready score model s(x, sigma): a trained (EMA) network, a loaded checkpoint or an exact score.
 * `score` must be called inside tf.tidy; it returns a tensor shaped like x.
 */
export interface ScoreModel {
  ready: true;
  /** An exact score (no weights), or a trained network (TrainedNetwork, src/score/trained.ts). */
  exact: boolean;
  /** 'mlp' | 'ncsn' | 'exact-mixture' | 'exact-empirical' | … */
  kind: string;
  /** Shape of one data item this model works on. */
  shape: number[];
  /** The schedule it was trained with; samplers with a conditional net must use the same levels. */
  sigmas: number[] | null;
  /** x: [B, ...shape]; sigma: [B] noise std per item; labels: [B] int32 level index into `sigmas`. */
  score(x: Tensor, sigma: Tensor1D, labels: Tensor1D): Tensor;
  dispose(): void;
}

/**
 * An untrained network architecture (from model.mlp / model.ncsn): its weights are made by
 * train.fit once the data shape and the schedule are known.
 */
export interface NetworkSpec {
  ready: false;
  kind: string;
  /** The node params that define the architecture (ngf, norm, conditioning, …). */
  config: Record<string, unknown>;
  seed: number;
  dispose(): void;
}

/** An exact score of known data (a mixture's, or the empirical one): nothing to train. */
export interface ExactScore extends ScoreModel {
  exact: true;
  kind: 'exact-mixture' | 'exact-empirical';
}

/** What flows on a Model socket: an untrained architecture, a trained network or an exact score. */
export type ModelValue = NetworkSpec | TrainedNetwork | ExactScore;

export interface LossValue {
  kind: 'dsm';
  /** 'step' = one sigma per step (the lab's default); 'sample' = one per sample (reference code). */
  sigmaPer: 'step' | 'sample';
}

export interface OptimizerValue {
  kind: 'adam';
  learningRate: number;
  /** The rate over the run (lr-schedule.ts). */
  lrDecay: LearningRateDecay;
  lrDecayTo: number;
  warmupSteps: number;
  beta1: number;
  beta2: number;
  epsilon: number;
  ema: number;
  emaBiasCorrection: boolean;
}

export interface LossLog {
  steps: number[];
  loss: number[];
  /** Mean loss per noise level over the run (index 0 = largest sigma); NaN where never drawn. */
  perLevel: number[];
  sigmas: number[];
  /** Why training stopped before its last step (the loss diverged), when it did. */
  stopped?: string;
  /** Items per gradient pass when a batch was split to fit in memory (absent: whole batches). */
  microBatch?: number;
  /** Threads that computed each batch's gradient (the CLI's data-parallel helpers + this one), when offered. */
  threads?: number;
}
