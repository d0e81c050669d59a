/**
 * WebGPU in Node through Dawn, in this vitest fork: the adapter is described, the device gets the
 * adapter's limits, the browser's kernel patches run, one conv-net step's gradients match the cpu
 * backend — and the fork exits afterwards (releaseNodeBackends lets go of Dawn).
 * Skips with a message where Dawn finds no adapter (CI installs Mesa 25's lavapipe).
 */
import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { chooseNodeBackend, releaseNodeBackends, useNodeBackend } from './backend-node';
import { convNetGradients, maxRelativeError } from './gradient-check';
import { findDawnAdapter } from './webgpu-node';

const found = await findDawnAdapter();
if (!found.adapter) console.warn(`Skipping the WebGPU-in-Node tests: no adapter (${found.why}).`);

describe.skipIf(!found.adapter)('WebGPU in Node (Dawn)', () => {
  afterAll(releaseNodeBackends);

  it('starts on the adapter, says which, and asks for its storage-buffer limit', async () => {
    const choice = await chooseNodeBackend('webgpu');
    expect(choice.backend).toBe('webgpu');
    expect(tf.getBackend()).toBe('webgpu');
    const report = found.adapter ? found.report : null;
    expect(choice.adapter).toEqual(report);
    expect(choice.reason).toContain(report?.description ?? '?');
    expect(choice.reason).toMatch(report?.software ? /software adapter/ : /hardware adapter/);
    const device = (tf.backend() as unknown as { device: GPUDevice }).device;
    // tfjs 4.22 alone leaves this at WebGPU's default of 8 (lavapipe offers 16).
    expect(device.limits.maxStorageBuffersPerShaderStage).toBe(
      report?.limits.maxStorageBuffersPerShaderStage,
    );
  });

  it("runs the browser's kernel patches: AddN past the storage-buffer limit is exact", async () => {
    await useNodeBackend('webgpu');
    const before = tf.memory().numTensors;
    const n = 40; // more inputs than any adapter's storage buffers per stage
    const sum = tf.tidy(() => tf.addN(Array.from({ length: n }, (_, i) => tf.fill([300], i + 1))));
    const values = await sum.data();
    sum.dispose();
    expect(values[0]).toBe((n * (n + 1)) / 2);
    expect(values[299]).toBe((n * (n + 1)) / 2);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('one conv-net step: loss and gradients match the cpu backend, and nothing leaks', async () => {
    await useNodeBackend('cpu');
    const cpu = await convNetGradients();
    await useNodeBackend('webgpu');
    const before = tf.memory().numTensors;
    const gpu = await convNetGradients();
    expect(tf.memory().numTensors).toBe(before);
    expect(gpu.backend).toBe('webgpu');
    expect(Math.abs(gpu.loss - cpu.loss) / Math.abs(cpu.loss)).toBeLessThan(1e-4);
    expect(maxRelativeError(gpu, cpu)).toBeLessThan(2e-3); // the e2e bound for GPU backends
  });

  it('auto takes WebGPU only on a hardware adapter, else WASM, and says why', async () => {
    const choice = await chooseNodeBackend('auto');
    const software = found.adapter ? found.report.software : true;
    expect(choice.backend).toBe(software ? 'wasm' : 'webgpu');
    expect(choice.reason).toMatch(
      software ? /^auto: WASM, since WebGPU's adapter is software/ : /^auto: WebGPU on /,
    );
    expect(tf.getBackend()).toBe(choice.backend);
  });
});
