/**
 * The same one-step conv-net gradient on WebGPU and WebGL (SwiftShader here) in the runtime
 * worker, compared with the CPU backend in Node: GPU backends have had device-specific
 * gradient bugs, and real users train there.
 */
import { expect, test } from '@playwright/test';
import * as tf from '@tensorflow/tfjs';
import { convNetGradients, maxRelativeError, type GradientCheck } from '../src/runtime/gradient-check';

let reference: GradientCheck;

test.beforeAll(async () => {
  await tf.setBackend('cpu');
  reference = await convNetGradients();
});

for (const backend of ['webgpu', 'webgl', 'wasm'] as const) {
  test(`gradient check on ${backend} matches CPU`, async ({ page }) => {
    await page.goto(`/test-support/selftest.html?backend=${backend}`);
    const handle = await page.waitForFunction(
      () => (window as unknown as { __selftest?: unknown }).__selftest,
      null,
      {
        timeout: 120_000,
      },
    );
    const { ready, result, error } = (await handle.jsonValue()) as {
      ready?: { backend: string };
      result?: GradientCheck;
      error?: string;
    };
    expect(error).toBeUndefined();
    expect(ready!.backend).toBe(backend);
    expect(result!.backend).toBe(backend);
    expect(maxRelativeError(result!, reference)).toBeLessThan(backend === 'wasm' ? 1e-4 : 2e-3);
  });
}
