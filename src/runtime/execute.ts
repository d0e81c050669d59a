/**
 * execute(): runs a plan in topological order with a content-hash output cache, per-node
 * events, cooperative cancel, and tensor cleanup of whatever a failed or cancelled node made.
 */
import type { Json } from '../graph';
import type { CheckpointReader } from '../graph/checkpoint-header';
import type { StartGradientHelpers } from '../score/parallel-step';
import type { DisplayPayload } from '../nodes/display';
import { inferOnValues } from '../nodes/value-meta';
import type { Plan, PlanStep } from './compile';
import { disposeValue } from './dispose-value';
import type { RunEventListener } from './events';
import { nodeKey } from './hash';
import { runOwned } from './owned-scope';
import { summarizeValue } from './summarize';
import { yieldNow } from './yield-now';

export interface ExecuteOptions {
  runId: number;
  signal: AbortSignal;
  /** Base seed of the run (never 0). Part of every cache key. */
  seed?: number;
  onEvent?: RunEventListener;
  /** Minimum milliseconds between progress (and, ×2, preview) events of one node. */
  throttleMs?: number;
}

export interface NodeResult {
  status: 'done' | 'cached' | 'error' | 'cancelled';
  seconds?: number;
  summary?: Json;
  display?: DisplayPayload;
  message?: string;
}

export interface RunResult {
  status: 'done' | 'error' | 'cancelled';
  message?: string;
  seconds: number;
  nodes: Map<string, NodeResult>;
}

interface CacheEntry {
  key: string;
  outputs: Record<string, unknown>;
  summary?: Json;
  display?: DisplayPayload;
}

export const DEFAULT_SEED = 20260101;

/** What the host (the worker, the CLI) gives running nodes. */
export interface ExecutorHost {
  /** Reads the checkpoint a model.load node names (the worker: this browser's store; the CLI: files). */
  readCheckpoint?: CheckpointReader;
  /** Helper threads training may share its batches with (the CLI: src/runtime/parallel/). */
  gradientHelpers?: StartGradientHelpers;
}

const noCheckpoints: CheckpointReader = async () => {
  throw new Error('This runtime has no checkpoint storage.');
};

export class Executor {
  private readonly cache = new Map<string, CacheEntry>();
  /** How many times each node's run() was called (cache tests, benchmarks). */
  readonly runCounts = new Map<string, number>();

  constructor(
    readonly backend: string,
    private readonly host: ExecutorHost = {},
  ) {}

  /** The cached outputs of a node, e.g. a trained model to export as a checkpoint. */
  outputsOf(nodeId: string): Record<string, unknown> | undefined {
    return this.cache.get(nodeId)?.outputs;
  }

  /** Frees every cached output. */
  clear(): void {
    for (const entry of this.cache.values()) disposeValue(entry.outputs);
    this.cache.clear();
  }

  async execute(plan: Plan, options: ExecuteOptions): Promise<RunResult> {
    const { runId, signal } = options;
    const seed = options.seed || DEFAULT_SEED;
    const emit: RunEventListener = options.onEvent ?? (() => {});
    const started = now();
    const results = new Map<string, NodeResult>();
    const keys = new Map<string, string>();
    this.evictRemovedNodes(plan);

    emit({
      type: 'run-started',
      runId,
      nodeIds: plan.steps.map((s) => s.nodeId),
      backend: this.backend,
      seed,
    });
    for (const step of plan.steps) emit({ type: 'queued', runId, nodeId: step.nodeId });

    const finish = (status: RunResult['status'], message?: string): RunResult => {
      const seconds = (now() - started) / 1000;
      emit({ type: 'run-finished', runId, status, seconds, message });
      return { status, message, seconds, nodes: results };
    };

    for (const step of plan.steps) {
      const inputKeys: Record<string, string> = {};
      for (const [socket, source] of Object.entries(step.inputs))
        inputKeys[socket] = `${keys.get(source.nodeId)}:${source.socket}`;
      const key = nodeKey(step.kind.type, step.params, inputKeys, seed);
      keys.set(step.nodeId, key);

      const cached = this.cache.get(step.nodeId);
      if (cached && cached.key === key) {
        results.set(step.nodeId, { status: 'cached', summary: cached.summary, display: cached.display });
        emit({
          type: 'cached',
          runId,
          nodeId: step.nodeId,
          summary: cached.summary,
          display: cached.display,
        });
        continue;
      }
      if (cached) {
        disposeValue(cached.outputs);
        this.cache.delete(step.nodeId);
      }
      if (signal.aborted) return finish('cancelled', 'The run was cancelled.');

      const outcome = await this.runStep(step, key, seed, options, emit);
      results.set(step.nodeId, outcome);
      if (outcome.status === 'cancelled') return finish('cancelled', 'The run was cancelled.');
      if (outcome.status === 'error') return finish('error', outcome.message);
    }
    return finish('done');
  }

  private async runStep(
    step: PlanStep,
    key: string,
    seed: number,
    options: ExecuteOptions,
    emit: RunEventListener,
  ): Promise<NodeResult> {
    const { runId, signal } = options;
    const { nodeId, kind } = step;
    const throttle = options.throttleMs ?? 100;
    emit({ type: 'started', runId, nodeId });
    this.runCounts.set(nodeId, (this.runCounts.get(nodeId) ?? 0) + 1);

    const inputs: Record<string, unknown> = {};
    for (const [socket, source] of Object.entries(step.inputs))
      inputs[socket] = this.cache.get(source.nodeId)!.outputs[source.socket];

    let lastProgress = 0;
    let lastPreview = 0;
    let display: DisplayPayload | undefined;
    let displaySent = true;
    const flushPreview = () => {
      if (display && !displaySent) emit({ type: 'preview', runId, nodeId, payload: display });
      displaySent = true;
    };

    const t0 = now();
    try {
      // infer() again on what actually arrived, so run() may rely on every rule infer() states.
      const sources = Object.fromEntries(
        Object.entries(step.inputs).map(([socket, s]) => [socket, s.nodeId]),
      );
      inferOnValues(kind, nodeId, step.params, inputs, sources);
      const outputs = await runOwned(
        `node:${nodeId}`,
        () =>
          kind.run({
            nodeId,
            params: step.params,
            inputs,
            signal,
            seed: nodeSeed(seed, nodeId),
            backend: this.backend,
            progress: (fraction: number, text?: string) => {
              const t = now();
              if (t - lastProgress < throttle && fraction < 1) return;
              lastProgress = t;
              emit({ type: 'progress', runId, nodeId, fraction: Math.min(1, Math.max(0, fraction)), text });
            },
            preview: (payload: DisplayPayload) => {
              display = payload;
              displaySent = false;
              const t = now();
              if (t - lastPreview < throttle * 2) return;
              lastPreview = t;
              flushPreview();
            },
            readCheckpoint: this.host.readCheckpoint ?? noCheckpoints,
            gradientHelpers: this.host.gradientHelpers,
            checkpoint: async () => {
              await yieldNow();
              if (signal.aborted) throw abortError();
            },
          }) as Promise<Record<string, unknown>>,
      );
      flushPreview();
      const summary = kind.summarize
        ? await kind.summarize(outputs, step.params)
        : kind.view
          ? summarizeValue(display)
          : summarizeValue(outputs);
      this.cache.set(nodeId, { key, outputs, summary, display });
      const seconds = (now() - t0) / 1000;
      emit({ type: 'done', runId, nodeId, seconds, summary });
      return { status: 'done', seconds, summary, display };
    } catch (error) {
      if (signal.aborted || isAbort(error)) {
        emit({ type: 'cancelled', runId, nodeId });
        return { status: 'cancelled', message: 'Cancelled.' };
      }
      const message = `Node "${nodeId}" (${kind.type}) failed: ${error instanceof Error ? error.message : String(error)}`;
      emit({ type: 'error', runId, nodeId, message });
      return { status: 'error', message };
    }
  }

  private evictRemovedNodes(plan: Plan): void {
    const present = new Set(plan.graph.nodes.map((n) => n.id));
    for (const [nodeId, entry] of this.cache) {
      if (present.has(nodeId)) continue;
      disposeValue(entry.outputs);
      this.cache.delete(nodeId);
    }
  }
}

/** A per-node seed derived from the run seed and the node id; never 0. */
export function nodeSeed(seed: number, nodeId: string): number {
  let h = seed >>> 0;
  for (let i = 0; i < nodeId.length; i++) h = Math.imul(h ^ nodeId.charCodeAt(i), 16777619) >>> 0;
  return (h % 2147483646) + 1;
}

function abortError(): Error {
  const error = new Error('The run was cancelled.');
  error.name = 'AbortError';
  return error;
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());
