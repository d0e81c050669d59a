/**
 * A functional score network: a fixed architecture (kind + config + data shape) whose
 * forward pass is a plain function of (weights, x, sigma, labels). Weights live outside it,
 * so the same network runs the trained weights, the EMA shadow or a snapshot.
 */
import * as tf from '@tensorflow/tfjs';
import type { WeightSpec, WeightTensors } from './weights';

export interface ScoreNetwork {
  readonly kind: 'mlp' | 'ncsn';
  /** The architecture params (plain JSON) that rebuild this network with buildNetwork. */
  readonly config: Readonly<Record<string, unknown>>;
  /** Shape of one data item: [D] for points, [H, W, C] for images. */
  readonly shape: readonly number[];
  /** Noise levels the weights are conditioned on (conditional norms: labels index them), or null. */
  readonly levels: number | null;
  /**
   * true: apply() returns f(x) and the score is f(x)/sigma (NCSNv2 Technique 3), so the DSM
   * loss is ½‖f + z‖² without the ±1/sigma round trip; false: apply() returns the score itself.
   */
  readonly dividesBySigma: boolean;
  /** The weights, in the fixed order used for Adam and for checkpoints. */
  readonly weightSpecs: readonly WeightSpec[];
  /**
   * Raw output for x [B, ...shape], sigma [B] and labels [B] (int32, label 0 = largest sigma);
   * shaped like x. Call inside tf.tidy.
   */
  apply(weights: WeightTensors, x: tf.Tensor, sigma: tf.Tensor1D, labels: tf.Tensor1D): tf.Tensor;
}

/** sigma [B] reshaped to [B, 1, …, 1] so it broadcasts against a rank-`rank` batch. */
export function perItem(sigma: tf.Tensor1D, rank: number): tf.Tensor {
  return tf.reshape(sigma, [sigma.shape[0], ...new Array<number>(rank - 1).fill(1)]);
}

/** The score s(x, sigma) of a network: apply(), divided by sigma when the network is built that way. */
export function networkScore(
  net: ScoreNetwork,
  weights: WeightTensors,
  x: tf.Tensor,
  sigma: tf.Tensor1D,
  labels: tf.Tensor1D,
): tf.Tensor {
  const out = net.apply(weights, x, sigma, labels);
  return net.dividesBySigma ? tf.div(out, perItem(sigma, x.rank)) : out;
}
