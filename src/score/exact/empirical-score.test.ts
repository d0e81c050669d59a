import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../runtime/backend-node';
import { normalRng } from '../random';
import { empiricalDenoise, makeEmpiricalScoreModel } from './empirical-score';

/** log (1/N) sum_n N(x; x_n, sigma^2 I) in float64, up to the constant that does not depend on x. */
function logDensity64(x: number[], data: number[][], sigma: number): number {
  const terms = data.map((p) => -p.reduce((s, pi, d) => s + (x[d] - pi) ** 2, 0) / (2 * sigma * sigma));
  const m = Math.max(...terms);
  return m + Math.log(terms.reduce((s, t) => s + Math.exp(t - m), 0));
}

describe('empirical-data oracle', () => {
  beforeAll(() => useNodeBackend('cpu'));

  it('matches the finite-difference gradient of log p_sigma', () => {
    const normal = normalRng(3);
    const data = Array.from({ length: 40 }, () => [normal(), normal(), normal(), normal()]);
    const xs = Array.from({ length: 12 }, () => [normal(), normal(), normal(), normal()].map((v) => 1.2 * v));
    const sigmas = xs.map((_, i) => [0.3, 0.7, 2][i % 3]);
    const tensorData = tf.tensor2d(data);
    const model = makeEmpiricalScoreModel(tensorData, null);
    tensorData.dispose(); // the model keeps its own copy
    const before = tf.memory().numTensors;
    const got = tf.tidy(
      () =>
        model
          .score(tf.tensor2d(xs), tf.tensor1d(sigmas), tf.zeros([12], 'int32') as tf.Tensor1D)
          .arraySync() as number[][],
    );
    expect(tf.memory().numTensors).toBe(before);
    const h = 1e-5;
    let worst = 0;
    xs.forEach((x, i) => {
      x.forEach((_, d) => {
        const up = [...x];
        const down = [...x];
        up[d] += h;
        down[d] -= h;
        const want = (logDensity64(up, data, sigmas[i]) - logDensity64(down, data, sigmas[i])) / (2 * h);
        worst = Math.max(worst, Math.abs(got[i][d] - want) / Math.max(1, Math.abs(want)));
      });
    });
    expect(worst).toBeLessThan(2e-4);
    model.dispose();
    expect(tf.memory().numTensors).toBe(before - 3);
  });

  it('its Tweedie denoiser approaches mu + s^2/(s^2+sigma^2)(x - mu) for many Gaussian data points', () => {
    const normal = normalRng(11);
    const mu = [1, -2];
    const s = 1;
    const sigma = 0.7;
    const data = Array.from({ length: 20000 }, () => [mu[0] + s * normal(), mu[1] + s * normal()]);
    const xs = [
      [1.5, -1.5],
      [0, -2],
      [2, -3],
    ];
    const got = tf.tidy(() =>
      empiricalDenoise(tf.tensor2d(xs), tf.tensor2d(data), tf.fill([3], sigma) as tf.Tensor1D).arraySync(),
    );
    const shrink = (s * s) / (s * s + sigma * sigma);
    xs.forEach((x, i) =>
      x.forEach((xi, d) => expect(Math.abs(got[i][d] - (mu[d] + shrink * (xi - mu[d])))).toBeLessThan(0.03)),
    );
  });

  it('collapses onto the nearest training image at small sigma (image shapes)', () => {
    const data = tf.tensor4d([0, 0, 0, 0, 1, 1, 1, 1], [2, 2, 2, 1]);
    const model = makeEmpiricalScoreModel(data, [1, 0.1, 0.01]);
    expect(model.shape).toEqual([2, 2, 1]);
    const denoised = tf.tidy(() => {
      const x = tf.tensor4d([0.9, 0.95, 1.02, 1.1], [1, 2, 2, 1]);
      const sigma = tf.tensor1d([0.01]);
      const score = model.score(x, sigma, tf.tensor1d([2], 'int32'));
      return Array.from(tf.add(x, tf.mul(score, 1e-4)).dataSync());
    });
    denoised.forEach((v) => expect(v).toBeCloseTo(1, 4));
    data.dispose();
    model.dispose();
  });
});
