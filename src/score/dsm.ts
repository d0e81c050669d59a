/**
 * Denoising score matching at many noise levels, as the reference code computes it
 * (docs/science.md §1, `anneal_dsm_score_estimation`): perturb x~ = x + sigma·z, then per sample
 *   ½ · sigma² · ‖s(x~, sigma) + z/sigma‖²  =  ½ · ‖sigma·s(x~, sigma) + z‖²,
 * summed over all dimensions, averaged over the batch, not divided by L (the uniform level
 * draw already averages over levels). A network that divides its output by sigma
 * (Technique 3) gives sigma·s = f exactly, so its loss is ½‖f + z‖² with no ±1/sigma round trip.
 */
import * as tf from '@tensorflow/tfjs';
import { fusedDsmPerSample } from './fused-dsm-loss';
import { perItem, type ScoreNetwork } from './networks/network';
import type { WeightTensors } from './networks/weights';

/** 'step': one level for the whole batch each step (the lab's default); 'sample': one per sample (reference code). */
export type SigmaPer = 'step' | 'sample';

/** Level labels (0 = largest sigma) for one batch, uniform over L, from a seeded JS generator. */
export function drawNoiseLevels(
  uniform: () => number,
  batch: number,
  levels: number,
  per: SigmaPer,
): Int32Array {
  const draw = () => Math.min(levels - 1, Math.floor(uniform() * levels));
  if (per === 'step') return new Int32Array(batch).fill(draw());
  return Int32Array.from({ length: batch }, draw);
}

export interface DsmBatch {
  /** Clean data [B, ...shape]. */
  x: tf.Tensor;
  /** z ~ N(0, I), shaped like x. */
  noise: tf.Tensor;
  /** Noise std per item [B] (sigmas[labels]). */
  sigma: tf.Tensor1D;
  /** Level label per item [B], int32. */
  labels: tf.Tensor1D;
}

/** Per-sample DSM loss [B] with sigma² weighting (see the file comment). Call inside tf.tidy. */
export function dsmPerSample(net: ScoreNetwork, weights: WeightTensors, batch: DsmBatch): tf.Tensor1D {
  const { x, noise, sigma, labels } = batch;
  const s = perItem(sigma, x.rank);
  const perturbed = tf.add(x, tf.mul(s, noise));
  const out = net.apply(weights, perturbed, sigma, labels);
  const fused = fusedDsmPerSample(out, noise, net.dividesBySigma ? null : sigma);
  if (fused) return fused;
  const residual = net.dividesBySigma ? tf.add(out, noise) : tf.add(tf.mul(out, s), noise);
  const axes = Array.from({ length: x.rank - 1 }, (_, i) => i + 1);
  return tf.mul(tf.sum(tf.square(residual), axes), 0.5) as tf.Tensor1D;
}

/** The minibatch DSM loss: mean over the batch of dsmPerSample. */
export function dsmLoss(net: ScoreNetwork, weights: WeightTensors, batch: DsmBatch): tf.Scalar {
  return tf.mean(dsmPerSample(net, weights, batch));
}

/**
 * Sum of the per-sample losses of each level, [L] (level l gets the losses of items with label l).
 * The labels are the step's draw on the CPU: the one-hot matrix is built there and uploaded, not
 * computed by a GPU program.
 */
export function lossPerLevel(perSample: tf.Tensor1D, labels: Int32Array, levels: number): tf.Tensor1D {
  const rows = new Float32Array(labels.length * levels);
  labels.forEach((l, b) => (rows[b * levels + l] = 1));
  const oneHot = tf.tensor2d(rows, [labels.length, levels]);
  return tf.reshape(tf.matMul(tf.reshape(perSample, [1, -1]), oneHot), [levels]);
}
