/**
 * Records every run the editor starts: it pairs the graph handed to the runtime (by run id) with
 * the events the run streams, and on `run-finished` writes one RunRecord — with what changed since
 * the previous record — to the store.
 */
import type { Graph } from '../../graph';
import type { DisplayPayload } from '../../nodes/display';
import type { RunEvent } from '../../runtime/events';
import { graphHash } from '../../runtime/graph-hash';
import { diffGraphs } from './graph-diff';
import { compactDisplay, RUN_RECORD_VERSION, type RunRecord } from './run-record';
import type { RunStore } from './run-store';

interface Pending {
  graph: Graph;
  startedAt: number;
  backend: string;
  seed: number | null;
  nodes: RunRecord['nodes'];
  displays: Map<string, DisplayPayload>;
}

export class RunRecorder {
  private readonly pending = new Map<number, Pending>();
  private previous: Graph | null = null;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: RunStore,
    private readonly onRecorded: (record: RunRecord) => void = () => {},
    private readonly now: () => number = Date.now,
  ) {}

  /** The graph the next run is compared with (the newest kept record, after a reload). */
  setPrevious(graph: Graph): void {
    this.previous = graph;
  }

  /** The editor asked the runtime for run `runId` of `graph`. */
  requested(runId: number, graph: Graph): void {
    this.pending.set(runId, {
      graph: { ...graph, view: undefined },
      startedAt: this.now(),
      backend: '',
      seed: null,
      nodes: {},
      displays: new Map(),
    });
  }

  apply(event: RunEvent): void {
    const run = this.pending.get(event.runId);
    if (!run) return;
    switch (event.type) {
      case 'run-started':
        run.backend = event.backend;
        run.seed = event.seed;
        for (const id of event.nodeIds) run.nodes[id] = { status: 'queued' };
        return;
      case 'preview':
        run.displays.set(event.nodeId, event.payload);
        return;
      case 'cached':
        if (event.display) run.displays.set(event.nodeId, event.display);
        run.nodes[event.nodeId] = { status: 'cached', summary: event.summary };
        return;
      case 'done':
        run.nodes[event.nodeId] = { status: 'done', seconds: event.seconds, summary: event.summary };
        return;
      case 'error':
      case 'cancelled':
        run.nodes[event.nodeId] = { status: event.type };
        return;
      case 'run-finished':
        this.pending.delete(event.runId);
        this.finish(event.runId, run, event);
        return;
    }
  }

  /** Resolves once every finished run is stored. */
  flush(): Promise<void> {
    return this.writing;
  }

  private finish(runId: number, run: Pending, end: Extract<RunEvent, { type: 'run-finished' }>): void {
    const record: RunRecord = {
      version: RUN_RECORD_VERSION,
      id: `${String(run.startedAt).padStart(15, '0')}-${runId}`,
      startedAt: run.startedAt,
      graph: run.graph,
      graphHash: graphHash(run.graph),
      changes: this.previous ? diffGraphs(this.previous, run.graph) : [],
      ...(this.previous ? {} : { first: true as const }),
      backend: run.backend,
      seed: run.seed,
      status: end.status,
      seconds: end.seconds,
      ...(end.message ? { message: end.message } : {}),
      nodes: run.nodes,
      displays: Object.fromEntries([...run.displays].map(([id, d]) => [id, compactDisplay(d)])),
    };
    this.previous = run.graph;
    this.writing = this.writing
      .then(() => this.store.add(record))
      .then(
        () => this.onRecorded(record),
        () => {},
      );
  }
}
