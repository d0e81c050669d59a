import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../runtime/backend-node';
import { normalRng } from '../random';
import {
  type GaussianComponent,
  makeMixtureScoreModel,
  mixtureLogDensity,
  mixtureScore,
} from './mixture-score';

/** log p_sigma(x) in float64, written out independently of the implementation. */
function logDensity64(x: number[], sigma: number, comps: GaussianComponent[]): number {
  const total = comps.reduce((s, c) => s + c.weight, 0);
  const D = x.length;
  const terms = comps.map((c) => {
    const v = c.std ** 2 + sigma ** 2;
    const sq = x.reduce((s, xi, d) => s + (xi - c.mean[d]) ** 2, 0);
    return Math.log(c.weight / total) - sq / (2 * v) - (D / 2) * Math.log(2 * Math.PI * v);
  });
  const m = Math.max(...terms);
  return m + Math.log(terms.reduce((s, t) => s + Math.exp(t - m), 0));
}

function finiteDifferenceGrad(x: number[], sigma: number, comps: GaussianComponent[]): number[] {
  const h = 1e-5;
  return x.map((_, d) => {
    const up = [...x];
    const down = [...x];
    up[d] += h;
    down[d] -= h;
    return (logDensity64(up, sigma, comps) - logDensity64(down, sigma, comps)) / (2 * h);
  });
}

// Stds that differ a lot, so a missing (D/2) log(2 pi v) term would shift the responsibilities.
const comps3d: GaussianComponent[] = [
  { mean: [0, 0, 0], std: 0.3, weight: 1 },
  { mean: [1.5, -1, 0.5], std: 1.2, weight: 3 },
  { mean: [-2, 1, 1], std: 0.6, weight: 2 },
];

describe('exact mixture score', () => {
  beforeAll(() => useNodeBackend('cpu'));

  it('matches the finite-difference gradient of log p_sigma (3-D, unequal stds)', () => {
    const normal = normalRng(7);
    const xs = Array.from({ length: 24 }, () => [normal() * 1.5, normal() * 1.5, normal() * 1.5]);
    const sigmas = xs.map((_, i) => [0.05, 0.3, 1, 4][i % 4]);
    const before = tf.memory().numTensors;
    const got = tf.tidy(() => mixtureScore(tf.tensor2d(xs), tf.tensor1d(sigmas), comps3d).arraySync());
    expect(tf.memory().numTensors).toBe(before);
    let worst = 0;
    xs.forEach((x, i) => {
      const want = finiteDifferenceGrad(x, sigmas[i], comps3d);
      const scale = Math.max(1, ...want.map(Math.abs));
      want.forEach((w, d) => (worst = Math.max(worst, Math.abs(got[i][d] - w) / scale)));
    });
    expect(worst).toBeLessThan(2e-4);
  });

  it('log density agrees with the float64 formula, so the D/2 log term is kept', () => {
    const xs = [
      [0.2, 0.1, -0.3],
      [1, -1, 1],
    ];
    const got = tf.tidy(() =>
      mixtureLogDensity(tf.tensor2d(xs), tf.tensor1d([0.1, 0.5]), comps3d).arraySync(),
    );
    expect(got[0]).toBeCloseTo(logDensity64(xs[0], 0.1, comps3d), 3);
    expect(got[1]).toBeCloseTo(logDensity64(xs[1], 0.5, comps3d), 3);
  });

  it('gives Tweedie for Gaussian data: x + sigma^2 s(x) = mu + s^2/(s^2+sigma^2) (x - mu)', () => {
    const mu = [0.3, -0.7];
    const s = 0.8;
    const model = makeMixtureScoreModel([{ mean: mu, std: s, weight: 1 }], [2]);
    const xs = [
      [1, 2],
      [-3, 0.5],
      [0.3, -0.7],
    ];
    const sig = [0.5, 2, 0.01];
    const denoised = tf.tidy(() => {
      const x = tf.tensor2d(xs);
      const sigma = tf.tensor1d(sig);
      const score = model.score(x, sigma, tf.zeros([3], 'int32') as tf.Tensor1D);
      return tf.add(x, tf.mul(score, tf.reshape(tf.square(sigma), [-1, 1]))).arraySync() as number[][];
    });
    xs.forEach((x, i) => {
      const shrink = (s * s) / (s * s + sig[i] ** 2);
      x.forEach((xi, d) => expect(denoised[i][d]).toBeCloseTo(mu[d] + shrink * (xi - mu[d]), 4));
    });
  });

  it('stays finite far from every component (log-sum-exp) and works on image shapes', () => {
    const model = makeMixtureScoreModel(
      [
        { mean: [0, 0, 0, 0], std: 0.1, weight: 1 },
        { mean: [1, 1, 1, 1], std: 0.1, weight: 1 },
      ],
      [2, 2, 1],
    );
    const out = tf.tidy(() => {
      const x = tf.fill([2, 2, 2, 1], 80);
      const s = model.score(x, tf.tensor1d([0.01, 0.01]), tf.zeros([2], 'int32') as tf.Tensor1D);
      expect(s.shape).toEqual([2, 2, 2, 1]);
      return Array.from(s.dataSync());
    });
    // Nearest component (all ones) dominates: (1 - 80) / (0.1^2 + 0.01^2).
    out.forEach((v) => expect(v).toBeCloseTo(-79 / 0.0101, 0));
  });

  it('rejects a component whose mean does not match the data dimension', () => {
    expect(() => makeMixtureScoreModel([{ mean: [0, 0, 0], std: 1, weight: 1 }], [2])).toThrow(/3-D mean/);
  });
});
