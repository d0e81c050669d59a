/** The dedicated runtime worker: binds the worker host to postMessage. tfjs lives only here. */
import { chooseBrowserBackend } from './backend-browser';
import type { FromWorker, ToWorker } from './protocol';
import { createWorkerHost } from './worker-host';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const handle = createWorkerHost({
  post: (message: FromWorker, transfer?: Transferable[]) => scope.postMessage(message, transfer ?? []),
  chooseBackend: chooseBrowserBackend,
});
scope.onmessage = (event: MessageEvent<ToWorker>) => void handle(event.data);
