/**
 * The exact noisy score of an isotropic Gaussian mixture (docs/science.md §5): with
 * p = sum_k w_k N(mu_k, s_k^2 I), the perturbed density is p_sigma = sum_k w_k N(mu_k, (s_k^2 + sigma^2) I), so
 *   grad log p_sigma(x) = sum_k r_k(x) (mu_k - x) / (s_k^2 + sigma^2),
 *   r_k(x) = softmax_k( log w_k - ||x - mu_k||^2 / (2 v_k) - (D/2) log(2 pi v_k) ),  v_k = s_k^2 + sigma^2.
 * The D/2 log term matters whenever the s_k differ; the softmax is computed with log-sum-exp.
 */
import * as tf from '@tensorflow/tfjs';
import type { ExactScore } from '../values';

export interface GaussianComponent {
  mean: number[];
  /** Isotropic standard deviation s_k of the component (before perturbation). */
  std: number;
  /** Unnormalised mixing weight; weights are normalised to sum to 1. */
  weight: number;
}

/** Per-item logits log w_k + log N(x; mu_k, v_k I), shape [B, K], and the variances v [B, K]. */
function componentLogits(x: tf.Tensor2D, sigma: tf.Tensor1D, components: readonly GaussianComponent[]) {
  const dim = x.shape[1];
  const means = tf.tensor2d(components.map((c) => c.mean)); // [K, D]
  const total = components.reduce((sum, c) => sum + c.weight, 0);
  const logWeights = tf.tensor1d(components.map((c) => Math.log(c.weight / total)));
  const stdVars = tf.tensor1d(components.map((c) => c.std * c.std));
  const variances = tf.add(stdVars, tf.reshape(tf.square(sigma), [-1, 1])) as tf.Tensor2D; // [B, K]
  // Direct differences (not the ||a||^2 + ||b||^2 - 2ab expansion): K and D are small here.
  const squared = tf.sum(tf.square(tf.sub(tf.expandDims(x, 1), tf.expandDims(means, 0))), 2); // [B, K]
  const logits = tf.sub(
    tf.sub(logWeights, tf.div(squared, tf.mul(variances, 2))),
    tf.mul(tf.log(tf.mul(variances, 2 * Math.PI)), dim / 2),
  ) as tf.Tensor2D;
  return { logits, variances, means };
}

function checkComponents(components: readonly GaussianComponent[], dim: number): void {
  if (components.length === 0) throw new Error('A Gaussian mixture needs at least one component.');
  components.forEach((c, i) => {
    if (c.mean.length !== dim)
      throw new Error(`Mixture component ${i + 1} has a ${c.mean.length}-D mean but the data are ${dim}-D.`);
    if (!(c.std > 0) || !(c.weight > 0))
      throw new Error(`Mixture component ${i + 1} needs std > 0 and weight > 0.`);
  });
}

/**
 * grad_x log p_sigma(x) for x [B, D] and a noise std per item sigma [B]; returns [B, D].
 * Call inside tf.tidy.
 */
export function mixtureScore(
  x: tf.Tensor2D,
  sigma: tf.Tensor1D,
  components: readonly GaussianComponent[],
): tf.Tensor2D {
  checkComponents(components, x.shape[1]);
  const { logits, variances, means } = componentLogits(x, sigma, components);
  const coef = tf.div(tf.softmax(logits, 1), variances); // r_k / v_k, [B, K]
  return tf.sub(tf.matMul(coef, means), tf.mul(x, tf.sum(coef, 1, true))) as tf.Tensor2D;
}

/** log p_sigma(x) for x [B, D] and sigma [B]; returns [B]. Call inside tf.tidy. */
export function mixtureLogDensity(
  x: tf.Tensor2D,
  sigma: tf.Tensor1D,
  components: readonly GaussianComponent[],
): tf.Tensor1D {
  checkComponents(components, x.shape[1]);
  return tf.logSumExp(componentLogits(x, sigma, components).logits, 1) as tf.Tensor1D;
}

/**
 * The exact mixture score as an ExactScore for items of `shape` (flattened to D = prod(shape)).
 * It holds no tensors (components are tiny and uploaded per call), so dispose() has nothing to free.
 */
export function makeMixtureScoreModel(
  components: readonly GaussianComponent[],
  shape: number[],
  sigmas: number[] | null = null,
): ExactScore {
  const dim = shape.reduce((a, b) => a * b, 1);
  checkComponents(components, dim);
  const frozen = components.map((c) => ({ mean: [...c.mean], std: c.std, weight: c.weight }));
  return {
    ready: true,
    exact: true,
    kind: 'exact-mixture',
    shape: [...shape],
    sigmas: sigmas ? [...sigmas] : null,
    score: (x, sigma) => tf.reshape(mixtureScore(tf.reshape(x, [-1, dim]), sigma, frozen), x.shape),
    dispose: () => {},
  };
}
