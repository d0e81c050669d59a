/**
 * The worker's message handling, free of any worker globals so it runs in Node tests through
 * a fake transport: compile each graph it receives, execute one run at a time, stream events.
 */
import * as tf from '@tensorflow/tfjs';
import { registry } from '../nodes/registry';
import { compile } from './compile';
import { Executor } from './execute';
import { readStoredCheckpoint } from './checkpoints/browser-store';
import { exportCheckpoint } from './checkpoints/export';
import { convNetGradients } from './gradient-check';
import type { BackendName, FromWorker, ToWorker } from './protocol';
import { provenance } from './provenance';
import type { Graph } from '../graph';

export interface HostOptions {
  post: (message: FromWorker, transfer?: Transferable[]) => void;
  chooseBackend: (
    forced?: BackendName,
  ) => Promise<{ backend: BackendName; reason: string; adapter?: string }>;
}

export function createWorkerHost({ post, chooseBackend }: HostOptions): (message: ToWorker) => Promise<void> {
  let executor: Executor | null = null;
  let ready: Promise<void> | null = null;
  let active: { runId: number; controller: AbortController; done: Promise<unknown> } | null = null;
  /** Per node, the graph and seed of the run that last produced its outputs (a checkpoint's provenance). */
  const madeBy = new Map<string, { graph: Graph; seed: number }>();

  const postMemory = () => {
    const m = tf.memory();
    post({ type: 'memory', numTensors: m.numTensors, numBytes: m.numBytes });
  };

  return async (message) => {
    switch (message.type) {
      case 'init': {
        ready = (async () => {
          try {
            const choice = await chooseBackend(message.backend);
            executor = new Executor(choice.backend, { readCheckpoint: readStoredCheckpoint });
            post({ type: 'ready', ...choice });
          } catch (error) {
            post({ type: 'init-error', message: error instanceof Error ? error.message : String(error) });
          }
        })();
        await ready;
        return;
      }
      case 'run': {
        await ready; // a run posted while the backend starts waits for it
        if (!executor) {
          post({
            type: 'event',
            event: {
              type: 'run-finished',
              runId: message.runId,
              status: 'error',
              seconds: 0,
              message: 'The runtime did not start (no init, or no backend could start).',
            },
          });
          return;
        }
        if (active) {
          active.controller.abort();
          await active.done;
        }
        const compiled = compile(message.graph, registry, {
          targets: message.targets,
          backend: executor.backend,
        });
        if (!compiled.ok) {
          const text = compiled.problems.map((p) => p.message).join('\n');
          post({
            type: 'event',
            event: { type: 'run-finished', runId: message.runId, status: 'error', seconds: 0, message: text },
          });
          return;
        }
        const controller = new AbortController();
        let seed = 0;
        const done = executor.execute(compiled.plan, {
          runId: message.runId,
          signal: controller.signal,
          seed: message.seed,
          onEvent: (event) => {
            if (event.type === 'run-started') seed = event.seed;
            if (event.type === 'done' || event.type === 'cached')
              madeBy.set(event.nodeId, { graph: message.graph, seed });
            post({ type: 'event', event });
          },
        });
        active = { runId: message.runId, controller, done };
        await done;
        if (active?.runId === message.runId) active = null;
        postMemory();
        return;
      }
      case 'cancel':
        if (active && active.runId === message.runId) active.controller.abort();
        return;
      case 'clear-cache':
        executor?.clear();
        madeBy.clear();
        postMemory();
        return;
      case 'gradient-check':
        post({ type: 'gradient-check', requestId: message.requestId, result: await convNetGradients() });
        return;
      case 'export-pytorch': {
        await ready;
        const { exportPytorchZip } = await import('../export/pytorch/export-zip');
        const reply = await exportPytorchZip(message.graph, registry, executor?.backend ?? tf.getBackend());
        post(
          { type: 'pytorch-project', requestId: message.requestId, ...reply },
          reply.ok ? [reply.zip.buffer as ArrayBuffer] : [],
        );
        return;
      }
      case 'export-checkpoint': {
        const run = madeBy.get(message.nodeId);
        const made = executor && run && provenance(run.graph, run.seed, executor.backend);
        const reply = await exportCheckpoint(executor, message.nodeId, made ?? undefined);
        post({ type: 'checkpoint', requestId: message.requestId, ...reply }, reply.ok ? [reply.weights] : []);
        return;
      }
    }
  };
}
