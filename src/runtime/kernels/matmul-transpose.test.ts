import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { useNodeBackend } from '../backend-node';
import { registerTransposeFreeMatMul } from './matmul-transpose';

type Case = { a: number[]; b: number[]; ta: boolean; tb: boolean; fused?: boolean };

const cases: Case[] = [
  { a: [5, 3], b: [3, 4], ta: false, tb: false },
  { a: [3, 5], b: [3, 4], ta: true, tb: false },
  { a: [5, 3], b: [4, 3], ta: false, tb: true },
  { a: [3, 5], b: [4, 3], ta: true, tb: true },
  { a: [2, 3, 5], b: [2, 4, 3], ta: true, tb: true }, // batched
  { a: [2, 3, 5], b: [3, 4], ta: true, tb: false }, // broadcast b
  { a: [3, 5], b: [4, 3], ta: true, tb: true, fused: true }, // _FusedMatMul, bias + relu
];

function product(c: Case, seed: number): number[] {
  return tf.tidy(() => {
    const a = tf.randomNormal(c.a, 0, 1, 'float32', seed);
    const b = tf.randomNormal(c.b, 0, 1, 'float32', seed + 1);
    const out = c.fused
      ? tf.fused.matMul({ a, b, transposeA: c.ta, transposeB: c.tb, bias: tf.ones([4]), activation: 'relu' })
      : tf.matMul(a, b, c.ta, c.tb);
    return Array.from(out.dataSync());
  });
}

describe('transpose-free matMul (wasm)', () => {
  it('gives the stock cpu results for every transpose flag, batched, broadcast and fused', async () => {
    await tf.setBackend('cpu');
    const expected = cases.map((c, i) => product(c, 10 + 2 * i));
    await useNodeBackend('wasm');
    registerTransposeFreeMatMul('wasm'); // idempotent: patchBackend already did
    const before = tf.memory().numTensors;
    cases.forEach((c, i) => {
      const got = product(c, 10 + 2 * i);
      expect(got.length, JSON.stringify(c)).toBe(expected[i].length);
      got.forEach((v, j) => expect(v, `${JSON.stringify(c)} [${j}]`).toBeCloseTo(expected[i][j], 4));
    });
    expect(tf.memory().numTensors).toBe(before);
  });

  it('keeps matMul gradients right (they take the transposed paths)', async () => {
    await useNodeBackend('wasm');
    tf.tidy(() => {
      const a = tf.tensor2d([1, 2, 3, 4, 5, 6], [2, 3]);
      const b = tf.tensor2d([1, 0, -1, 2, 0.5, 1], [3, 2]);
      const [ga, gb] = tf.grads((x: tf.Tensor, y: tf.Tensor) =>
        tf.sum(tf.matMul(x as tf.Tensor2D, y as tf.Tensor2D)),
      )([a, b]);
      // d/da sum(a·b) = 1·bᵀ: each row of ga is the row sums of b; gb rows are the column sums of a.
      expect(Array.from(ga.dataSync())).toEqual([1, 1, 1.5, 1, 1, 1.5]);
      expect(Array.from(gb.dataSync())).toEqual([5, 5, 7, 7, 9, 9]);
    });
  });
});
