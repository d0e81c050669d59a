import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { releaseNodeBackends, useNodeBackend } from '../backend-node';
import { expectSameUpdate, runParameterUpdateCase } from '../../../test-support/parameter-update-case';

describe('WASM Adam + EMA (one heap loop per weight)', () => {
  afterAll(releaseNodeBackends);

  it("gives the composed update's values on cpu (params, shadow, untouched snapshot, restore)", async () => {
    await tf.setBackend('cpu');
    const expected = await runParameterUpdateCase();
    await useNodeBackend('wasm');
    const before = tf.memory().numTensors;
    const got = await runParameterUpdateCase();
    expect(tf.memory().numTensors).toBe(before);
    expectSameUpdate(got, expected, 2e-6);
  });
});
