import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { releaseNodeBackends, useNodeBackend } from '../backend-node';
import { findDawnAdapter } from '../webgpu-node';
import { planFilterGrad, registerWebGpuConv2DBackpropFilter } from './webgpu-conv2d-backprop-filter';

type Pad = 'same' | 'valid' | number;
/** x shape, filter [k, k, ci, co], stride, padding: the nets' convs (1×1, 3×3, dilated as phases, strided, odd). */
const cases: Array<{
  x: [number, number, number, number];
  w: [number, number, number, number];
  s: number;
  p: Pad;
}> = [
  { x: [2, 8, 8, 1], w: [3, 3, 1, 8], s: 1, p: 'same' }, // begin conv 1 → ngf
  { x: [2, 8, 8, 8], w: [3, 3, 8, 8], s: 1, p: 'same' }, // vec4 loads of x and dy
  { x: [3, 7, 7, 6], w: [3, 3, 6, 5], s: 1, p: 'same' }, // odd sizes, no vec4
  { x: [2, 6, 6, 8], w: [1, 1, 8, 16], s: 1, p: 'same' }, // 1×1 shortcut
  { x: [8, 5, 5, 4], w: [3, 3, 4, 4], s: 1, p: 'valid' }, // a dilated conv's phases
  { x: [2, 9, 9, 3], w: [3, 3, 3, 4], s: 2, p: 'same' }, // strided
  { x: [2, 9, 8, 3], w: [4, 4, 3, 2], s: 2, p: 1 }, // even filter, explicit padding
  { x: [2, 8, 8, 8], w: [3, 3, 8, 1], s: 1, p: 'same' }, // end conv ngf → 1
  { x: [1, 3, 3, 72], w: [3, 3, 72, 68], s: 1, p: 'same' }, // several tiles in m and n
  { x: [72, 8, 8, 4], w: [3, 3, 4, 8], s: 1, p: 'same' }, // k = 4608: chunks added atomically
  { x: [128, 8, 8, 3], w: [3, 3, 3, 5], s: 1, p: 'same' }, // k = 8192: 4 chunks, no vec4
];

/** Filter gradient of sum(conv(x, w) · r) for a fixed random r, through the registered kernel. */
async function filterGradient(c: (typeof cases)[number], seed: number): Promise<Float32Array> {
  const g = tf.tidy(() => {
    const x = tf.randomNormal(c.x, 0, 1, 'float32', seed) as tf.Tensor4D;
    const y = tf.conv2d(x, tf.zeros(c.w) as tf.Tensor4D, c.s, c.p);
    const dy = tf.randomNormal(y.shape, 0, 1, 'float32', seed + 1) as tf.Tensor4D;
    return tf
      .engine()
      .runKernel(
        'Conv2DBackpropFilter',
        { x, dy },
        { strides: [c.s, c.s], pad: c.p, dataFormat: 'NHWC', filterShape: c.w },
      ) as tf.Tensor;
  });
  const values = (await g.data()) as Float32Array; // WebGPU in Node has no dataSync
  g.dispose();
  return values;
}

describe('filter-gradient plan', () => {
  it('plans more k chunks for long reductions and one for short ones', () => {
    expect(planFilterGrad(9 * 32, 32, 128 * 28 * 28).splits).toBeGreaterThan(8);
    expect(planFilterGrad(9, 8, 200).splits).toBe(1);
    expect(planFilterGrad(9 * 32, 32, 28 * 28).splits).toBe(1); // batch 1 at 28 px
    expect(planFilterGrad(9 * 4, 8, 72 * 8 * 8).splits).toBe(2); // the split cases below
    expect(planFilterGrad(9 * 3, 5, 128 * 8 * 8).splits).toBe(4);
    const p = planFilterGrad(9, 8, 100_000);
    expect(p.chunk * p.splits).toBeGreaterThanOrEqual(p.K);
    expect(p.chunk * (p.splits - 1)).toBeLessThan(p.K);
  });
});

const found = await findDawnAdapter();
if (!found.adapter) console.warn(`Skipping the WebGPU kernel tests: no adapter (${found.why}).`);

describe.skipIf(!found.adapter)('WebGPU Conv2DBackpropFilter (tiled implicit GEMM)', () => {
  afterAll(releaseNodeBackends);

  it("matches the cpu backend for the nets' conv shapes", async () => {
    await tf.setBackend('cpu');
    const expected: Float32Array[] = [];
    for (const [i, c] of cases.entries()) expected.push(await filterGradient(c, 100 + 2 * i));
    await useNodeBackend('webgpu');
    registerWebGpuConv2DBackpropFilter(); // idempotent: patchBackend already did
    const before = tf.memory().numTensors;
    // The chunked cases twice: the second call gets the first's freed buffer from tfjs's pool,
    // so an output not cleared before the atomic adds would show the old sums.
    const chunked = (c: (typeof cases)[number]) =>
      c.s === 1 && planFilterGrad(c.w[0] * c.w[1] * c.w[2], c.w[3], c.x[0] * c.x[1] * c.x[2]).splits > 1;
    for (const pass of [1, 2]) {
      for (const [i, c] of cases.entries()) {
        if (pass === 2 && !chunked(c)) continue;
        const got = await filterGradient(c, 100 + 2 * i);
        const scale = Math.max(...expected[i].map(Math.abs));
        const err = Math.max(...got.map((v, j) => Math.abs(v - expected[i][j])));
        expect(got.length).toBe(expected[i].length);
        expect(err / scale, `pass ${pass} ${JSON.stringify(c)}`).toBeLessThan(1e-5);
      }
    }
    expect(tf.memory().numTensors).toBe(before);
  });
});
