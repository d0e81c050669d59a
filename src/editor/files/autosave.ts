/**
 * Autosave: the open graph (with its view, name and unsaved state) written to browser storage
 * shortly after every change, so a reload or a crash loses at most the last moment of work.
 * Each browser tab writes its own record (its id lives in sessionStorage, which survives a
 * reload); on start a tab takes back its own record, or else the most recent one of any tab.
 */

/** The few storage calls autosave makes (idb-keyval in the browser, a Map in tests). */
export interface KeyValue {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  del(key: string): Promise<void>;
  keys(): Promise<string[]>;
}

export interface Session {
  /** The graph exactly as Save writes it (serializeGraph), view included. */
  graph: string;
  /** Changes since the last save or open. */
  dirty: boolean;
  /** The file it came from or was saved as, if any. */
  fileName: string | null;
}

export interface SessionRecord extends Session {
  version: 1;
  tabId: string;
  savedAt: number;
}

const PREFIX = 'session:';
/** Records of other tabs kept besides this tab's own. */
const KEEP = 8;

export class Autosave {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private pending: (() => Session) | null = null;
  private writing: Promise<void> = Promise.resolve();
  /** Set when storage failed (private mode, quota): shown to the user once. */
  failure: string | null = null;

  constructor(
    private readonly store: KeyValue,
    readonly tabId: string,
    private readonly delayMs = 300,
    private readonly onFailure: (message: string) => void = () => {},
  ) {}

  /** Saves `snapshot()` after `delayMs` without further changes (taken then, not now). */
  schedule(snapshot: () => Session): void {
    this.pending = snapshot;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.delayMs);
  }

  /** Writes a scheduled save now (page hidden, before replacing the graph). */
  async flush(): Promise<void> {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const snapshot = this.pending;
    this.pending = null;
    if (snapshot) {
      const record: SessionRecord = { version: 1, tabId: this.tabId, savedAt: Date.now(), ...snapshot() };
      this.writing = this.writing.then(() => this.write(record));
    }
    await this.writing;
  }

  /** This tab's last record, else the newest of any tab; null when there is none. */
  async restore(): Promise<SessionRecord | null> {
    try {
      const own = asRecord(await this.store.get(PREFIX + this.tabId));
      if (own) return own;
      const all = await this.records();
      return all[0] ?? null;
    } catch {
      return null;
    }
  }

  private async write(record: SessionRecord): Promise<void> {
    try {
      await this.store.set(PREFIX + this.tabId, record);
      await this.prune();
    } catch (error) {
      const message = `Autosave failed: ${error instanceof Error ? error.message : String(error)}. Save your work to a file.`;
      if (this.failure === null) this.onFailure(message);
      this.failure = message;
    }
  }

  /** Drops the oldest records of other tabs beyond KEEP. */
  private async prune(): Promise<void> {
    const others = (await this.records()).filter((r) => r.tabId !== this.tabId);
    for (const old of others.slice(KEEP)) await this.store.del(PREFIX + old.tabId);
  }

  /** Every readable record, newest first. */
  private async records(): Promise<SessionRecord[]> {
    const keys = (await this.store.keys()).filter((k) => typeof k === 'string' && k.startsWith(PREFIX));
    const records = await Promise.all(keys.map(async (k) => asRecord(await this.store.get(k))));
    return records.filter((r): r is SessionRecord => r !== null).sort((a, b) => b.savedAt - a.savedAt);
  }
}

/** A stored value as a record, or null when it is not one (old format, damaged storage). */
function asRecord(value: unknown): SessionRecord | null {
  if (value === null || typeof value !== 'object') return null;
  const r = value as Partial<SessionRecord>;
  return r.version === 1 &&
    typeof r.tabId === 'string' &&
    typeof r.savedAt === 'number' &&
    typeof r.graph === 'string' &&
    typeof r.dirty === 'boolean' &&
    (r.fileName === null || typeof r.fileName === 'string')
    ? (r as SessionRecord)
    : null;
}

/** This tab's id: kept in sessionStorage so a reload finds its own record again. */
export function tabId(storage: Pick<Storage, 'getItem' | 'setItem'> | null): string {
  const key = 'scoregraph.tab';
  const existing = storage?.getItem(key);
  if (existing) return existing;
  const id = Math.random().toString(36).slice(2, 10) + Date.now().toString(36);
  try {
    storage?.setItem(key, id);
  } catch {
    // Storage refused (privacy settings): this tab restores the newest record instead.
  }
  return id;
}
