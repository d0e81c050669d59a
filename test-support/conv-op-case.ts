/** Known cases for conv-op.ts's conv + bias with its own gradient: run on any backend, compare with cpu's. */
import * as tf from '@tensorflow/tfjs';
import { expect, vi } from 'vitest';
import { conv } from '../src/score/networks/conv';
import { FILTER_BIAS_GRAD, FILTER_GRAD, INPUT_GRAD } from '../src/score/networks/conv-op';
import { useNodeBackend, type NodeBackendName } from '../src/runtime/backend-node';
import { expectAgreement, readAll } from './backend-agreement';

/** x shape, filter [k, k, ci, co], dilation, bias: the nets' convs, odd sizes, a split reduction. */
const cases: Array<{
  x: [number, number, number, number];
  w: [number, number, number, number];
  d: number;
  bias: boolean;
}> = [
  { x: [2, 8, 8, 8], w: [3, 3, 8, 8], d: 2, bias: true }, // vec4 loads
  { x: [2, 7, 6, 3], w: [3, 3, 3, 5], d: 2, bias: true }, // odd sizes (the phase path pads and crops)
  { x: [1, 14, 14, 4], w: [3, 3, 4, 4], d: 4, bias: true }, // res4 at 14 px
  { x: [3, 5, 5, 2], w: [3, 3, 2, 3], d: 4, bias: false }, // dilation past the image, no bias
  { x: [2, 8, 8, 8], w: [3, 3, 8, 8], d: 1, bias: true }, // the bias row after vec4 rows
  { x: [2, 5, 5, 3], w: [1, 1, 3, 5], d: 1, bias: true }, // 1×1, the bias row inside a scalar load
  { x: [72, 8, 8, 4], w: [3, 3, 4, 8], d: 1, bias: true }, // k = 4,608: chunks added atomically, then split
];

/** sum(conv_d(x, w) + b) · r) and its gradients for x, w (and b), on the active backend. */
async function layer(c: (typeof cases)[number], seed: number): Promise<number[][]> {
  return readAll(() => {
    const x = tf.randomNormal(c.x, 0, 1, 'float32', seed);
    const w = tf.randomNormal(c.w, 0, 0.3, 'float32', seed + 1);
    const b = tf.randomNormal([c.w[3]], 0, 1, 'float32', seed + 2);
    const r = tf.randomNormal([c.x[0], c.x[1], c.x[2], c.w[3]], 0, 1, 'float32', seed + 3);
    const f = (...t: tf.Tensor[]) =>
      tf.sum(tf.mul(conv(t[0] as tf.Tensor4D, t[1] as tf.Tensor4D, t[2] as tf.Tensor1D | undefined, c.d), r));
    const { value, grads } = tf.valueAndGrads(f)(c.bias ? [x, w, b] : [x, w]);
    return [tf.reshape(value, [1]), ...grads];
  });
}

/** The kernels conv-op.ts's own gradient runs for case c (tfjs's stock gradient runs none of them). */
const ownGradientKernels = (c: (typeof cases)[number]) =>
  c.d > 1 ? [INPUT_GRAD, c.bias ? FILTER_BIAS_GRAD : FILTER_GRAD] : [FILTER_BIAS_GRAD];

/** `run`'s result and the names of the kernels the engine ran meanwhile, in order. */
async function traced<T>(run: () => Promise<T>): Promise<{ result: T; kernels: string[] }> {
  const spy = vi.spyOn(tf.engine(), 'runKernel');
  try {
    const result = await run();
    return { result, kernels: spy.mock.calls.map((call) => call[0]) };
  } finally {
    spy.mockRestore();
  }
}

/**
 * tfjs's convs (space-to-batch phases for dilations) on cpu against conv-op's on `backend`, per
 * case: value, input, filter and bias gradients within `tolerance(part)`; conv() took conv-op's
 * own gradient (its kernels ran, tfjs's Conv2DBackpropFilter did not); no tensor left.
 */
export async function expectConvOpMatchesCpu(
  backend: NodeBackendName,
  tolerance: (part: string) => number,
): Promise<void> {
  await useNodeBackend('cpu');
  const expected: number[][][] = [];
  for (const [i, c] of cases.entries()) expected.push(await layer(c, 10 * i + 1));
  await useNodeBackend(backend);
  const before = tf.memory().numTensors;
  for (const [i, c] of cases.entries()) {
    const { result: got, kernels } = await traced(() => layer(c, 10 * i + 1));
    expectAgreement(got, expected[i], ['value', 'dx', 'dw', 'db'], tolerance, JSON.stringify(c));
    expect(kernels, `own gradient ${JSON.stringify(c)}`).toEqual(
      expect.arrayContaining(ownGradientKernels(c)),
    );
    expect(kernels, `own gradient ${JSON.stringify(c)}`).not.toContain('Conv2DBackpropFilter');
  }
  expect(tf.memory().numTensors).toBe(before);
}
