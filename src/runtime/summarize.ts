/** A small JSON description of any node output, for summary.json and the editor's tooltips. */
import type { Json } from '../graph';

export function summarizeValue(value: unknown, depth = 0): Json {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value !== 'object' || depth > 3) return null;
  const tensorLike = value as { shape?: unknown; dtype?: unknown };
  if (Array.isArray(tensorLike.shape) && typeof tensorLike.dtype === 'string')
    return { shape: tensorLike.shape as number[], dtype: tensorLike.dtype };
  if (ArrayBuffer.isView(value)) return { length: (value as unknown as ArrayLike<number>).length };
  if (Array.isArray(value)) {
    if (value.length > 1000) return { length: value.length };
    return value.map((v) => summarizeValue(v, depth + 1));
  }
  const out: Record<string, Json> = {};
  for (const [key, v] of Object.entries(value)) {
    if (typeof v === 'function') continue;
    const s = summarizeValue(v, depth + 1);
    if (s !== null) out[key] = s;
  }
  return out;
}
