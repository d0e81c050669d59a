import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { convElu, denseElu, fusesElu } from '../../score/networks/fused-elu';
import { releaseNodeBackends, useNodeBackend } from '../backend-node';
import { findDawnAdapter } from '../webgpu-node';
import { expectAgreement, readAll } from '../../../test-support/backend-agreement';

/** Σ ELU(layer(x)) · r and its gradients for x, w and b; composed ops on cpu, fused on WebGPU. */
async function layers(seed: number): Promise<number[][]> {
  return readAll(() => {
    const r = (shape: number[], k: number, std = 1) => tf.randomNormal(shape, 0, std, 'float32', seed + k);
    const dense = tf.valueAndGrads((h: tf.Tensor, w: tf.Tensor, b: tf.Tensor) =>
      tf.sum(tf.mul(denseElu(h as tf.Tensor2D, w as tf.Tensor2D, b as tf.Tensor1D), r([7, 5], 1))),
    )([r([7, 3], 2), r([3, 5], 3), r([5], 4)]);
    const conv = tf.valueAndGrads((x: tf.Tensor, w: tf.Tensor, b: tf.Tensor) =>
      tf.sum(tf.mul(convElu(x as tf.Tensor4D, w as tf.Tensor4D, b as tf.Tensor1D), r([2, 5, 6, 4], 5))),
    )([r([2, 5, 6, 3], 6), r([3, 3, 3, 4], 7, 0.5), r([4], 8)]);
    return [dense.value, ...dense.grads, conv.value, ...conv.grads];
  });
}

const found = await findDawnAdapter();
if (!found.adapter) console.warn(`Skipping the WebGPU kernel tests: no adapter (${found.why}).`);

describe.skipIf(!found.adapter)('ELU fused into matMul and conv (WebGPU)', () => {
  afterAll(releaseNodeBackends);

  it('matches the separate ops on the cpu backend: values and the x, w, b gradients', async () => {
    await useNodeBackend('cpu');
    const expected = await layers(1);
    await useNodeBackend('webgpu');
    expect(fusesElu(), 'WebGPU runs the fused kernels').toBe(true);
    const before = tf.memory().numTensors;
    const got = await layers(1);
    const names = ['dense', 'dense dh', 'dense dw', 'dense db', 'conv', 'conv dx', 'conv dw', 'conv db'];
    expectAgreement(got, expected, names, 1e-5);
    expect(tf.memory().numTensors).toBe(before);
  });
});
