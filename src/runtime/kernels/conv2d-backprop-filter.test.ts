import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { useNodeBackend } from '../backend-node';

/** Reference filter gradient from the stock cpu kernel (slow but correct), computed once. */
function filterGradient(x: tf.Tensor4D, w: tf.Tensor4D, stride: number, pad: 'same' | 'valid') {
  return tf.tidy(() => {
    const g = tf.grad((f: tf.Tensor) => tf.sum(tf.square(tf.conv2d(x, f as tf.Tensor4D, stride, pad))))(w);
    return Array.from(g.dataSync());
  });
}

const cases: Array<[number, 'same' | 'valid', number]> = [
  [1, 'same', 3],
  [2, 'same', 3],
  [1, 'valid', 5],
  [2, 'valid', 4],
];

describe('patched Conv2DBackpropFilter', () => {
  const make = () => {
    const grab = (shape: number[], seed: number) =>
      tf.tidy(() => tf.randomNormal(shape, 0, 1, 'float32', seed).arraySync() as number[][][][]);
    const xData = grab([2, 9, 9, 3], 11);
    const filters = new Map([3, 4, 5].map((k) => [k, grab([k, k, 3, 4], 12 + k)]));
    return { xData, values: (k: number) => filters.get(k)! };
  };

  it('matches the stock cpu kernel on wasm and on the fast cpu kernel', async () => {
    await tf.setBackend('cpu');
    const { xData, values } = make();
    const expected = cases.map(([s, p, k]) =>
      filterGradient(tf.tensor4d(xData), tf.tensor4d(values(k)), s, p),
    );
    for (const backend of ['wasm', 'cpu'] as const) {
      await useNodeBackend(backend);
      const before = tf.memory().numTensors;
      cases.forEach(([s, p, k], i) => {
        const x = tf.tensor4d(xData);
        const w = tf.tensor4d(values(k));
        const got = filterGradient(x, w, s, p);
        x.dispose();
        w.dispose();
        const scale = Math.max(...expected[i].map(Math.abs));
        const err = Math.max(...got.map((v, j) => Math.abs(v - expected[i][j])));
        expect(err / scale, `${backend} stride ${s} ${p} ${k}x${k}`).toBeLessThan(1e-5);
      });
      expect(tf.memory().numTensors).toBe(before);
    }
  });
});
