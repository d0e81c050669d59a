import { afterAll, describe, it } from 'vitest';
import { releaseNodeBackends } from '../backend-node';
import { expectConvOpMatchesCpu } from '../../../test-support/conv-op-case';

describe('WASM conv + bias with its own gradient (XNNPACK dilated convs both ways)', () => {
  afterAll(releaseNodeBackends);

  it('takes its own gradient and matches tfjs / space-to-batch convs on cpu: value, input, filter and bias gradients', async () => {
    // The value sums up to 37k products: float32 order noise; gradients sum far fewer.
    await expectConvOpMatchesCpu('wasm', (what) => (what === 'value' ? 1e-3 : 1e-5));
  });
});
