import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../runtime/backend-node';
import { loadMnist } from '../datasets/mnist';
import { normalRng } from '../random';
import { maxPairwiseDistance } from './max-distance';

function bruteForce(points: number[][]): number {
  let best = 0;
  for (let i = 0; i < points.length; i++)
    for (let j = i + 1; j < points.length; j++)
      best = Math.max(best, Math.hypot(...points[i].map((v, d) => v - points[j][d])));
  return best;
}

describe('Technique 1: the largest pairwise distance', () => {
  it('equals the brute-force maximum, across block sizes and with pruning', async () => {
    await useNodeBackend('cpu');
    const normal = normalRng(5);
    // Clustered data with a few outliers, so pruning by radius has work to do.
    const points = Array.from({ length: 300 }, (_, i) => {
      const spread = i % 50 === 0 ? 4 : 0.5;
      // float32 values, as the tensor stores them, so the reference sees the same points.
      return Array.from({ length: 20 }, () => Math.fround(spread * normal() + (i % 3)));
    });
    const want = bruteForce(points);
    const data = tf.tensor2d(points);
    const before = tf.memory().numTensors;
    for (const blockEntries of [300, 300 * 7, 1 << 22]) {
      const fractions: number[] = [];
      const got = await maxPairwiseDistance(data, {
        blockEntries,
        onProgress: (f) => void fractions.push(f),
      });
      expect(got.distance).toBeCloseTo(want, 9);
      const [i, j] = got.pair;
      expect(Math.hypot(...points[i].map((v, d) => v - points[j][d]))).toBeCloseTo(want, 9);
      expect(fractions.at(-1)).toBe(1);
    }
    expect(tf.memory().numTensors).toBe(before);
    data.dispose();
  });

  it('is 16.00 ± 0.01 on the bundled 10,000 MNIST digits in [0, 1] (WASM)', async () => {
    await useNodeBackend('wasm');
    const mnist = await loadMnist({ digits: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], size: 28, count: 10000 });
    const before = tf.memory().numTensors;
    const { distance } = await maxPairwiseDistance(mnist.data);
    expect(distance).toBeGreaterThan(15.99);
    expect(distance).toBeLessThan(16.01);
    expect(tf.memory().numTensors).toBe(before);
    mnist.dispose();
  });

  it('needs two points', async () => {
    await useNodeBackend('cpu');
    const one = tf.zeros([1, 3]);
    await expect(maxPairwiseDistance(one)).rejects.toThrow(/at least 2/);
    one.dispose();
  });
});
