import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { releaseNodeBackends } from '../backend-node';
import { findDawnAdapter } from '../webgpu-node';
import { INSTANCE_NORM_KERNEL } from '../../score/networks/fused-instance-norm';
import { expectFusedInstanceNormMatchesCpu } from '../../../test-support/instance-norm-case';

const found = await findDawnAdapter();
if (!found.adapter) console.warn(`Skipping the WebGPU kernel tests: no adapter (${found.why}).`);

describe.skipIf(!found.adapter)('WebGPU InstanceNorm++ (fused forward and gradient)', () => {
  afterAll(releaseNodeBackends);

  it('matches the composed layer on the cpu backend: value, input and affine gradients', async () => {
    await expectFusedInstanceNormMatchesCpu('webgpu', 1e-4);
    expect(tf.getKernel(INSTANCE_NORM_KERNEL, 'webgpu')).toBeDefined();
  });
});
