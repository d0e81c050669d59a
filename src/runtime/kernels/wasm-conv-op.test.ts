import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { FILTER_BIAS_GRAD, FILTER_GRAD, INPUT_GRAD } from '../../score/networks/conv-op';
import { releaseNodeBackends } from '../backend-node';
import { expectConvOpMatchesCpu } from '../../../test-support/conv-op-case';

describe('WASM conv + bias with its own gradient (XNNPACK dilated convs both ways)', () => {
  afterAll(releaseNodeBackends);

  it('matches tfjs / space-to-batch convs on the cpu backend: value, input, filter and bias gradients', async () => {
    // The value sums up to 37k products: float32 order noise; gradients sum far fewer.
    await expectConvOpMatchesCpu('wasm', (what) => (what === 'value' ? 1e-3 : 1e-5));
    for (const k of [FILTER_BIAS_GRAD, FILTER_GRAD, INPUT_GRAD])
      expect(tf.getKernel(k, 'wasm')).toBeDefined();
  });
});
