import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Autosave, tabId, type KeyValue, type Session } from './autosave';

function memory(): KeyValue & { map: Map<string, unknown>; writes: number } {
  const map = new Map<string, unknown>();
  const kv = {
    map,
    writes: 0,
    get: async (k: string) => structuredClone(map.get(k)),
    set: async (k: string, v: unknown) => {
      kv.writes++;
      map.set(k, structuredClone(v));
    },
    del: async (k: string) => void map.delete(k),
    keys: async () => [...map.keys()],
  };
  return kv;
}

const session = (graph: string, dirty = true): Session => ({ graph, dirty, fileName: null });

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('autosave', () => {
  it('writes once after changes stop, with the state at that moment', async () => {
    const store = memory();
    const autosave = new Autosave(store, 'tab1', 300);
    let graph = 'v1';
    for (let i = 2; i <= 5; i++) {
      autosave.schedule(() => session(graph));
      graph = `v${i}`;
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(store.writes).toBe(0);
    await vi.advanceTimersByTimeAsync(300);
    expect(store.writes).toBe(1);
    expect(store.map.get('session:tab1')).toMatchObject({
      version: 1,
      tabId: 'tab1',
      graph: 'v5',
      dirty: true,
    });
  });

  it('flush writes at once; a reload of the same tab restores its own record', async () => {
    const store = memory();
    const a = new Autosave(store, 'a');
    const b = new Autosave(store, 'b');
    vi.setSystemTime(1000);
    b.schedule(() => session('from b'));
    await b.flush();
    vi.setSystemTime(2000);
    a.schedule(() => ({ graph: 'from a', dirty: false, fileName: 'x.scoregraph.json' }));
    await a.flush();
    vi.setSystemTime(3000);
    b.schedule(() => session('from b, later'));
    await b.flush();
    expect(await new Autosave(store, 'a').restore()).toMatchObject({
      graph: 'from a',
      fileName: 'x.scoregraph.json',
    });
    // A new tab takes the most recent work of any tab.
    expect(await new Autosave(store, 'new').restore()).toMatchObject({ graph: 'from b, later' });
    expect(await new Autosave(memory(), 'x').restore()).toBeNull();
  });

  it('ignores damaged records and keeps only the newest of other tabs', async () => {
    const store = memory();
    store.map.set('session:bad', { version: 1, tabId: 'bad', graph: 42 });
    store.map.set('session:old', 'not a record');
    for (let i = 0; i < 12; i++) {
      vi.setSystemTime(10_000 + i);
      const tab = new Autosave(store, `t${i}`);
      tab.schedule(() => session(`g${i}`));
      await tab.flush();
    }
    expect(await new Autosave(store, 'fresh').restore()).toMatchObject({ graph: 'g11' });
    const kept = [...store.map.keys()].filter((k) => /^session:t\d+$/.test(k));
    expect(kept.length).toBe(9); // the writer's own record + the 8 newest others
    expect(kept).not.toContain('session:t0');
  });

  it('reports a storage failure once, without throwing', async () => {
    const store = memory();
    store.set = async () => {
      throw new Error('QuotaExceededError');
    };
    const failures: string[] = [];
    const autosave = new Autosave(store, 't', 10, (m) => failures.push(m));
    autosave.schedule(() => session('a'));
    await autosave.flush();
    autosave.schedule(() => session('b'));
    await autosave.flush();
    expect(failures).toEqual(['Autosave failed: QuotaExceededError. Save your work to a file.']);
  });

  it('keeps a tab id across reloads of the tab', () => {
    const map = new Map<string, string>();
    const storage = {
      getItem: (k: string) => map.get(k) ?? null,
      setItem: (k: string, v: string) => void map.set(k, v),
    };
    const first = tabId(storage);
    expect(tabId(storage)).toBe(first);
    expect(tabId({ getItem: () => null, setItem: () => {} })).not.toBe(first);
  });
});
