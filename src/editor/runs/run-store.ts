/**
 * The run history's storage: one key per run in its own IndexedDB store (a Map in tests),
 * bounded by count — the oldest runs go first — so the history never grows without limit.
 */
import type { KeyValue } from '../files/autosave';
import { RUN_RECORD_VERSION, type RunRecord } from './run-record';

/** Runs kept; the panel says so. Each record holds thumbnails only (tens of kB), never weights. */
export const MAX_RUNS = 30;
const PREFIX = 'run:';

export class RunStore {
  constructor(
    private readonly kv: KeyValue,
    readonly limit = MAX_RUNS,
  ) {}

  /** Saves a run, then drops the oldest beyond the limit. */
  async add(record: RunRecord): Promise<void> {
    await this.kv.set(PREFIX + record.id, record);
    const ids = await this.ids();
    for (const id of ids.slice(this.limit)) await this.kv.del(PREFIX + id);
  }

  /** Every kept run, newest first; records of another format version are skipped. */
  async list(): Promise<RunRecord[]> {
    const records: RunRecord[] = [];
    for (const id of await this.ids()) {
      const record = (await this.kv.get(PREFIX + id)) as RunRecord | undefined;
      if (record?.version === RUN_RECORD_VERSION) records.push(record);
    }
    return records;
  }

  async remove(id: string): Promise<void> {
    await this.kv.del(PREFIX + id);
  }

  async clear(): Promise<void> {
    for (const id of await this.ids()) await this.kv.del(PREFIX + id);
  }

  /** Ids newest first (ids start with the zero-padded start time). */
  private async ids(): Promise<string[]> {
    return (await this.kv.keys())
      .filter((k) => k.startsWith(PREFIX))
      .map((k) => k.slice(PREFIX.length))
      .sort()
      .reverse();
  }
}
