/**
 * One DSM training step, entirely inside one tf.tidy: gather the batch, draw z, take the loss
 * gradients of the fixed, ordered variable list, then hand them to the ParameterUpdate (Adam +
 * EMA; fused into one kernel on WebGPU). Nothing is read back: the step returns the per-level
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
}

/**
 * A step function for `net` on `data` [N, ...shape] with noise levels `sigmas`. It returns the
 * sum of per-sample losses per level [L], which the caller owns and must dispose.
 */
export function makeTrainStep(
  net: ScoreNetwork,
  data: tf.Tensor,
  sigmas: readonly number[],
  state: TrainerState,
): (draw: StepDraw) => tf.Tensor1D {
  const levels = sigmas.length;
  const varList = [...state.varList];
  const weightName = new Map(Object.entries(state.params).map(([name, v]) => [v.name, name]));
  return (draw) => {
    let perLevel: tf.Tensor1D | null = null;
    tf.tidy(() => {
      const x = tf.gather(data, tf.tensor1d(draw.indices, 'int32'));
      const labels = tf.tensor1d(draw.labels, 'int32');
      const sigma = tf.tensor1d(Float32Array.from(draw.labels, (l) => sigmas[l]));
      const noise = tf.randomNormal(x.shape, 0, 1, 'float32', draw.noiseSeed);
      const { grads } = tf.variableGrads(() => {
        const perSample = dsmPerSample(net, state.params, { x, noise, sigma, labels });
        // Kept past the gradient scope: the loop accumulates it on the device.
        perLevel = tf.keep(lossPerLevel(perSample, labels, levels));
        return tf.mean(perSample) as tf.Scalar;
      }, varList);
      const byWeight: tf.NamedTensorMap = {};
      for (const [varName, g] of Object.entries(grads)) byWeight[weightName.get(varName)!] = g;
      state.update.apply(byWeight, draw.emaDecay);
    });
    return perLevel!;
  };
}
