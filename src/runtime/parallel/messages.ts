/**
 * What the training thread and its gradient helpers (helper-thread.ts) say to each other.
 * Bulk data travels in SharedArrayBuffers set up once: the data set, the weights (written by
 * the training thread before each step) and each helper's answer (its flat gradients, then its
 * per-level loss sums); the messages themselves carry only the step's draw and row range.
 */
import type { StepDraw, Shard } from '../../score/train-step';
import type { ShardProblem } from '../../score/parallel-step';

export type HelperBackend = 'wasm' | 'cpu';

/** Sent once: everything but the data, which comes as a shared view. */
export interface SetupMessage {
  type: 'setup';
  /** Which helper this is (1-based, for messages). */
  index: number;
  backend: HelperBackend;
  problem: ShardProblem;
  /** Flat weights, weightSpecs order; read by the helper, written by the training thread. */
  weights: Float32Array;
  /** The helper's answer: flat gradients, then L per-level loss sums. */
  answer: Float32Array;
}

export interface ShardMessage {
  type: 'shard';
  draw: StepDraw;
  shard: Shard;
}

export type ToHelper = SetupMessage | ShardMessage;

export type FromHelper = { type: 'ready' } | { type: 'done' } | { type: 'failed'; message: string };
