/**
 * Per-run facts behind what the canvas shows, one record per run: the graph it ran, its backend
 * and seed, and which nodes' displays it made. A viewer's PNG takes its graph and stamp from here.
 * A run's record lives while one of its displays is shown (or while it is the latest run).
 */
import type { Graph } from '../../graph';

export interface RunOrigin {
  readonly runId: number;
  /** The graph the editor asked the runtime to run; unknown for a run it did not record. */
  graph?: Graph;
  backend?: string;
  seed?: number;
  /** Nodes whose display this run made. */
  readonly displays: Set<string>;
}

export class RunOrigins {
  private readonly runs = new Map<number, RunOrigin>();
  private latest: number | null = null;

  /** The editor asked for run `runId` with this graph (before or after the run reports its start). */
  requested(runId: number, graph: Graph): void {
    this.record(runId).graph = graph;
    this.prune();
  }

  /** Run `runId` started on this backend with this seed. */
  started(runId: number, backend: string, seed: number): void {
    Object.assign(this.record(runId), { backend, seed });
    this.prune();
  }

  /** Node `nodeId`'s display now comes from run `runId`. */
  made(runId: number, nodeId: string): void {
    for (const run of this.runs.values()) run.displays.delete(nodeId);
    this.record(runId).displays.add(nodeId);
    this.prune();
  }

  /** The record of the run that made node `nodeId`'s display, when one did. */
  madeBy(nodeId: string): RunOrigin | undefined {
    for (const run of this.runs.values()) if (run.displays.has(nodeId)) return run;
    return undefined;
  }

  /** Forgets the displays of nodes that left the graph (and runs left with none shown). */
  keepOnly(ids: ReadonlySet<string>): void {
    for (const run of this.runs.values())
      for (const id of [...run.displays]) if (!ids.has(id)) run.displays.delete(id);
    this.prune();
  }

  /** How many runs are remembered (for tests: records do not pile up). */
  get size(): number {
    return this.runs.size;
  }

  private record(runId: number): RunOrigin {
    if (this.latest === null || runId > this.latest) this.latest = runId;
    let run = this.runs.get(runId);
    if (!run) this.runs.set(runId, (run = { runId, displays: new Set() }));
    return run;
  }

  private prune(): void {
    for (const [runId, run] of this.runs)
      if (runId !== this.latest && !run.displays.size) this.runs.delete(runId);
  }
}
