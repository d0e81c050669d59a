/**
 * What the runtime reports, per node and for the run as a whole: status, progress, the last
 * display and errors. Never saved with the graph.
 */
import type { DisplayPayload } from '../../nodes/display';
import type { NodeStatus, RunEvent } from '../../runtime/events';
import { PaceMeter, type Pace } from '../../runtime/pace';
import { RunOrigins } from './run-origins';
import { KeyedStore, Store } from './store';

export interface NodeRun {
  status: NodeStatus;
  fraction?: number;
  text?: string;
  message?: string;
  seconds?: number;
  /** Steps/s and time left while running (from the progress events, src/runtime/pace.ts). */
  pace?: Pace;
}

export interface RunSummary {
  running: boolean;
  runId: number | null;
  status: 'idle' | 'running' | 'done' | 'error' | 'cancelled';
  seconds?: number;
  message?: string;
}

export class RunState {
  readonly nodes = new KeyedStore<NodeRun>();
  /** Last display per node: kept across runs until a new one arrives. */
  readonly displays = new KeyedStore<DisplayPayload>();
  readonly run = new Store<RunSummary>({ running: false, runId: null, status: 'idle' });
  /** Per run: the graph it ran, its backend and seed, and the displays it made (a viewer PNG's provenance). */
  readonly origins = new RunOrigins();
  private readonly meters = new Map<string, PaceMeter>();

  /** `now` in milliseconds (a parameter for tests). */
  constructor(private readonly now: () => number = () => performance.now()) {}

  apply(event: RunEvent): void {
    const current = this.run.value;
    if (event.type !== 'run-started' && current.runId !== null && event.runId !== current.runId) return;
    switch (event.type) {
      case 'run-started':
        this.meters.clear();
        this.nodes.replaceAll(new Map(event.nodeIds.map((id) => [id, { status: 'idle' } as NodeRun])));
        this.run.set({ running: true, runId: event.runId, status: 'running' });
        this.origins.started(event.runId, event.backend, event.seed);
        return;
      case 'queued':
        return this.patch(event.nodeId, { status: 'queued' });
      case 'started':
        this.meters.set(event.nodeId, new PaceMeter());
        return this.patch(event.nodeId, { status: 'running', fraction: 0, text: undefined, pace: undefined });
      case 'progress': {
        const pace = this.meters.get(event.nodeId)?.add(this.now(), event.fraction, event.text);
        return this.patch(event.nodeId, {
          status: 'running',
          fraction: event.fraction,
          text: event.text,
          pace,
        });
      }
      case 'preview':
        this.displays.set(event.nodeId, event.payload);
        this.markDisplay(event.runId, event.nodeId);
        return;
      case 'cached':
        if (event.display) {
          this.displays.set(event.nodeId, event.display);
          this.markDisplay(event.runId, event.nodeId);
        }
        return this.patch(event.nodeId, { status: 'cached', fraction: undefined, text: undefined });
      case 'done':
        return this.patch(event.nodeId, {
          status: 'done',
          fraction: undefined,
          text: undefined,
          seconds: event.seconds,
        });
      case 'error':
        return this.patch(event.nodeId, { status: 'error', message: event.message });
      case 'cancelled':
        return this.patch(event.nodeId, { status: 'cancelled', fraction: undefined, message: undefined });
      case 'run-finished':
        for (const [id, run] of this.nodes.entries()) {
          if (run.status === 'queued' || run.status === 'running')
            this.patch(id, {
              status: event.status === 'cancelled' ? 'cancelled' : 'idle',
              fraction: undefined,
              message: undefined,
            });
        }
        this.run.set({
          running: false,
          runId: event.runId,
          status: event.status,
          seconds: event.seconds,
          message: event.message,
        });
        return;
    }
  }

  /** Forgets displays and statuses of nodes that left the graph. */
  keepOnly(ids: ReadonlySet<string>): void {
    for (const store of [this.nodes, this.displays] as KeyedStore<unknown>[])
      for (const [id] of store.entries()) if (!ids.has(id)) store.set(id, undefined);
    this.origins.keepOnly(ids);
  }

  /** Node `nodeId`'s display now comes from run `runId`. */
  markDisplay(runId: number, nodeId: string): void {
    this.origins.made(runId, nodeId);
  }

  private patch(id: string, change: Partial<NodeRun>): void {
    const before = this.nodes.get(id) ?? { status: 'idle' };
    this.nodes.set(id, { ...before, ...change });
  }
}
