import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { releaseNodeBackends, useNodeBackend } from '../backend-node';
import { expectAgreement, readAll } from '../../../test-support/backend-agreement';

/** x shape, window, stride, padding: the nets' mean pool, RefineNet's 5×5, overlap, odd sizes. */
const cases: Array<{ x: [number, number, number, number]; k: number; s: number; pad: 'valid' | 'same' }> = [
  { x: [3, 6, 6, 5], k: 2, s: 2, pad: 'valid' }, // mnist-quick's mean pool
  { x: [2, 7, 5, 3], k: 2, s: 2, pad: 'valid' }, // odd sizes: the last row/column unused
  { x: [2, 6, 6, 4], k: 5, s: 1, pad: 'valid' }, // RefineNet's avgPool5 after its own padding
  { x: [2, 7, 6, 3], k: 3, s: 1, pad: 'same' }, // overlapping windows, padding counted
  { x: [1, 9, 9, 2], k: 3, s: 2, pad: 'same' },
];

async function poolGradient(c: (typeof cases)[number], seed: number): Promise<number[][]> {
  return readAll(() => {
    const x = tf.randomNormal(c.x, 0, 1, 'float32', seed);
    const f = (a: tf.Tensor) => {
      const y = tf.avgPool(a as tf.Tensor4D, c.k, c.s, c.pad);
      return tf.sum(tf.mul(y, tf.randomNormal(y.shape, 0, 1, 'float32', seed + 1)));
    };
    return [tf.grad(f)(x)];
  });
}

describe('WASM AvgPoolGrad (one heap loop)', () => {
  afterAll(releaseNodeBackends);

  it('matches the cpu backend for valid and same windows, strided and overlapping', async () => {
    await useNodeBackend('cpu');
    const expected = [];
    for (const [i, c] of cases.entries()) expected.push(await poolGradient(c, 5 * i + 1));
    await useNodeBackend('wasm');
    const before = tf.memory().numTensors;
    for (const [i, c] of cases.entries())
      expectAgreement(await poolGradient(c, 5 * i + 1), expected[i], ['dx'], 1e-6, JSON.stringify(c));
    expect(tf.memory().numTensors).toBe(before);
  });
});
