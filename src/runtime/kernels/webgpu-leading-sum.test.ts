import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { releaseNodeBackends, useNodeBackend } from '../backend-node';
import { findDawnAdapter } from '../webgpu-node';
import { leadingAxes } from './webgpu-leading-sum';

/** Shapes and axes: leading sums (the kernel), and others that stay with the stock kernel. */
const cases: Array<{ shape: number[]; axis: number | number[]; keepDims?: boolean }> = [
  { shape: [37, 5], axis: 0 }, // a dense layer's bias gradient, columns < one workgroup
  { shape: [2, 5, 5, 40], axis: [0, 1, 2] }, // a conv bias gradient, 3 column workgroups
  { shape: [3, 4, 7], axis: [1, 0], keepDims: true },
  { shape: [300, 3], axis: -2 },
  { shape: [4, 6], axis: 1 }, // innermost: stock
  { shape: [2, 3, 4], axis: [0, 2] }, // not leading: stock
];

async function sums(): Promise<number[][]> {
  const out: number[][] = [];
  for (const [i, c] of cases.entries()) {
    const s = tf.tidy(() => tf.sum(tf.randomNormal(c.shape, 0.3, 1, 'float32', i + 1), c.axis, c.keepDims));
    out.push([...s.shape, ...(await s.data())]);
    s.dispose();
  }
  return out;
}

describe('leadingAxes', () => {
  it('counts a set of leading axes, else 0', () => {
    expect(leadingAxes(0, 2)).toBe(1);
    expect(leadingAxes([2, 0, 1], 4)).toBe(3);
    expect(leadingAxes([-4, -3], 4)).toBe(2);
    expect(leadingAxes([0, 1], 2)).toBe(0); // everything: a full reduce
    expect(leadingAxes([1], 2)).toBe(0);
    expect(leadingAxes([0, 2], 3)).toBe(0);
  });
});

const found = await findDawnAdapter();
if (!found.adapter) console.warn(`Skipping the WebGPU kernel tests: no adapter (${found.why}).`);

describe.skipIf(!found.adapter)('WebGPU Sum over leading axes', () => {
  afterAll(releaseNodeBackends);

  it('matches the cpu backend (shape and values) and frees what it makes', async () => {
    await useNodeBackend('cpu');
    const expected = await sums();
    await useNodeBackend('webgpu');
    const before = tf.memory().numTensors;
    const got = await sums();
    for (const [i, c] of cases.entries()) {
      expect(got[i].length, JSON.stringify(c)).toBe(expected[i].length);
      const err = Math.max(...got[i].map((v, j) => Math.abs(v - expected[i][j])));
      expect(err, JSON.stringify(c)).toBeLessThan(1e-4);
    }
    expect(tf.memory().numTensors).toBe(before);
  });
});
