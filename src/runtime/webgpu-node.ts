/**
 * WebGPU in Node through Dawn (npm `webgpu`): finds an adapter, says which one, registers tfjs's
 * WebGPU backend on it, and lets go of Dawn again so the process (CLI, vitest fork) can exit.
 * Dawn is loaded only when asked for: a WASM run never touches the native module.
 */
import * as tf from '@tensorflow/tfjs';
import { describeAdapter, registerWebGpuBackend, type WebGpuAdapterReport } from './webgpu-backend';

interface Dawn {
  create(flags: string[]): GPU;
  globals: Record<string, unknown>;
}

/** Dawn's toggles for the run, e.g. `SG_DAWN_FLAGS="backend=vulkan;adapter=NVIDIA H200"`. */
export function dawnFlags(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env.SG_DAWN_FLAGS ?? '').split(';').filter(Boolean);
}

let gpu: GPU | null = null;
let ownNavigator: PropertyDescriptor | undefined | null = null;

/**
 * tfjs's WebGPUBackend refuses to start unless navigator.gpu exists. Node ≥ 21 has a read-only
 * navigator without gpu: define ours over it, and put the original back on release (Dawn lives as
 * long as something references its GPU object).
 */
function exposeNavigatorGpu(value: GPU | null): void {
  if (value) {
    if (ownNavigator === null) ownNavigator = Object.getOwnPropertyDescriptor(globalThis, 'navigator');
    const base = (ownNavigator?.get?.call(globalThis) ?? ownNavigator?.value ?? {}) as object;
    const navigator = Object.assign(Object.create(base) as object, { gpu: value });
    Object.defineProperty(globalThis, 'navigator', { value: navigator, configurable: true, writable: true });
  } else if (ownNavigator !== null) {
    if (ownNavigator) Object.defineProperty(globalThis, 'navigator', ownNavigator);
    else delete (globalThis as { navigator?: unknown }).navigator;
    ownNavigator = null;
  }
}

async function loadDawn(): Promise<Dawn> {
  try {
    return (await import('webgpu')) as unknown as Dawn;
  } catch (error) {
    throw new Error(
      `WebGPU in Node needs Dawn (the npm package "webgpu", ${process.platform}-${process.arch}): ` +
        `${(error as Error).message.split('\n')[0]}`,
      { cause: error },
    );
  }
}

export type DawnAdapter =
  { adapter: GPUAdapter; report: WebGpuAdapterReport } | { adapter: null; why: string };

/**
 * The adapter Dawn offers (high-performance first), or why there is none: no Vulkan driver
 * (Debian 12's Mesa 22.3 lavapipe is refused; Mesa 25 works), or no GPU at all.
 */
export async function findDawnAdapter(flags: string[] = dawnFlags()): Promise<DawnAdapter> {
  const dawn = await loadDawn();
  // tfjs reads GPUBufferUsage, GPUMapMode, … as globals, as in a browser.
  for (const [name, value] of Object.entries(dawn.globals))
    if (!(name in globalThis)) Object.assign(globalThis, { [name]: value });
  let adapter: GPUAdapter | null = null;
  let why = 'requestAdapter() returned null';
  try {
    gpu ??= dawn.create(flags);
    adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  } catch (error) {
    why = (error as Error).message.split('\n')[0];
  }
  if (!adapter || !gpu) {
    releaseDawn();
    return { adapter: null, why };
  }
  exposeNavigatorGpu(gpu);
  return { adapter, report: describeAdapter(adapter) };
}

/** The message when WebGPU is asked for and Dawn finds no adapter. */
export function noAdapterMessage(why: string): string {
  return (
    `WebGPU: Dawn found no GPU adapter (${why}). Install a Vulkan driver (without a GPU: ` +
    "Mesa ≥ 24's lavapipe, e.g. mesa-vulkan-drivers from bookworm-backports), or use --backend wasm."
  );
}

let started: WebGpuAdapterReport | null = null;

/**
 * Starts tfjs's 'webgpu' backend on Dawn's adapter (once per process; later calls switch back to
 * it); throws a clear message when there is no adapter.
 */
export async function startDawnBackend(): Promise<WebGpuAdapterReport> {
  if (started && tf.engine().registry.webgpu) {
    if (!(await tf.setBackend('webgpu')))
      throw new Error('WebGPU: could not switch back to the webgpu backend.');
    return started;
  }
  const found = await findDawnAdapter();
  if (!found.adapter) throw new Error(noAdapterMessage(found.why));
  registerWebGpuBackend(found.adapter);
  let ok: boolean;
  try {
    ok = await tf.setBackend('webgpu');
  } catch (error) {
    throw new Error(
      `WebGPU: could not start a device on ${found.report.description}: ${(error as Error).message}`,
      { cause: error },
    );
  }
  if (!ok) throw new Error(`WebGPU: could not start a device on ${found.report.description}.`);
  started = found.report;
  return started;
}

/**
 * Frees the WebGPU backend (its buffers and device) and drops Dawn, so nothing native keeps the
 * process alive. Safe to call when WebGPU never started.
 */
export function releaseDawn(): void {
  const backend = tf.engine().registry.webgpu as unknown as { device?: GPUDevice } | undefined;
  if (tf.findBackendFactory('webgpu')) tf.removeBackend('webgpu'); // disposes tfjs's buffers
  backend?.device?.destroy();
  gpu = null;
  exposeNavigatorGpu(null);
  started = null;
}
