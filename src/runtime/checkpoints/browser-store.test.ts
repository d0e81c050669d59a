import type { UseStore } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import {
  deleteStoredCheckpoint,
  listStoredCheckpoints,
  loadStoredCheckpoint,
  slug,
  storeCheckpoint,
} from './browser-store';
import { stampCheckpoint } from './stamp';

/** An in-memory stand-in for an IndexedDB object store, as much of it as idb-keyval uses. */
function memoryStore(): UseStore {
  const map = new Map<IDBValidKey, unknown>();
  const request = <T>(result: T) => {
    const r = { result } as { result: T; onsuccess?: () => void; oncomplete?: () => void };
    queueMicrotask(() => (r.onsuccess ?? r.oncomplete)?.());
    return r;
  };
  const objectStore = {
    get: (key: IDBValidKey) => request(structuredClone(map.get(key))),
    put: (value: unknown, key: IDBValidKey) => (map.set(key, structuredClone(value)), request(undefined)),
    delete: (key: IDBValidKey) => (map.delete(key), request(undefined)),
    getAll: () => request([...map.values()].map((v) => structuredClone(v))),
    getAllKeys: () => request([...map.keys()]),
    get transaction() {
      return request(undefined);
    },
  };
  return (_mode, callback) => Promise.resolve(callback(objectStore as unknown as IDBObjectStore));
}

const data = (bytes: number[], step = 1) => ({
  json: { format: 'scoregraph-checkpoint', step },
  weights: new Uint8Array(bytes).buffer,
});

describe('the browser checkpoint store', () => {
  it('names entries by name and content, so the same checkpoint gets the same id', async () => {
    const store = memoryStore();
    const a = await storeCheckpoint('Swiss roll / fit.ckpt.zip', data([1, 2, 3]), store);
    expect(a.id).toMatch(/^swiss-roll-fit@[0-9a-f]{12}$/);
    const again = await storeCheckpoint('Swiss roll / fit.ckpt.zip', data([1, 2, 3]), store);
    expect(again.id).toBe(a.id);
    const other = await storeCheckpoint('Swiss roll / fit.ckpt.zip', data([1, 2, 4]), store);
    expect(other.id).not.toBe(a.id);
    const otherHeader = await storeCheckpoint('Swiss roll / fit.ckpt.zip', data([1, 2, 3], 2), store);
    expect(otherHeader.id).not.toBe(a.id);

    const loaded = await loadStoredCheckpoint(a.id, store);
    expect(Array.from(new Uint8Array(loaded.weights))).toEqual([1, 2, 3]);
    expect(loaded.json).toEqual({ format: 'scoregraph-checkpoint', step: 1 });
    expect((await listStoredCheckpoints(store)).map((s) => s.bytes)).toEqual([3, 3, 3]);
    // The list says how each was made when its header does (older files: null).
    const made = { graphHash: 'abc', seed: 7, backend: 'wasm', scoregraph: '0.1.0', tfjs: '4.22.0' };
    const stamped = await storeCheckpoint('stamped', stampCheckpoint(data([9]), made), store);
    const listed = await listStoredCheckpoints(store);
    expect(listed.find((s) => s.id === stamped.id)!.provenance).toEqual(made);
    expect(listed.filter((s) => s.id !== stamped.id).map((s) => s.provenance)).toEqual([null, null, null]);
    await deleteStoredCheckpoint(stamped.id, store);
    await deleteStoredCheckpoint(a.id, store);
    await expect(loadStoredCheckpoint(a.id, store)).rejects.toThrow(
      /This browser has no checkpoint "swiss-roll-fit@/,
    );
  });

  it('makes safe slugs', () => {
    expect(slug('<script>alert(1)</script>')).toBe('script-alert-1-script');
    expect(slug('../../etc/passwd')).toBe('etc-passwd');
    expect(slug('')).toBe('checkpoint');
    expect(slug('x'.repeat(100)).length).toBe(40);
  });
});
