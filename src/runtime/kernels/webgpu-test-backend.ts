/**
 * Test-only: tfjs's WebGPU backend in Node on Dawn (npm `webgpu`), patched like the browser's.
 * Returns null (the caller skips with the message) when Dawn finds no adapter.
 */
import * as tf from '@tensorflow/tfjs';
import { patchBackend } from '../patch-backend';

let started: Promise<string | null> | null = null;

async function start(): Promise<string | null> {
  let dawn: { create(flags: string[]): GPU; globals: object };
  try {
    dawn = (await import('webgpu')) as unknown as typeof dawn;
  } catch (error) {
    return `npm webgpu (Dawn) did not load: ${(error as Error).message}`;
  }
  Object.assign(globalThis, dawn.globals);
  const gpu = dawn.create([]);
  const adapter = await gpu.requestAdapter();
  if (!adapter) return 'Dawn found no WebGPU adapter (no Vulkan driver such as Mesa 25 lavapipe).';
  Object.defineProperty(globalThis, 'navigator', { value: { gpu }, configurable: true, writable: true });
  await import('@tensorflow/tfjs-backend-webgpu');
  return null;
}

/** Switches tfjs to the patched WebGPU backend; the reason when that is impossible here. */
export async function useTestWebGpu(): Promise<string | null> {
  started ??= start();
  const why = await started;
  if (why) return why;
  if (!(await tf.setBackend('webgpu'))) return 'tf.setBackend("webgpu") failed.';
  await tf.ready();
  patchBackend('webgpu');
  return null;
}
