/**
 * The editor's handle on the runtime worker (main thread, no tfjs): start it, run graphs,
 * cancel, and listen to run events. Talks only through the typed protocol.
 */
import type { Graph, Json } from '../graph';
import type { RunEvent } from './events';
import type { PytorchZip } from '../export/pytorch/export-zip';
import type { GradientCheck } from './gradient-check';
import type { BackendName, FromWorker, ToWorker } from './protocol';

/** Anything that carries protocol messages: a Worker, or a fake in tests. */
export interface Transport {
  post(message: ToWorker): void;
  listen(handler: (message: FromWorker) => void): () => void;
  terminate?(): void;
}

export interface Ready {
  backend: BackendName;
  reason: string;
  adapter?: string;
  /** Said once in the UI, in words (a forced backend that is slow here or could not start). */
  warning?: string;
}

export interface Checkpoint {
  name: string;
  json: Json;
  weights: ArrayBuffer;
}

export class RuntimeClient {
  readonly ready: Promise<Ready>;
  private readonly listeners = new Set<(event: RunEvent) => void>();
  private readonly memoryListeners = new Set<(memory: { numTensors: number; numBytes: number }) => void>();
  private readonly pending = new Map<
    number,
    (message: Extract<FromWorker, { type: 'checkpoint' }>) => void
  >();
  private readonly pendingChecks = new Map<number, (result: GradientCheck) => void>();
  private readonly pendingExports = new Map<number, (result: PytorchZip) => void>();
  private readonly unlisten: () => void;
  private nextRunId = 1;
  private nextRequestId = 1;
  private activeRunId: number | null = null;

  /** Spawns the dedicated worker (a module worker bundled by Vite). */
  static start(options: { backend?: BackendName } = {}): RuntimeClient {
    const worker = new Worker(new URL('./worker.ts', import.meta.url), {
      type: 'module',
      name: 'scoregraph-runtime',
    });
    const transport: Transport = {
      post: (message) => worker.postMessage(message),
      listen: (handler) => {
        const onMessage = (event: MessageEvent<FromWorker>) => handler(event.data);
        worker.addEventListener('message', onMessage);
        return () => worker.removeEventListener('message', onMessage);
      },
      terminate: () => worker.terminate(),
    };
    return new RuntimeClient(transport, options);
  }

  constructor(
    private readonly transport: Transport,
    options: { backend?: BackendName } = {},
  ) {
    let resolveReady!: (ready: Ready) => void;
    let rejectReady!: (error: Error) => void;
    this.ready = new Promise((resolve, reject) => ((resolveReady = resolve), (rejectReady = reject)));
    this.unlisten = transport.listen((message) => {
      switch (message.type) {
        case 'ready':
          resolveReady({
            backend: message.backend,
            reason: message.reason,
            adapter: message.adapter,
            warning: message.warning,
          });
          break;
        case 'init-error':
          rejectReady(new Error(message.message));
          break;
        case 'event':
          if (message.event.type === 'run-finished' && message.event.runId === this.activeRunId)
            this.activeRunId = null;
          for (const listener of this.listeners) listener(message.event);
          break;
        case 'memory':
          for (const listener of this.memoryListeners)
            listener({ numTensors: message.numTensors, numBytes: message.numBytes });
          break;
        case 'checkpoint':
          this.pending.get(message.requestId)?.(message);
          this.pending.delete(message.requestId);
          break;
        case 'gradient-check':
          this.pendingChecks.get(message.requestId)?.(message.result);
          this.pendingChecks.delete(message.requestId);
          break;
        case 'pytorch-project': {
          const { type: _type, requestId, ...result } = message;
          this.pendingExports.get(requestId)?.(result);
          this.pendingExports.delete(requestId);
          break;
        }
      }
    });
    transport.post({ type: 'init', backend: options.backend });
  }

  /** Starts a run (cancelling one in flight) and returns its id; progress comes as events. */
  run(graph: Graph, options: { seed?: number; targets?: string[] } = {}): number {
    const runId = this.nextRunId++;
    this.activeRunId = runId;
    this.transport.post({ type: 'run', runId, graph, seed: options.seed, targets: options.targets });
    return runId;
  }

  get running(): boolean {
    return this.activeRunId !== null;
  }

  /** Cancels the run in flight (or the one named). */
  cancel(runId = this.activeRunId): void {
    if (runId !== null) this.transport.post({ type: 'cancel', runId });
  }

  clearCache(): void {
    this.transport.post({ type: 'clear-cache' });
  }

  /** Listens to run events; returns the unsubscribe. */
  on(listener: (event: RunEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onMemory(listener: (memory: { numTensors: number; numBytes: number }) => void): () => void {
    this.memoryListeners.add(listener);
    return () => this.memoryListeners.delete(listener);
  }

  /** The checkpoint (JSON + weight bytes) of a trained model output of node `nodeId`. */
  exportCheckpoint(nodeId: string): Promise<Checkpoint> {
    const requestId = this.nextRequestId++;
    return new Promise((resolve, reject) => {
      this.pending.set(requestId, (message) => {
        if (message.ok) resolve({ name: message.name, json: message.json, weights: message.weights });
        else reject(new Error(message.message));
      });
      this.transport.post({ type: 'export-checkpoint', requestId, nodeId });
    });
  }

  /** The graph as a PyTorch project zip, or every reason it cannot be exported. */
  exportPytorch(graph: Graph): Promise<PytorchZip> {
    const requestId = this.nextRequestId++;
    return new Promise((resolve) => {
      this.pendingExports.set(requestId, resolve);
      this.transport.post({ type: 'export-pytorch', requestId, graph });
    });
  }

  /** The one-step conv-net gradient check on the worker's backend (compare with CPU). */
  gradientCheck(): Promise<GradientCheck> {
    const requestId = this.nextRequestId++;
    return new Promise((resolve) => {
      this.pendingChecks.set(requestId, resolve);
      this.transport.post({ type: 'gradient-check', requestId });
    });
  }

  dispose(): void {
    this.unlisten();
    this.listeners.clear();
    this.transport.terminate?.();
  }
}
