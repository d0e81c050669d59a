/**
 * Test support: the runtime worker in-process behind a fake transport. Messages go through
 * structuredClone both ways, as postMessage would copy them; the worker runs on the cpu backend.
 */
import { useNodeBackend } from '../src/runtime/backend-node';
import type { Transport } from '../src/runtime/client';
import type { FromWorker, ToWorker } from '../src/runtime/protocol';
import { createWorkerHost } from '../src/runtime/worker-host';

export function fakeWorker(): Transport {
  const handlers = new Set<(m: FromWorker) => void>();
  const host = createWorkerHost({
    post: (message) => queueMicrotask(() => handlers.forEach((h) => h(structuredClone(message)))),
    chooseBackend: async () => ({ backend: await useNodeBackend('cpu'), reason: 'test' }),
  });
  return {
    post: (message: ToWorker) => setTimeout(() => void host(structuredClone(message)), 0),
    listen: (handler) => (handlers.add(handler), () => handlers.delete(handler)),
  };
}
