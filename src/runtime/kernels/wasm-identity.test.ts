import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { releaseNodeBackends, useNodeBackend } from '../backend-node';

describe('WASM Identity (shares data instead of copying)', () => {
  afterAll(releaseNodeBackends);

  it('clones share the data, outlive the original, and a gradient through saved tensors is right', async () => {
    await useNodeBackend('wasm');
    const before = tf.memory();
    const x = tf.tensor2d([1, -2, 3, 4.5], [2, 2]);
    const copy = tf.clone(x);
    expect(tf.memory().numDataBuffers).toBe(before.numDataBuffers + 1); // one buffer for both
    x.dispose();
    expect(Array.from(await copy.data())).toEqual([1, -2, 3, 4.5]);
    copy.dispose();

    // d/dx Σ x³ = 3x² (Pow saves its input through Identity); d/dx Σ exp(x) = exp(x) (its output).
    const v = tf.tensor1d([0.5, -1, 2]);
    const grads = tf.grads((a: tf.Tensor) => tf.add(tf.sum(tf.pow(a, 3)), tf.sum(tf.exp(a))));
    const [g] = grads([v]);
    const expected = [0.5, -1, 2].map((a) => 3 * a * a + Math.exp(a));
    Array.from(await g.data()).forEach((got, i) => expect(got).toBeCloseTo(expected[i], 5));
    tf.dispose([v, g]);
    expect(tf.memory().numTensors).toBe(before.numTensors);
    expect(tf.memory().numDataBuffers).toBe(before.numDataBuffers);
  });
});
