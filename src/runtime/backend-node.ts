/** Backends in Node (CLI, tests, benches): WASM (default, single-threaded there) or CPU, patched. */
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { patchBackend } from './patch-backend';
import type { BackendName } from './protocol';

let current: BackendName | null = null;

/** Selects and patches a Node backend once per process; later calls with another name switch. */
export async function useNodeBackend(name: 'wasm' | 'cpu' = 'wasm'): Promise<BackendName> {
  if (current === name && tf.getBackend() === name) return name;
  if (name === 'wasm') {
    const require = createRequire(import.meta.url);
    const dist = dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'));
    setWasmPaths(join(dist, '/'));
  }
  const ok = await tf.setBackend(name);
  if (!ok) throw new Error(`Could not start the ${name} backend.`);
  await tf.ready();
  patchBackend(name);
  current = name;
  return name;
}
