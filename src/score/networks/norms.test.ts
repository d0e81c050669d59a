import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../runtime/backend-node';
import { uniformRng } from '../random';
import { groupCount, normalize, normSpecs } from './norms';

/** InstanceNorm++ of docs/science.md §2 written out in plain JS for x [B][H*W][F] (one row of gamma/alpha/beta). */
function instanceNormPlus(x: number[][][], gamma: number[], alpha: number[], beta: number[]): number[][][] {
  return x.map((image) => {
    const F = gamma.length;
    const n = image.length;
    const mu = gamma.map((_, k) => image.reduce((s, px) => s + px[k], 0) / n);
    const variance = mu.map((m, k) => image.reduce((s, px) => s + (px[k] - m) ** 2, 0) / n); // biased
    const m = mu.reduce((a, b) => a + b, 0) / F;
    const v = mu.reduce((s, u) => s + (u - m) ** 2, 0) / (F - 1); // unbiased across channels
    return image.map((px) =>
      px.map((value, k) => {
        const normed = (value - mu[k]) / Math.sqrt(variance[k] + 1e-5);
        const muTilde = (mu[k] - m) / Math.sqrt(v + 1e-5);
        return gamma[k] * (normed + alpha[k] * muTilde) + beta[k];
      }),
    );
  });
}

describe('normalisation layers', () => {
  beforeAll(async () => {
    await useNodeBackend('wasm');
  });

  const rand = uniformRng(5);
  const B = 2,
    H = 3,
    W = 4,
    F = 3;
  const values = Array.from({ length: B * H * W * F }, () => rand() * 4 - 1 + rand() * rand() * 3);
  const asNested = (flat: ArrayLike<number>) =>
    Array.from({ length: B }, (_, b) =>
      Array.from({ length: H * W }, (_, p) =>
        Array.from({ length: F }, (_, k) => flat[(b * H * W + p) * F + k]),
      ),
    );

  it('InstanceNorm++ matches the formula (biased per-channel, unbiased across channels)', () => {
    const gamma = [1.2, 0.7, 1.0];
    const alpha = [0.5, -1.0, 2.0];
    const beta = [0.1, 0.0, -0.3];
    const expected = instanceNormPlus(asNested(values), gamma, alpha, beta);
    const got = tf.tidy(() => {
      const x = tf.tensor4d(values, [B, H, W, F]);
      const weights = { 'n/affine': tf.tensor1d([...gamma, ...alpha, ...beta]) };
      return asNested(normalize('instance++', x, weights, 'n', null).dataSync());
    });
    got.flat(2).forEach((v, i) => expect(v).toBeCloseTo(expected.flat(2)[i], 4));
  });

  it('conditional InstanceNorm++ takes the parameters of each item’s level (CIN++)', () => {
    const L = 3;
    const rows = [
      [1, 1, 1, 0, 0, 0, 0, 0, 0],
      [2, 0.5, 1, 1, 1, 1, 0.1, 0.2, 0.3],
      [0.3, 0.3, 0.3, -1, 0, 1, 5, 5, 5],
    ];
    const labels = [2, 1];
    const expected = asNested(values).map((image, b) => {
      const r = rows[labels[b]];
      return instanceNormPlus([image], r.slice(0, 3), r.slice(3, 6), r.slice(6, 9))[0];
    });
    const got = tf.tidy(() => {
      const x = tf.tensor4d(values, [B, H, W, F]);
      const weights = { 'n/affine': tf.tensor2d(rows) };
      const oneHot = tf.cast(tf.oneHot(tf.tensor1d(labels, 'int32'), L), 'float32') as tf.Tensor2D;
      return asNested(normalize('instance++', x, weights, 'n', oneHot).dataSync());
    });
    got.flat(2).forEach((v, i) => expect(v).toBeCloseTo(expected.flat(2)[i], 4));
  });

  it('CIN++ embedding is [L, 3F] with gamma, alpha ~ N(1, 0.02) and beta = 0', () => {
    const [spec] = normSpecs('n', 'instance++', 16, 10);
    expect(spec.shape).toEqual([10, 48]);
    expect(spec.init).toEqual([
      { kind: 'normal', mean: 1, std: 0.02 },
      { kind: 'normal', mean: 1, std: 0.02 },
      { kind: 'constant', value: 0 },
    ]);
    expect(normSpecs('n', 'none', 16, 10)).toEqual([]);
  });

  it('GroupNorm and BatchNorm standardise their groups / channels', () => {
    tf.tidy(() => {
      const x = tf.tensor4d(
        Array.from({ length: 2 * 3 * 3 * 8 }, (_, i) => Math.sin(i * 1.7) * (1 + (i % 8))),
        [2, 3, 3, 8],
      );
      const identity = { 'n/affine': tf.concat([tf.ones([8]), tf.zeros([8])]) };
      expect(groupCount(8)).toBe(2);
      const g = normalize('group', x, identity, 'n', null);
      const { mean, variance } = tf.moments(tf.reshape(g, [2, 9, 2, 4]), [1, 3]);
      mean.dataSync().forEach((m) => expect(Math.abs(m)).toBeLessThan(1e-5));
      variance.dataSync().forEach((v) => expect(v).toBeCloseTo(1, 3));
      const bn = normalize('batch', x, identity, 'n', null);
      const stats = tf.moments(bn, [0, 1, 2]);
      stats.mean.dataSync().forEach((m) => expect(Math.abs(m)).toBeLessThan(1e-5));
      stats.variance.dataSync().forEach((v) => expect(v).toBeCloseTo(1, 3));
    });
  });
});
