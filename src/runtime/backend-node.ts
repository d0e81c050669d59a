/**
 * Backends in Node (CLI, tests, benches): WASM (the default), CPU, or WebGPU through Dawn — each
 * with the same kernel patches as the browser. `auto` takes WebGPU on a hardware adapter, else
 * WASM, as the browser worker does.
 */
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { patchBackend } from './patch-backend';
import type { BackendName } from './protocol';
import { adapterLine, type WebGpuAdapterReport } from './webgpu-backend';

export type NodeBackendName = 'wasm' | 'cpu' | 'webgpu';

/** What started, and why: the CLI prints `reason`, summary.json keeps `adapter`. */
export interface NodeBackendChoice {
  backend: NodeBackendName;
  reason: string;
  adapter?: WebGpuAdapterReport;
}

let current: NodeBackendName | null = null;
let adapter: WebGpuAdapterReport | undefined;
/** Whether this process touched Dawn (started WebGPU or probed it for `auto`). */
let loadedDawn = false;

/** Selects and patches a Node backend once per process; later calls with another name switch. */
export async function useNodeBackend(name: NodeBackendName = 'wasm'): Promise<BackendName> {
  if (current === name && tf.getBackend() === name) return name;
  if (name === 'webgpu') {
    const { startDawnBackend } = await import('./webgpu-node');
    loadedDawn = true;
    adapter = await startDawnBackend();
  } else {
    if (name === 'wasm') {
      const require = createRequire(import.meta.url);
      const dist = dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'));
      setWasmPaths(join(dist, '/'));
    }
    const ok = await tf.setBackend(name);
    if (!ok) throw new Error(`Could not start the ${name} backend.`);
  }
  await tf.ready();
  patchBackend(name);
  current = name;
  return name;
}

/**
 * Runs `work` on `name`, then puts back the backend that was in use (if any): a library call
 * (the PyTorch export computes on cpu) must not change the backend the rest of the process runs on.
 */
export async function onNodeBackend<T>(
  name: NodeBackendName,
  work: (backend: BackendName) => Promise<T>,
): Promise<T> {
  const before = current;
  try {
    return await work(await useNodeBackend(name));
  } finally {
    if (before && before !== name) await useNodeBackend(before);
  }
}

/** The adapter WebGPU runs on in this process, once started. */
export function nodeWebGpuAdapter(): WebGpuAdapterReport | undefined {
  return adapter;
}

function onWebGpu(prefix: string): NodeBackendChoice {
  if (!adapter) throw new Error('WebGPU started without an adapter report.');
  return { backend: 'webgpu', reason: `${prefix}WebGPU on ${adapterLine(adapter)}`, adapter };
}

/**
 * `--backend auto|webgpu|wasm|cpu`: starts it and says why. `auto` probes Dawn and takes WebGPU
 * only on a hardware adapter (a software one such as lavapipe is slower than WASM).
 */
export async function chooseNodeBackend(asked: NodeBackendName | 'auto'): Promise<NodeBackendChoice> {
  if (asked !== 'auto') {
    const backend = (await useNodeBackend(asked)) as NodeBackendName;
    return backend === 'webgpu'
      ? onWebGpu('')
      : { backend, reason: asked === 'wasm' ? 'WASM' : 'the plain CPU backend' };
  }
  let why: string;
  try {
    const { findDawnAdapter } = await import('./webgpu-node');
    loadedDawn = true;
    const found = await findDawnAdapter();
    if (found.adapter && !found.report.software) {
      await useNodeBackend('webgpu');
      return onWebGpu('auto: ');
    }
    why = found.adapter
      ? `WebGPU's adapter is software (${adapterLine(found.report)})`
      : `Dawn found no WebGPU adapter (${found.why})`;
    await releaseNodeBackends();
  } catch (error) {
    why = `WebGPU failed (${(error as Error).message.split('\n')[0]})`;
    await releaseNodeBackends();
  }
  await useNodeBackend('wasm');
  return { backend: 'wasm', reason: `auto: WASM, since ${why}` };
}

/** Lets go of Dawn (if WebGPU ran) so nothing native keeps the process alive. */
export async function releaseNodeBackends(): Promise<void> {
  if (!loadedDawn) return;
  const { releaseDawn } = await import('./webgpu-node');
  releaseDawn();
  loadedDawn = false;
  adapter = undefined;
  if (current === 'webgpu') current = null;
}
