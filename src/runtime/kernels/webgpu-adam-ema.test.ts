import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { releaseNodeBackends, useNodeBackend } from '../backend-node';
import { findDawnAdapter } from '../webgpu-node';
import { expectSameUpdate, runParameterUpdateCase } from '../../../test-support/parameter-update-case';

const found = await findDawnAdapter();
if (!found.adapter) console.warn(`Skipping the WebGPU kernel tests: no adapter (${found.why}).`);

describe.skipIf(!found.adapter)('fused WebGPU Adam + EMA', () => {
  afterAll(releaseNodeBackends);

  it("gives the composed update's values on cpu (params, shadow, untouched snapshot, restore)", async () => {
    await tf.setBackend('cpu');
    const expected = await runParameterUpdateCase();
    await useNodeBackend('webgpu');
    const before = tf.memory().numTensors;
    const got = await runParameterUpdateCase();
    expect(tf.memory().numTensors).toBe(before);
    expectSameUpdate(got, expected, 2e-6);
  });
});
