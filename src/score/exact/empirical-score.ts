/**
 * The empirical-data oracle (docs/science.md §5): for training points {x_n}, the DSM optimum is the
 * score of p_sigma = (1/N) sum_n N(x_n, sigma^2 I),
 *   s*(x, sigma) = sum_n softmax_n(-||x - x_n||^2 / (2 sigma^2)) (x_n - x) / sigma^2,
 * and its Tweedie denoiser x + sigma^2 s* = sum_n softmax_n x_n. It tests samplers, schedules and
 * step sizes with no network: chains collapse onto (noisy) training points.
 */
import * as tf from '@tensorflow/tfjs';
import type { ExactScore } from '../values';

/**
 * Posterior weights softmax_n(-||x - x_n||^2 / (2 sigma_b^2)), shape [B, N], from the data
 * transposed, [D, N]: a pre-transposed operand is ~10x faster on WASM than matMul's transposeB.
 */
function posteriorWeights(x: tf.Tensor2D, dataT: tf.Tensor2D, dataNorms: tf.Tensor1D, sigma: tf.Tensor1D) {
  // ||x||^2 is the same for every n, so it drops out of the softmax; what is left is
  // 2 x.x_n - ||x_n||^2, one matMul for the whole batch.
  const logits = tf.sub(tf.mul(tf.matMul(x, dataT), 2), dataNorms); // [B, N]
  const twoVar = tf.reshape(tf.mul(tf.square(sigma), 2), [-1, 1]);
  return tf.softmax(tf.div(logits, twoVar), 1) as tf.Tensor2D;
}

/**
 * The Tweedie denoiser E[x_0 | x] = sum_n w_n x_n for x [B, D], data [N, D], sigma [B]; [B, D].
 * Call inside tf.tidy.
 */
export function empiricalDenoise(x: tf.Tensor2D, data: tf.Tensor2D, sigma: tf.Tensor1D): tf.Tensor2D {
  const norms = tf.sum(tf.square(data), 1) as tf.Tensor1D;
  return tf.matMul(posteriorWeights(x, tf.transpose(data), norms, sigma), data);
}

/** s*(x, sigma) for x [B, D], data [N, D], sigma [B]; returns [B, D]. Call inside tf.tidy. */
export function empiricalScore(x: tf.Tensor2D, data: tf.Tensor2D, sigma: tf.Tensor1D): tf.Tensor2D {
  const denoised = empiricalDenoise(x, data, sigma);
  return tf.div(tf.sub(denoised, x), tf.reshape(tf.square(sigma), [-1, 1])) as tf.Tensor2D;
}

/** The oracle as a ScoreModel; its tensors are properties so the runtime sees (and keeps) them. */
export interface EmpiricalScoreModel extends ExactScore {
  /** The training points, flattened [N, D]. */
  readonly points: tf.Tensor2D;
  /** The same, transposed [D, N]. */
  readonly pointsT: tf.Tensor2D;
  /** ||x_n||^2, [N]. */
  readonly norms: tf.Tensor1D;
}

/**
 * The oracle as a ScoreModel. `data` is [N, ...shape]; the model keeps its own copies (the data
 * and its transpose), so the caller still owns and may dispose `data`. dispose() frees them.
 */
export function makeEmpiricalScoreModel(
  data: tf.Tensor,
  sigmas: number[] | null = null,
): EmpiricalScoreModel {
  if (data.rank < 2 || data.shape[0] === 0)
    throw new Error('The empirical score needs a non-empty data set [N, ...shape].');
  const shape = data.shape.slice(1);
  const dim = shape.reduce((a, b) => a * b, 1);
  const points = tf.tidy(() => tf.reshape(tf.cast(data, 'float32'), [-1, dim]) as tf.Tensor2D);
  const pointsT = tf.tidy(() => tf.transpose(points) as tf.Tensor2D);
  const norms = tf.tidy(() => tf.sum(tf.square(points), 1) as tf.Tensor1D);
  return {
    ready: true,
    exact: true,
    kind: 'exact-empirical',
    shape,
    sigmas: sigmas ? [...sigmas] : null,
    points,
    pointsT,
    norms,
    score: (x, sigma) => {
      const x2 = tf.reshape(x, [-1, dim]) as tf.Tensor2D;
      const denoised = tf.matMul(posteriorWeights(x2, pointsT, norms, sigma), points);
      return tf.reshape(tf.div(tf.sub(denoised, x2), tf.reshape(tf.square(sigma), [-1, 1])), x.shape);
    },
    dispose: () => tf.dispose([points, pointsT, norms]),
  };
}
