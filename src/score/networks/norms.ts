/**
 * Normalisation layers of the conv score net, unconditional or conditioned on the noise level
 * (docs/science.md §2). Each layer computes its statistics, turns them into a per-channel scale and
 * shift, and touches the full-size tensor only twice (x·scale + shift).
 *
 * - instance++ (InstanceNorm++, NCSN/NCSNv2): per-image channel means and biased variances
 *   (eps 1e-5); the channel means, normalised across channels with the unbiased variance, are
 *   added back through alpha: out = gamma·(IN(x) + alpha·mu~) + beta.
 * - group: GroupNorm, groups = min(F/4, 32) (reduced until it divides F), eps 1e-5.
 * - batch: BatchNorm with batch statistics (see §8.4 for why it is wrong here: kept so the
 *   editor can show it).
 * - none: identity.
 * Conditional (NCSN's CIN++ for instance++): the affine parameters come from an embedding
 * [L, kF] indexed by the label (one-hot · matMul, since wasm has no gradient for gather),
 * with gamma (and alpha) drawn from N(1, 0.02) and beta = 0.
 */
import * as tf from '@tensorflow/tfjs';
import { fusedInstanceNormPlus } from './fused-instance-norm';
import type { Init, WeightSpec, WeightTensors } from './weights';

export type NormKind = 'instance++' | 'group' | 'batch' | 'none';
export const NORM_KINDS: readonly NormKind[] = ['instance++', 'group', 'batch', 'none'];

const EPS = 1e-5;
const ONE_NOISY: Init = { kind: 'normal', mean: 1, std: 0.02 };
const ZERO: Init = { kind: 'constant', value: 0 };
const ONE: Init = { kind: 'constant', value: 1 };

/** The affine parameters of one layer: instance++ has [gamma | alpha | beta], group and batch [gamma | beta]. */
export function normSpecs(
  name: string,
  kind: NormKind,
  channels: number,
  levels: number | null,
): WeightSpec[] {
  if (kind === 'none') return [];
  const init: Init[] =
    kind === 'instance++' ? [ONE_NOISY, ONE_NOISY, ZERO] : [levels !== null ? ONE_NOISY : ONE, ZERO];
  const width = init.length * channels;
  return [{ name: `${name}/affine`, shape: levels !== null ? [levels, width] : [width], init }];
}

/** Largest group count <= min(F/4, 32) that divides F (at least 1). */
export function groupCount(channels: number): number {
  let groups = Math.max(1, Math.min(Math.floor(channels / 4), 32));
  while (channels % groups !== 0) groups--;
  return groups;
}

/** The layer's affine parameters as [rows, 1, 1, width]: one row, or one per item (conditional). */
function affineRows(weights: WeightTensors, name: string, oneHotLabels: tf.Tensor2D | null): tf.Tensor4D {
  const table = weights[`${name}/affine`];
  const rows: tf.Tensor2D = oneHotLabels
    ? tf.matMul(oneHotLabels, table as tf.Tensor2D)
    : tf.reshape(table, [1, table.size]);
  return tf.reshape(rows, [rows.shape[0], 1, 1, rows.shape[1]]);
}

/**
 * ELU(normalize(…)): the pre-activation blocks' "norm, then ELU". One fused op where the backend
 * has one for instance++ (WebGPU, WASM), else the two ops.
 */
export function normalizeElu(
  kind: NormKind,
  x: tf.Tensor4D,
  weights: WeightTensors,
  name: string,
  oneHotLabels: tf.Tensor2D | null,
): tf.Tensor4D {
  if (kind === 'instance++') {
    const fused = fusedInstanceNormPlus(x, affineRows(weights, name, oneHotLabels), true);
    if (fused) return fused;
  }
  return tf.elu(normalize(kind, x, weights, name, oneHotLabels));
}

/**
 * Applies layer `name` of kind `kind` to x [B, H, W, F]. `oneHotLabels` [B, L] selects the
 * level's parameters of a conditional layer; null for an unconditional one.
 */
export function normalize(
  kind: NormKind,
  x: tf.Tensor4D,
  weights: WeightTensors,
  name: string,
  oneHotLabels: tf.Tensor2D | null,
): tf.Tensor4D {
  if (kind === 'none') return x;
  const channels = x.shape[3];
  const affine = affineRows(weights, name, oneHotLabels);
  if (kind === 'instance++') {
    const fused = fusedInstanceNormPlus(x, affine);
    if (fused) return fused;
    const [gamma, alpha, beta] = tf.split(affine, 3, 3);
    const { mean, variance } = tf.moments(x, [1, 2], true); // [B, 1, 1, F]
    const across = tf.moments(mean, [3], true);
    const unbiased = channels > 1 ? tf.mul(across.variance, channels / (channels - 1)) : across.variance;
    const meanTilde = tf.mul(tf.sub(mean, across.mean), tf.rsqrt(tf.add(unbiased, EPS)));
    const scale = tf.mul(gamma, tf.rsqrt(tf.add(variance, EPS)));
    const shift = tf.sub(tf.add(beta, tf.mul(tf.mul(gamma, alpha), meanTilde)), tf.mul(mean, scale));
    return tf.add(tf.mul(x, scale), shift);
  }
  const [gamma, beta] = tf.split(affine, 2, 3);
  if (kind === 'batch') {
    const { mean, variance } = tf.moments(x, [0, 1, 2], true);
    const scale = tf.mul(gamma, tf.rsqrt(tf.add(variance, EPS)));
    return tf.add(tf.mul(x, scale), tf.sub(beta, tf.mul(mean, scale)));
  }
  // group: statistics over (H, W, channels of the group), in a [B, HW, G, F/G] view.
  const [batch, height, width] = x.shape;
  const groups = groupCount(channels);
  const grouped = tf.reshape(x, [batch, height * width, groups, channels / groups]);
  const { mean, variance } = tf.moments(grouped, [1, 3], true); // [B, 1, G, 1]
  const groupShape = [affine.shape[0], 1, groups, channels / groups];
  const scale = tf.mul(tf.reshape(gamma, groupShape), tf.rsqrt(tf.add(variance, EPS)));
  const shift = tf.sub(tf.reshape(beta, groupShape), tf.mul(mean, scale));
  return tf.reshape(tf.add(tf.mul(grouped, scale), shift), x.shape);
}
