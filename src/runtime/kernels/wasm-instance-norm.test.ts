import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { releaseNodeBackends } from '../backend-node';
import { INSTANCE_NORM_KERNEL } from '../../score/networks/fused-instance-norm';
import { expectFusedInstanceNormMatchesCpu } from '../../../test-support/instance-norm-case';

describe('WASM InstanceNorm++ (heap loops for forward and gradient)', () => {
  afterAll(releaseNodeBackends);

  it('matches the composed layer on the cpu backend: value, input and affine gradients', async () => {
    await expectFusedInstanceNormMatchesCpu('wasm', 1e-5);
    expect(tf.getKernel(INSTANCE_NORM_KERNEL, 'wasm')).toBeDefined();
  });
});
