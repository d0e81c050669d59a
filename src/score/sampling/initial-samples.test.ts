import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../runtime/backend-node';
import { initialSamples } from './initial-samples';
import { scoreField } from './score-field';
import { makeSeedStream, mixSeeds } from './seed-stream';

async function stats(t: tf.Tensor) {
  const v = Array.from(await t.data());
  const mean = v.reduce((a, b) => a + b, 0) / v.length;
  const variance = v.reduce((a, b) => a + (b - mean) ** 2, 0) / v.length;
  return { mean, variance, min: Math.min(...v), max: Math.max(...v) };
}

describe('initial samples', () => {
  beforeAll(() => useNodeBackend('cpu'));

  it('uniform covers exactly the range', async () => {
    const x = initialSamples({
      init: 'uniform',
      count: 4000,
      shape: [2],
      range: [-8, 8],
      sigmaMax: 20,
      seed: 3,
    });
    expect(x.shape).toEqual([4000, 2]);
    const s = await stats(x);
    expect(s.min).toBeGreaterThanOrEqual(-8);
    expect(s.max).toBeLessThan(8);
    expect(Math.abs(s.variance - 256 / 12)).toBeLessThan(0.7);
    x.dispose();
  });

  it('gaussian has std sigma_1 around the middle of the range', async () => {
    const x = initialSamples({
      init: 'gaussian',
      count: 500,
      shape: [4, 4, 1],
      range: [0, 1],
      sigmaMax: 3,
      seed: 3,
    });
    const s = await stats(x);
    expect(Math.abs(s.mean - 0.5)).toBeLessThan(0.1);
    expect(Math.abs(Math.sqrt(s.variance) / 3 - 1)).toBeLessThan(0.02);
    x.dispose();
  });

  it('data picks training items and adds sigma_1 noise', async () => {
    const data = tf.tensor2d([
      [10, 10],
      [-10, -10],
    ]);
    const x = initialSamples({
      init: 'data',
      count: 400,
      shape: [2],
      range: [0, 1],
      sigmaMax: 0.5,
      data,
      seed: 9,
    });
    const v = await x.data();
    let near = 0;
    let first = 0;
    for (let i = 0; i < v.length; i += 2) {
      const d = Math.min(Math.hypot(v[i] - 10, v[i + 1] - 10), Math.hypot(v[i] + 10, v[i + 1] + 10));
      if (d < 2.5) near++;
      if (v[i] > 0) first++;
    }
    expect(near).toBe(400);
    expect(first).toBeGreaterThan(150);
    expect(first).toBeLessThan(250);
    tf.dispose([x, data]);
  });

  it('data of another shape is refused', () => {
    const data = tf.zeros([3, 5]);
    expect(() =>
      initialSamples({ init: 'data', count: 2, shape: [2], range: [0, 1], sigmaMax: 1, data, seed: 1 }),
    ).toThrow("The dataset's items are [5] but the samples are [2]");
    data.dispose();
  });
});

describe('seeds and the score field', () => {
  beforeAll(() => useNodeBackend('cpu'));

  it('seed streams never give 0 and do not repeat early', () => {
    const next = makeSeedStream(0);
    const seen = new Set(Array.from({ length: 10000 }, next));
    expect(seen.has(0)).toBe(false);
    expect(seen.size).toBe(10000);
    expect(mixSeeds(1, 2)).not.toBe(mixSeeds(1, 3));
    expect(mixSeeds(1, 2)).toBe(mixSeeds(1, 2));
  });

  it('scoreField evaluates the score at cell centres of the grid', async () => {
    const field = await scoreField((x, sigma) => tf.div(tf.neg(x), tf.reshape(tf.square(sigma), [-1, 1])), {
      bounds: [-1, 1, 0, 2],
      resolution: 2,
      sigma: 0.5,
      label: 0,
    });
    expect(Array.from(field)).toEqual([
      -0.5, 0.5, 2, -2, 0.5, 0.5, -2, -2, -0.5, 1.5, 2, -6, 0.5, 1.5, -2, -6,
    ]);
  });
});
