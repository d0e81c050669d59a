import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { registerChunkedAddN } from './chunked-add-n';

describe('chunked AddN', () => {
  it('sums any number of inputs with at most maxInputs per kernel call, freeing the partial sums', async () => {
    // WebGPU is not in Node: the same wrapper on the cpu backend with a limit of 3 inputs.
    await tf.setBackend('cpu');
    registerChunkedAddN('cpu', 3);
    const before = tf.memory().numTensors;
    for (const n of [1, 2, 3, 4, 7, 10, 100]) {
      const got = tf.tidy(() => {
        const parts = Array.from({ length: n }, (_, i) => tf.tensor1d([i, 2 * i, 1]));
        return Array.from(tf.addN(parts).dataSync());
      });
      const s = (n * (n - 1)) / 2;
      expect(got, `${n} inputs`).toEqual([s, 2 * s, n]);
    }
    expect(tf.memory().numTensors).toBe(before);
    // Gradients flow to every input.
    const grads = tf.tidy(() => {
      const xs = Array.from({ length: 9 }, (_, i) => tf.scalar(i));
      return tf
        .grads((...ys: tf.Tensor[]) => tf.mul(tf.addN(ys), 2))(xs)
        .map((g) => g.dataSync()[0]);
    });
    expect(grads).toEqual(new Array(9).fill(2));
  });
});
