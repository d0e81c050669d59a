/**
 * One DSM training step, entirely inside one tf.tidy: gather the batch, draw z, take the loss
 * gradients of the fixed, ordered variable list (in micro-batches when the whole batch would
 * not fit in memory: step-memory.ts), then hand them to the ParameterUpdate (Adam + EMA; fused
 * into one kernel on WebGPU). Nothing is read back: the step returns the per-level
 * loss sums as a device tensor, which the loop accumulates and reads only at log points.
 */
import * as tf from '@tensorflow/tfjs';
import { dsmPerSample, lossPerLevel } from './dsm';
import type { ScoreNetwork } from './networks/network';
import type { Weights } from './networks/weights';
import { makeParameterUpdate, type AdamSettings, type ParameterUpdate } from './parameter-update';

export type { AdamSettings } from './parameter-update';

/** What a step updates: the trainable weights, their EMA shadow, and the update (Adam state) over them. */
export interface TrainerState {
  readonly params: Weights;
  readonly ema: Weights;
  readonly varList: readonly tf.Variable[];
  readonly update: ParameterUpdate;
}

export function makeTrainerState(params: Weights, ema: Weights, adam: AdamSettings): TrainerState {
  return {
    params,
    ema,
    varList: Object.values(params),
    update: makeParameterUpdate(params, ema, adam),
  };
}

/** The random choices of one step, made on the CPU by seeded generators (reproducible on every backend). */
export interface StepDraw {
  /** Rows of the data set in this batch. */
  indices: Int32Array;
  /** Level label per item (0 = largest sigma). */
  labels: Int32Array;
  /** Seed of this step's z ~ N(0, I) (never 0). */
  noiseSeed: number;
  /** EMA decay for this step (see ema.ts). */
  emaDecay: number;
  /** Adam's rate for this step (see lr-schedule.ts). */
  learningRate: number;
}

/** The gradient of one batch's mean loss, by variable name, and its per-level loss sums [L]. */
export interface BatchGradients {
  grads: tf.NamedTensorMap;
  perLevel: tf.Tensor1D;
}

/** Rows [start, start + size) of a step's draw: the part of the batch one thread computes. */
export interface Shard {
  start: number;
  size: number;
}

/** Throws unless `shard` is a non-empty row range inside a batch of `batch` rows. */
export function checkShard(shard: Shard, batch: number): void {
  const { start, size } = shard;
  if (!(
    Number.isInteger(start) &&
    Number.isInteger(size) &&
    start >= 0 &&
    size >= 1 &&
    start + size <= batch
  ))
    throw new Error(`Shard rows [${start}, ${start + size}) are not inside the batch of ${batch}.`);
}

/** The whole batch of `draw` as one shard. */
export const wholeBatch = (draw: StepDraw): Shard => ({ start: 0, size: draw.indices.length });

/**
 * The part of the mean-loss gradient that the rows `shard` of `draw` contribute:
 * ∇(Σ their per-sample losses) / B, with B the whole batch, so the shards' gradients add up to
 * the batch's. It is taken in micro-batches of at most `microBatch` rows (only one micro-batch's
 * activations are alive at a time). The batch's noise is drawn once from the step's seed and
 * sliced, so a row sees the same z whichever shard or thread computes it. Call inside tf.tidy.
 */
export function shardGradients(
  net: ScoreNetwork,
  data: tf.Tensor,
  sigmas: readonly number[],
  params: Weights,
  varList: tf.Variable[],
  draw: StepDraw,
  shard: Shard,
  microBatch: number,
): BatchGradients {
  const batch = draw.indices.length;
  checkShard(shard, batch);
  const { start: first, size: rowCount } = shard;
  const rowsOf = (a: Int32Array) => a.subarray(first, first + rowCount);
  const x = tf.gather(data, tf.tensor1d(rowsOf(draw.indices), 'int32'));
  const labels = tf.tensor1d(rowsOf(draw.labels), 'int32');
  const sigma = tf.tensor1d(Float32Array.from(rowsOf(draw.labels), (l) => sigmas[l]));
  const wholeNoise = tf.randomNormal([batch, ...x.shape.slice(1)], 0, 1, 'float32', draw.noiseSeed);
  const noise = rowCount === batch ? wholeNoise : tf.slice(wholeNoise, first, rowCount);
  let total: BatchGradients | null = null;
  for (let start = 0; start < rowCount; start += microBatch) {
    const size = Math.min(microBatch, rowCount - start);
    const part = tf.tidy(() => {
      const rows = <T extends tf.Tensor>(t: T) => (size === rowCount ? t : (tf.slice(t, start, size) as T));
      const chunk = { x: rows(x), noise: rows(noise), sigma: rows(sigma), labels: rows(labels) };
      let kept: tf.Tensor1D | null = null;
      const { grads } = tf.variableGrads(() => {
        const perSample = dsmPerSample(net, params, chunk);
        const levels = rowsOf(draw.labels).subarray(start, start + size);
        kept = tf.keep(lossPerLevel(perSample, levels, sigmas.length)); // past the gradient's scope
        return tf.div(tf.sum(perSample), batch) as tf.Scalar;
      }, varList);
      const perLevel = tf.clone(kept!); // an ordinary tensor again: kept ones outlive every tidy
      kept!.dispose();
      return { grads, perLevel };
    });
    if (!total) total = part;
    else {
      const previous: BatchGradients = total;
      const grads: tf.NamedTensorMap = {};
      for (const [name, g] of Object.entries(previous.grads)) grads[name] = tf.add(g, part.grads[name]);
      total = { grads, perLevel: tf.add(previous.perLevel, part.perLevel) as tf.Tensor1D };
      // Free as we go: the enclosing tidy would keep every partial sum until the step ends.
      tf.dispose([
        ...Object.values(previous.grads),
        previous.perLevel,
        ...Object.values(part.grads),
        part.perLevel,
      ]);
    }
  }
  return total!;
}

/** The gradient of the mean DSM loss over the whole batch of `draw`: all of it as one shard. */
export function batchGradients(
  net: ScoreNetwork,
  data: tf.Tensor,
  sigmas: readonly number[],
  params: Weights,
  varList: tf.Variable[],
  draw: StepDraw,
  microBatch: number,
): BatchGradients {
  return shardGradients(net, data, sigmas, params, varList, draw, wholeBatch(draw), microBatch);
}

/**
 * A step function for `net` on `data` [N, ...shape] with noise levels `sigmas`, taking the
 * gradient in micro-batches of at most `microBatch` items (default: the whole batch at once).
 * It returns the sum of per-sample losses per level [L], which the caller owns and must dispose.
 */
export function makeTrainStep(
  net: ScoreNetwork,
  data: tf.Tensor,
  sigmas: readonly number[],
  state: TrainerState,
  microBatch = Infinity,
): (draw: StepDraw) => tf.Tensor1D {
  const varList = [...state.varList];
  const weightName = new Map(Object.entries(state.params).map(([name, v]) => [v.name, name]));
  return (draw) =>
    tf.tidy(() => {
      const { grads, perLevel } = batchGradients(net, data, sigmas, state.params, varList, draw, microBatch);
      const byWeight: tf.NamedTensorMap = {};
      for (const [varName, g] of Object.entries(grads)) byWeight[weightName.get(varName)!] = g;
      state.update.apply(byWeight, draw.emaDecay, draw.learningRate);
      return perLevel;
    });
}
