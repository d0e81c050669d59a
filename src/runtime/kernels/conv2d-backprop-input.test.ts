import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { useNodeBackend } from '../backend-node';

type Case = [stride: number, pad: 'same' | 'valid', k: number, h: number, w: number];

const cases: Case[] = [
  [1, 'same', 3, 9, 9],
  [1, 'same', 3, 7, 10],
  [1, 'valid', 3, 9, 9],
  [1, 'same', 1, 6, 5],
  [1, 'same', 5, 8, 8],
  [1, 'valid', 4, 9, 7],
  [2, 'same', 3, 9, 9], // strided: the stock kernel
];

/** The input gradient of sum(conv(x, w)²) on the current backend, as plain numbers. */
function inputGradient(xData: number[][][][], wData: number[][][][], stride: number, pad: 'same' | 'valid') {
  return tf.tidy(() => {
    const w = tf.tensor4d(wData);
    const g = tf.grad((x: tf.Tensor) => tf.sum(tf.square(tf.conv2d(x as tf.Tensor4D, w, stride, pad))))(
      tf.tensor4d(xData),
    );
    return Array.from(g.dataSync());
  });
}

describe('composed Conv2DBackpropInput (wasm)', () => {
  it('matches the stock cpu kernel for stride 1 (same/valid, odd/even filters, non-square) and strided fallback', async () => {
    const grab = (shape: number[], seed: number) =>
      tf.tidy(() => tf.randomNormal(shape, 0, 1, 'float32', seed).arraySync() as number[][][][]);
    await tf.setBackend('cpu');
    const inputs = cases.map(([, , k, h, w], i) => ({
      x: grab([2, h, w, 3], 20 + i),
      w: grab([k, k, 3, 4], 40 + i),
    }));
    const expected = cases.map(([s, p], i) => inputGradient(inputs[i].x, inputs[i].w, s, p));

    await useNodeBackend('wasm');
    // useNodeBackend patched WASM: Conv2DBackpropInput is conv2d-backprop-input.ts's.
    const before = tf.memory().numTensors;
    cases.forEach(([s, p, k, h, w], i) => {
      const got = inputGradient(inputs[i].x, inputs[i].w, s, p);
      const scale = Math.max(...expected[i].map(Math.abs));
      const err = Math.max(...got.map((v, j) => Math.abs(v - expected[i][j])));
      expect(got.length).toBe(expected[i].length);
      expect(err / scale, `stride ${s} ${p} ${k}x${k} on ${h}x${w}`).toBeLessThan(1e-5);
    });
    expect(tf.memory().numTensors).toBe(before);
  });
});
