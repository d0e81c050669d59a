/** Tiny observable stores: a value with `listen` → unsubscribe, and a keyed map with per-key listeners. */

export type Unlisten = () => void;

/** One value; listeners hear every change. */
export class Store<T> {
  private readonly listeners = new Set<(value: T) => void>();

  constructor(private current: T) {}

  get value(): T {
    return this.current;
  }

  set(value: T): void {
    if (Object.is(value, this.current)) return;
    this.current = value;
    for (const listener of [...this.listeners]) listener(value);
  }

  update(change: (value: T) => T): void {
    this.set(change(this.current));
  }

  listen(listener: (value: T) => void): Unlisten {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/**
 * Values by key (node id) with listeners per key, so a progress event for one node
 * re-renders one card, not three hundred.
 */
export class KeyedStore<V> {
  private readonly values = new Map<string, V>();
  private readonly keyListeners = new Map<string, Set<() => void>>();
  private readonly anyListeners = new Set<() => void>();

  get(key: string): V | undefined {
    return this.values.get(key);
  }

  entries(): [string, V][] {
    return [...this.values.entries()];
  }

  set(key: string, value: V | undefined): void {
    if (Object.is(this.values.get(key), value)) return;
    if (value === undefined) this.values.delete(key);
    else this.values.set(key, value);
    this.notify([key]);
  }

  /** Replaces every entry at once; listeners of changed keys hear one call each. */
  replaceAll(next: ReadonlyMap<string, V>): void {
    const changed = new Set<string>();
    for (const key of this.values.keys()) if (!next.has(key)) changed.add(key);
    for (const [key, value] of next) if (!Object.is(this.values.get(key), value)) changed.add(key);
    if (!changed.size) return;
    for (const key of changed) {
      const value = next.get(key);
      if (value === undefined) this.values.delete(key);
      else this.values.set(key, value);
    }
    this.notify([...changed]);
  }

  clear(): void {
    this.replaceAll(new Map());
  }

  listenKey(key: string, listener: () => void): Unlisten {
    let set = this.keyListeners.get(key);
    if (!set) this.keyListeners.set(key, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (!set.size) this.keyListeners.delete(key);
    };
  }

  listen(listener: () => void): Unlisten {
    this.anyListeners.add(listener);
    return () => this.anyListeners.delete(listener);
  }

  private notify(keys: string[]): void {
    for (const key of keys) for (const l of [...(this.keyListeners.get(key) ?? [])]) l();
    for (const l of [...this.anyListeners]) l();
  }
}
