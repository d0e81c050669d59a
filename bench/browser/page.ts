/**
 * bench.html: the runtime worker (RuntimeClient, as the editor uses it) and a baseline worker
 * side by side on one backend, driven from Node through window.__bench.
 */
import type { Graph } from '../../src/graph';
import { RuntimeClient } from '../../src/runtime/client';
import type { RunEvent } from '../../src/runtime/events';
import type { GradientCheck } from '../../src/runtime/gradient-check';
import type { BackendName } from '../../src/runtime/protocol';
import type { TrainCase } from '../cases';
import type { FromBaseline, ToBaseline } from './protocol';

export interface GraphRunResult {
  status: string;
  message?: string;
  /** Seconds each node took (from the runtime's done events). */
  seconds: Record<string, number>;
  summaries: Record<string, unknown>;
  /** Milliseconds from run() to the first preview of each node. */
  firstPreviewMs: Record<string, number>;
  /** Progress events as they arrived: [node, fraction, ms since run()]. */
  progress: [string, number, number][];
  wallMs: number;
  /** The worker's tf.memory() after the run. */
  numTensors?: number;
}

export interface BenchApi {
  start(backend: BackendName): Promise<{ runtime: string; baseline: string; reason: string }>;
  runGraph(graph: Graph): Promise<GraphRunResult>;
  runBaseline(
    c: TrainCase,
    readEvery: number | 'library',
    steps: number,
  ): Promise<{ seconds: number; steadyMs: number; numTensors: number; lastLoss: number; backend: string }>;
  /** The runtime worker's one-step conv-net gradient check (compared with CPU in Node). */
  gradientCheck(): Promise<GradientCheck>;
}

declare global {
  interface Window {
    __bench?: BenchApi;
  }
}

const out = document.getElementById('out')!;
let client: RuntimeClient | null = null;
let baseline: Worker | null = null;
let nextId = 1;
let lastMemory: number | undefined;

function ask(message: ToBaseline): Promise<FromBaseline> {
  return new Promise((resolve) => {
    const onMessage = (event: MessageEvent<FromBaseline>) => {
      const reply = event.data;
      if (message.type === 'init' ? reply.type === 'ready' : 'id' in reply && reply.id === message.id) {
        baseline!.removeEventListener('message', onMessage);
        resolve(reply);
      }
    };
    baseline!.addEventListener('message', onMessage);
    baseline!.postMessage(message);
  });
}

window.__bench = {
  async start(backend) {
    client?.dispose();
    baseline?.terminate();
    client = RuntimeClient.start({ backend });
    client.onMemory((m) => (lastMemory = m.numTensors));
    baseline = new Worker(new URL('./baseline-worker.ts', import.meta.url), { type: 'module' });
    const [ready, base] = await Promise.all([client.ready, ask({ type: 'init', backend })]);
    out.textContent = `runtime on ${ready.backend}, baseline on ${base.type === 'ready' ? base.backend : '?'}`;
    return {
      runtime: ready.backend,
      baseline: base.type === 'ready' ? base.backend : 'failed',
      reason: ready.reason,
    };
  },

  runGraph(graph) {
    const started = performance.now();
    const seconds: Record<string, number> = {};
    const summaries: Record<string, unknown> = {};
    const firstPreviewMs: Record<string, number> = {};
    const progress: [string, number, number][] = [];
    lastMemory = undefined;
    return new Promise((resolve) => {
      let runId = -1;
      const off = client!.on((event: RunEvent) => {
        if (event.runId !== runId) return;
        if (event.type === 'done') {
          seconds[event.nodeId] = event.seconds;
          summaries[event.nodeId] = event.summary;
        }
        if (event.type === 'progress')
          progress.push([event.nodeId, event.fraction, performance.now() - started]);
        if (event.type === 'preview' && !(event.nodeId in firstPreviewMs))
          firstPreviewMs[event.nodeId] = performance.now() - started;
        if (event.type === 'run-finished') {
          off();
          const wallMs = performance.now() - started;
          // The worker posts its memory right after run-finished.
          setTimeout(
            () =>
              resolve({
                status: event.status,
                message: event.message,
                seconds,
                summaries,
                firstPreviewMs,
                progress,
                wallMs,
                numTensors: lastMemory,
              }),
            50,
          );
        }
      });
      runId = client!.run(graph);
    });
  },

  gradientCheck() {
    return client!.gradientCheck();
  },

  async runBaseline(c, readEvery, steps) {
    const reply = await ask({ type: 'train', id: nextId++, case: c, readEvery, steps });
    if (reply.type === 'failed') throw new Error(reply.message);
    if (reply.type !== 'result') throw new Error('unexpected reply');
    return reply;
  },
};
out.textContent = 'ready';
