/**
 * A training step shared with helper threads (data parallel): the batch's rows are split into
 * shards (train-step.ts `shardGradients`); the helpers compute theirs from a copy of the weights
 * while this thread computes its own, then the gradients are summed here and the
 * ParameterUpdate (Adam + EMA, whose state lives only here) is applied once. The shards'
 * gradients add up to the whole batch's, so the step is the single-thread step up to float
 * summation order. What runs the helpers (Node worker threads: src/runtime/parallel/) is given
 * by the host; this file only knows the interface.
 */
import * as tf from '@tensorflow/tfjs';
import type { ScoreNetwork } from './networks/network';
import {
  shardGradients,
  type BatchGradients,
  type Shard,
  type StepDraw,
  type TrainerState,
} from './train-step';

/** What a helper needs once to compute any shard of any step: the training problem. */
export interface ShardProblem {
  /** The network, as buildNetwork rebuilds it. */
  kind: ScoreNetwork['kind'];
  config: ScoreNetwork['config'];
  shape: readonly number[];
  levels: number;
  sigmas: readonly number[];
  /** The data set, row-major [N, ...shape]. */
  data: Float32Array;
  dataShape: readonly number[];
  batchSize: number;
  /** Rows per gradient pass (step-memory.ts); each thread has its own memory. */
  microBatch: number;
}

/** A helper's answer for one shard: ∇(Σ its rows' losses)/B flat in weightSpecs order, and its per-level loss sums [L]. */
export interface ShardAnswer {
  gradients: Float32Array;
  perLevel: Float32Array;
}

/** Threads that compute shards of a step's gradient; they hold no optimiser state. */
export interface GradientHelpers {
  /** How many helper threads there are (besides the one that trains). */
  readonly count: number;
  /**
   * The gradients of `shards` (one per helper) of `draw` at `weights` (flat, weightSpecs order).
   * The answers stay valid until the next call. Rejects with a message naming the helper that failed.
   */
  compute(weights: Float32Array, draw: StepDraw, shards: readonly Shard[]): Promise<ShardAnswer[]>;
  /** Stops the threads; after it nothing of theirs keeps the process alive. */
  close(): Promise<void>;
}

/** Starts helpers for a problem, or answers null when helping would not pay (e.g. a small batch). */
export type StartGradientHelpers = (problem: ShardProblem) => Promise<GradientHelpers | null>;

/** `batch` rows split into `parts` contiguous shards whose sizes differ by at most one. */
export function splitRows(batch: number, parts: number): Shard[] {
  if (!Number.isInteger(parts) || parts < 1 || parts > batch)
    throw new Error(`Cannot split a batch of ${batch} rows into ${parts} shards.`);
  const shards: Shard[] = [];
  let start = 0;
  for (let k = 0; k < parts; k++) {
    const size = Math.floor(batch / parts) + (k < batch % parts ? 1 : 0);
    shards.push({ start, size });
    start += size;
  }
  return shards;
}

/** Every weight of `state.params`, in weightSpecs order, copied into one flat buffer. */
export function flattenWeights(net: ScoreNetwork, state: TrainerState, into: Float32Array): Float32Array {
  let offset = 0;
  for (const spec of net.weightSpecs) {
    const values = state.params[spec.name].dataSync() as Float32Array;
    into.set(values, offset);
    offset += values.length;
  }
  return into;
}

/** Number of floats in a flat buffer of all the network's weights. */
export function flatWeightCount(net: ScoreNetwork): number {
  return net.weightSpecs.reduce((n, spec) => n + spec.shape.reduce((a, b) => a * b, 1), 0);
}

/**
 * A step function like makeTrainStep's, sharing each batch with `helpers`: this thread takes
 * the first shard, the helpers the others. It returns the per-level loss sums [L] (the caller
 * disposes them). Every batch must have at least `helpers.count + 1` rows.
 */
export function makeParallelTrainStep(
  net: ScoreNetwork,
  data: tf.Tensor,
  sigmas: readonly number[],
  state: TrainerState,
  microBatch: number,
  helpers: GradientHelpers,
): (draw: StepDraw) => Promise<tf.Tensor1D> {
  const varList = [...state.varList];
  const weightName = new Map(Object.entries(state.params).map(([name, v]) => [v.name, name]));
  const flat = new Float32Array(flatWeightCount(net));
  const levels = sigmas.length;
  return async (draw) => {
    const [own, ...others] = splitRows(draw.indices.length, helpers.count + 1);
    const answered = helpers.compute(flattenWeights(net, state, flat), draw, others);
    // This thread's shard runs while the helpers compute theirs.
    const mine = tf.tidy(() => {
      const { grads, perLevel } = shardGradients(
        net,
        data,
        sigmas,
        state.params,
        varList,
        draw,
        own,
        microBatch,
      );
      return { grads, perLevel };
    }) as BatchGradients;
    let answers: ShardAnswer[];
    try {
      answers = await answered;
    } catch (error) {
      tf.dispose([...Object.values(mine.grads), mine.perLevel]);
      throw error;
    }
    return tf.tidy(() => {
      // The helpers' gradients summed here, in a fresh buffer (their answers are reused next step).
      const theirs = new Float32Array(flat.length);
      const theirLevels = new Float32Array(levels);
      for (const answer of answers) {
        for (let i = 0; i < theirs.length; i++) theirs[i] += answer.gradients[i];
        for (let l = 0; l < levels; l++) theirLevels[l] += answer.perLevel[l];
      }
      const byWeight: tf.NamedTensorMap = {};
      let offset = 0;
      for (const spec of net.weightSpecs) {
        const variable = state.params[spec.name];
        const size = variable.size;
        const g = mine.grads[variable.name];
        // A weight without a gradient here has none in any shard: the update skips it, as in one thread.
        if (g)
          byWeight[weightName.get(variable.name)!] = tf.add(
            g,
            tf.tensor(theirs.subarray(offset, offset + size), variable.shape),
          );
        offset += size;
      }
      state.update.apply(byWeight, draw.emaDecay, draw.learningRate);
      const perLevel = tf.add(mine.perLevel, tf.tensor1d(theirLevels)) as tf.Tensor1D;
      tf.dispose([...Object.values(mine.grads), mine.perLevel]); // made outside this tidy
      return perLevel;
    });
  };
}
