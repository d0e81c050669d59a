/** Frees every tensor a node output holds: objects with dispose() are asked; plain containers are walked. */

export function disposeValue(value: unknown, seen = new Set<unknown>()): void {
  if (value === null || typeof value !== 'object' || seen.has(value)) return;
  seen.add(value);
  const disposable = value as { dispose?: unknown; isDisposed?: boolean };
  if (typeof disposable.dispose === 'function') {
    if (disposable.isDisposed !== true) (disposable.dispose as () => void)();
    return;
  }
  if (ArrayBuffer.isView(value)) return;
  const items = Array.isArray(value) ? value : Object.values(value);
  for (const item of items) disposeValue(item, seen);
}
