/** zlib decompression with a size bound, for bytes from files and links (never trusted). */
import { Unzlib } from 'fflate';

/**
 * zlib inflate, bounded: null when damaged, unfinished or larger than `limit`. Fed in small
 * pieces so a decompression bomb is stopped after about `limit` bytes, not after inflating it all.
 */
export function inflateBounded(data: Uint8Array, limit: number): Uint8Array | null {
  const parts: Uint8Array[] = [];
  let size = 0;
  let finished = false;
  const stream = new Unzlib((chunk, final) => {
    parts.push(chunk);
    size += chunk.length;
    finished ||= final;
  });
  try {
    for (let i = 0; i < data.length && size <= limit; i += 16_384)
      stream.push(data.subarray(i, i + 16_384), i + 16_384 >= data.length);
  } catch {
    return null;
  }
  if (!finished || size > limit) return null;
  const out = new Uint8Array(size);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
