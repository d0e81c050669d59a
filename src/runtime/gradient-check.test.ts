import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { useNodeBackend } from './backend-node';
import { convNetGradients, maxRelativeError } from './gradient-check';

describe('one-step gradient check of a tiny conv net', () => {
  it('WASM (with the composed filter gradient) matches CPU, and nothing leaks', async () => {
    await useNodeBackend('cpu');
    const cpu = await convNetGradients();
    await useNodeBackend('wasm');
    const before = tf.memory().numTensors;
    const wasm = await convNetGradients();
    expect(tf.memory().numTensors).toBe(before);
    expect(wasm.backend).toBe('wasm');
    expect(Object.keys(wasm.gradients)).toHaveLength(6);
    expect(cpu.gradients.w2.some((v) => v !== 0)).toBe(true);
    expect(maxRelativeError(wasm, cpu)).toBeLessThan(1e-4);
    // and the check itself can fail: a perturbed reference is far off
    const off = { ...cpu, gradients: { ...cpu.gradients, w2: cpu.gradients.w2.map((v) => v * 1.01) } };
    expect(maxRelativeError(wasm, off)).toBeGreaterThan(1e-3);
  });
});
