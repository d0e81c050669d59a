/** One known case for the fused InstanceNorm++ kernels: run it on any backend, compare with cpu's. */
import * as tf from '@tensorflow/tfjs';
import { expect } from 'vitest';
import { normalize, normalizeElu } from '../src/score/networks/norms';
import { useNodeBackend, type NodeBackendName } from '../src/runtime/backend-node';
import { expectAgreement, readAll } from './backend-agreement';

/**
 * x shape and affine rows (1 = shared, B = per image as in conditional CIN++); `affineScale`
 * multiplies the affine weights (default 1).
 */
export const cases: Array<{ x: [number, number, number, number]; rows: number; affineScale?: number }> = [
  { x: [2, 5, 5, 8], rows: 1 },
  { x: [3, 4, 3, 5], rows: 3 }, // conditional rows, odd sizes
  { x: [2, 3, 3, 70], rows: 1 }, // more channels than lanes
  { x: [2, 4, 4, 1], rows: 1 }, // one channel: μ̃ = 0
  { x: [2, 3, 2, 300], rows: 1 }, // more channels than WebGPU's 256 lanes: two passes
  { x: [2, 3, 5, 6], rows: 1, affineScale: 60 }, // outputs of ±100s: the ELU saturates at −1
];

/**
 * ELU(InstanceNorm++(x)) · r summed, and its gradients for x and the affine rows; the ELU fused
 * into the norm's kernels (normalizeElu) or a separate op after it.
 */
async function layer(c: (typeof cases)[number], seed: number, fusedElu: boolean): Promise<number[][]> {
  return readAll(() => {
    const C = c.x[3];
    const x = tf.randomNormal(c.x, 0.5, 2, 'float32', seed);
    const affine = tf.mul(tf.randomNormal([c.rows, 3 * C], 1, 0.3, 'float32', seed + 1), c.affineScale ?? 1);
    const r = tf.randomNormal(c.x, 0, 1, 'float32', seed + 2);
    const oneHot = c.rows > 1 ? (tf.eye(c.rows) as tf.Tensor2D) : null;
    const f = (a: tf.Tensor, b: tf.Tensor) => {
      const args = ['instance++', a as tf.Tensor4D, { 'n/affine': b }, 'n', oneHot] as const;
      return tf.sum(tf.mul(fusedElu ? normalizeElu(...args) : tf.elu(normalize(...args)), r));
    };
    const { value, grads } = tf.valueAndGrads(f)([x, affine]);
    return [tf.reshape(value, [1]), ...grads];
  });
}

/**
 * The composed layer on cpu against the layer on `backend` (its fused kernels, the ELU fused in
 * and apart), per case: value, input and affine gradients within `tolerance`; no tensor left.
 */
export async function expectFusedInstanceNormMatchesCpu(
  backend: NodeBackendName,
  tolerance: number,
): Promise<void> {
  await useNodeBackend('cpu');
  const expected: number[][][] = [];
  for (const [i, c] of cases.entries()) expected.push(await layer(c, 10 * i + 1, false));
  await useNodeBackend(backend);
  const before = tf.memory().numTensors;
  for (const fusedElu of [false, true])
    for (const [i, c] of cases.entries()) {
      const got = await layer(c, 10 * i + 1, fusedElu);
      const label = `${JSON.stringify(c)}, ELU fused ${fusedElu}`;
      expectAgreement(got, expected[i], ['value', 'dx', 'daffine'], tolerance, label);
    }
  expect(tf.memory().numTensors).toBe(before);
}
