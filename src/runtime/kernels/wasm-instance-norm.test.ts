import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { normalize } from '../../score/networks/norms';
import { releaseNodeBackends, useNodeBackend } from '../backend-node';

/** x shape and affine rows (1 = shared, B = per image as in conditional CIN++). */
const cases: Array<{ x: [number, number, number, number]; rows: number }> = [
  { x: [2, 5, 5, 8], rows: 1 },
  { x: [3, 4, 3, 5], rows: 3 }, // conditional rows, odd sizes
  { x: [2, 3, 3, 70], rows: 1 }, // more channels than lanes
  { x: [2, 4, 4, 1], rows: 1 }, // one channel: μ̃ = 0
];

/** ELU(InstanceNorm++(x)) · r summed, and its gradients for x and the affine rows. */
async function layer(c: (typeof cases)[number], seed: number): Promise<number[][]> {
  const out = tf.tidy(() => {
    const C = c.x[3];
    const x = tf.randomNormal(c.x, 0.5, 2, 'float32', seed);
    const affine = tf.randomNormal([c.rows, 3 * C], 1, 0.3, 'float32', seed + 1);
    const r = tf.randomNormal(c.x, 0, 1, 'float32', seed + 2);
    const f = (a: tf.Tensor, b: tf.Tensor) =>
      tf.sum(
        tf.mul(
          tf.elu(
            normalize(
              'instance++',
              a as tf.Tensor4D,
              { 'n/affine': b },
              'n',
              c.rows > 1 ? (tf.eye(c.rows) as tf.Tensor2D) : null,
            ),
          ),
          r,
        ),
      );
    const { value, grads } = tf.valueAndGrads(f)([x, affine]);
    return [tf.reshape(value, [1]), ...grads];
  });
  const values: number[][] = [];
  for (const t of out) values.push(Array.from(await t.data()));
  tf.dispose(out);
  return values;
}

describe('WASM InstanceNorm++ (heap loops for forward and gradient)', () => {
  afterAll(releaseNodeBackends);

  it('matches the composed layer on the cpu backend: value, input and affine gradients', async () => {
    await useNodeBackend('cpu');
    const expected: number[][][] = [];
    for (const [i, c] of cases.entries()) expected.push(await layer(c, 10 * i + 1));
    await useNodeBackend('wasm');
    expect(tf.getKernel('SgInstanceNormPlus', 'wasm')).toBeDefined();
    const before = tf.memory().numTensors;
    for (const [i, c] of cases.entries()) {
      const got = await layer(c, 10 * i + 1);
      ['value', 'dx', 'daffine'].forEach((what, k) => {
        const scale = Math.max(1, ...expected[i][k].map(Math.abs));
        const err = Math.max(...got[k].map((v, j) => Math.abs(v - expected[i][k][j])));
        expect(err / scale, `${what} ${JSON.stringify(c)}`).toBeLessThan(1e-5);
      });
    }
    expect(tf.memory().numTensors).toBe(before);
  });
});
