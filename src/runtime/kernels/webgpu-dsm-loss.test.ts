import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { dsmPerSample } from '../../score/dsm';
import type { ScoreNetwork } from '../../score/networks/network';
import { releaseNodeBackends, useNodeBackend } from '../backend-node';
import { findDawnAdapter } from '../webgpu-node';
import { expectAgreement, readAll } from '../../../test-support/backend-agreement';

/** A one-weight network, out = w · x~, dividing by σ or not: the loss's gradient reaches w through out. */
const net = (dividesBySigma: boolean): ScoreNetwork => ({
  kind: 'mlp',
  config: {},
  shape: [],
  levels: null,
  dividesBySigma,
  weightSpecs: [],
  apply: (w, x) => tf.mul(w.w, x),
});

const cases: Array<{ shape: number[]; dividesBySigma: boolean }> = [
  { shape: [5, 3], dividesBySigma: true }, // fewer dims than lanes
  { shape: [3, 6, 6, 2], dividesBySigma: false }, // σ-scaled residual, images
  { shape: [2, 150], dividesBySigma: true }, // more dims than lanes
];

/** The per-sample losses and the gradient of Σ_b c_b · loss_b for w, on the active backend. */
async function loss(c: (typeof cases)[number], seed: number): Promise<number[][]> {
  return readAll(() => {
    const B = c.shape[0];
    const batch = {
      x: tf.randomUniform(c.shape, 0, 1, 'float32', seed),
      noise: tf.randomNormal(c.shape, 0, 1, 'float32', seed + 1),
      sigma: tf.tensor1d(Array.from({ length: B }, (_, b) => 0.1 + b)),
      labels: tf.tensor1d(
        Array.from({ length: B }, (_, b) => b),
        'int32',
      ),
    };
    const weight = tf.randomNormal(c.shape.slice(1), 0, 1, 'float32', seed + 2);
    const coef = tf.tensor1d(Array.from({ length: B }, (_, b) => b - 0.5));
    const perSample = dsmPerSample(net(c.dividesBySigma), { w: weight }, batch);
    const grad = tf.grad((w: tf.Tensor) =>
      tf.sum(tf.mul(dsmPerSample(net(c.dividesBySigma), { w }, batch), coef)),
    )(weight);
    return [perSample, grad];
  });
}

const found = await findDawnAdapter();
if (!found.adapter) console.warn(`Skipping the WebGPU kernel tests: no adapter (${found.why}).`);

describe.skipIf(!found.adapter)('WebGPU DSM per-sample loss (fused)', () => {
  afterAll(releaseNodeBackends);

  it('matches the composed loss on the cpu backend: per-sample values and the gradient', async () => {
    await useNodeBackend('cpu');
    const expected: number[][][] = [];
    for (const [i, c] of cases.entries()) expected.push(await loss(c, 10 * i + 1));
    await useNodeBackend('webgpu');
    const before = tf.memory().numTensors;
    for (const [i, c] of cases.entries()) {
      const got = await loss(c, 10 * i + 1);
      expectAgreement(got, expected[i], ['loss', 'dw'], 1e-5, JSON.stringify(c));
    }
    expect(tf.memory().numTensors).toBe(before);
  });
});
