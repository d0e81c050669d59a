import { afterAll, describe, it } from 'vitest';
import { releaseNodeBackends } from '../backend-node';
import { findDawnAdapter } from '../webgpu-node';
import { expectConvOpMatchesCpu } from '../../../test-support/conv-op-case';

const found = await findDawnAdapter();
if (!found.adapter) console.warn(`Skipping the WebGPU kernel tests: no adapter (${found.why}).`);

describe.skipIf(!found.adapter)('WebGPU conv + bias with its own gradient (any dilation)', () => {
  afterAll(releaseNodeBackends);

  it('takes its own gradient and matches tfjs / space-to-batch convs on cpu: value, input, filter and bias gradients', async () => {
    // The value sums up to 37k products: float32 order noise; gradients sum far fewer.
    await expectConvOpMatchesCpu('webgpu', (what) => (what === 'value' ? 1e-3 : 1e-4));
  });
});
