/**
 * Runs a bench graph through the real runtime (compile + Executor.execute), recording the
 * seconds each node took and, per progress event, the time and tf.memory() — so the step
 * rate inside a node and its memory after step k can be read off one run.
 */
import * as tf from '@tensorflow/tfjs';
import type { Graph } from '../../src/graph';
import type { NodeRegistry } from '../../src/nodes/registry';
import { compile } from '../../src/runtime/compile';
import { Executor } from '../../src/runtime/execute';

export interface ProgressSample {
  nodeId: string;
  /** Steps done, from the fraction and the node's step count. */
  fraction: number;
  at: number;
  /** Process CPU milliseconds used so far (user + system). */
  cpu: number;
  numTensors: number;
  numBytes: number;
}

export interface GraphRun {
  status: string;
  message?: string;
  seconds: Record<string, number>;
  progress: ProgressSample[];
}

export interface RunGraphOptions {
  targets?: string[];
  /** Called on every progress event; return true to cancel the run there. */
  cancelWhen?: (sample: ProgressSample) => boolean;
  /** Record tf.memory() at each progress event. */
  memory?: boolean;
  /** Milliseconds between progress events (0 = every one, for step timing; default: the runtime's). */
  throttleMs?: number;
}

export async function runGraph(
  executor: Executor,
  graph: Graph,
  registry: NodeRegistry,
  options: RunGraphOptions = {},
): Promise<GraphRun> {
  const compiled = compile(graph, registry, { targets: options.targets });
  if (!compiled.ok)
    throw new Error(`Bench graph does not compile: ${compiled.problems.map((p) => p.message).join('; ')}`);
  const controller = new AbortController();
  const progress: ProgressSample[] = [];
  const result = await executor.execute(compiled.plan, {
    runId: 1,
    signal: controller.signal,
    throttleMs: options.throttleMs,
    onEvent: (event) => {
      if (event.type !== 'progress') return;
      const memory = options.memory ? tf.memory() : { numTensors: NaN, numBytes: NaN };
      const cpu = process.cpuUsage();
      const sample = {
        nodeId: event.nodeId,
        fraction: event.fraction,
        at: performance.now(),
        cpu: (cpu.user + cpu.system) / 1000,
        numTensors: memory.numTensors,
        numBytes: memory.numBytes,
      };
      progress.push(sample);
      if (options.cancelWhen?.(sample)) controller.abort();
    },
  });
  const seconds: Record<string, number> = {};
  for (const [id, r] of result.nodes) if (r.seconds !== undefined) seconds[id] = r.seconds;
  return { status: result.status, message: result.message, seconds, progress };
}

/** Wall and CPU milliseconds between successive progress events of `nodeId` (its step times). */
export function stepIntervals(run: GraphRun, nodeId: string): { wall: number[]; cpu: number[] } {
  const events = run.progress.filter((p) => p.nodeId === nodeId && p.fraction > 0);
  const gaps = (key: 'at' | 'cpu') => events.slice(1).map((e, i) => e[key] - events[i][key]);
  return { wall: gaps('at'), cpu: gaps('cpu') };
}
