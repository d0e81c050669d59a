/**
 * The run history's state, with no UI: the kept records (newest first), which two are picked for
 * comparison, and whether the Runs panel is open. The recorder adds to it as runs finish.
 */
import type { Graph } from '../../graph';
import { Store } from '../state/store';
import type { RunRecord } from './run-record';
import { RunRecorder } from './run-recorder';
import type { RunStore } from './run-store';

export class RunHistory {
  readonly records = new Store<RunRecord[]>([]);
  /** Ids picked for comparison, at most two, in the order picked. */
  readonly picked = new Store<string[]>([]);
  readonly open = new Store<boolean>(false);
  readonly recorder: RunRecorder;
  /** Set when storage failed (private mode, quota). */
  failure: string | null = null;

  constructor(readonly store: RunStore) {
    this.recorder = new RunRecorder(store, (record) =>
      this.records.update((list) =>
        [record, ...list.filter((r) => r.id !== record.id)].slice(0, store.limit),
      ),
    );
  }

  /** Loads what earlier sessions kept; the newest record is what the next run is compared with. */
  async load(): Promise<void> {
    try {
      const list = await this.store.list();
      this.records.set(list);
      if (list[0]) this.recorder.setPrevious(list[0].graph);
    } catch (error) {
      this.failure = `Run history is not available here: ${String(error)}`;
    }
  }

  requested(runId: number, graph: Graph): void {
    this.recorder.requested(runId, graph);
  }

  /** Picks or unpicks a run; a third pick replaces the earlier of the two. */
  toggle(id: string): void {
    this.picked.update((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id].slice(-2)));
  }

  pickedRecords(): RunRecord[] {
    const byId = new Map(this.records.value.map((r) => [r.id, r]));
    return this.picked.value.map((id) => byId.get(id)).filter((r): r is RunRecord => !!r);
  }

  async remove(id: string): Promise<void> {
    await this.store.remove(id);
    this.records.update((list) => list.filter((r) => r.id !== id));
    this.picked.update((ids) => ids.filter((x) => x !== id));
  }

  async clear(): Promise<void> {
    await this.store.clear();
    this.records.set([]);
    this.picked.set([]);
  }
}
