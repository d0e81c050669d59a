/** Autosave's storage in the browser: its own IndexedDB database through idb-keyval. */
import { createStore, del, get, keys, set } from 'idb-keyval';
import type { KeyValue } from './autosave';

export function browserSessionStore(): KeyValue {
  const store = createStore('scoregraph-autosave', 'sessions');
  return {
    get: (key) => get(key, store),
    set: (key, value) => set(key, value, store),
    del: (key) => del(key, store),
    keys: async () => (await keys(store)).map(String),
  };
}
