/**
 * How many threads train a batch in the CLI (gradient-helpers.ts): by default every core up to
 * four on WASM (each thread holds its own copy of the network and data set) and one elsewhere;
 * and never so many that a thread gets fewer than MIN_ROWS_PER_THREAD rows, where the per-op
 * cost of a tiny shard outweighs the split.
 */
import { availableParallelism } from 'node:os';

export const MAX_DEFAULT_THREADS = 4;
export const MIN_ROWS_PER_THREAD = 4;

/** The CLI's default for `--threads` on `backend`. */
export function defaultThreads(backend: string, cores = availableParallelism()): number {
  return backend === 'wasm' ? Math.max(1, Math.min(cores, MAX_DEFAULT_THREADS)) : 1;
}

/** `--threads` (absent: the default) on `backend`, with a note when it cannot be honoured. */
export function cliThreads(asked: number | undefined, backend: string): { threads: number; note?: string } {
  if (backend !== 'wasm' && backend !== 'cpu')
    return asked && asked > 1
      ? { threads: 1, note: `--threads applies to wasm and cpu; ${backend} trains on one thread.` }
      : { threads: 1 };
  return { threads: asked ?? defaultThreads(backend) };
}

/** Threads (this one included) that share a batch of `batch` rows when `threads` are offered. */
export function threadsForBatch(threads: number, batch: number): number {
  return Math.max(1, Math.min(threads, Math.floor(batch / MIN_ROWS_PER_THREAD)));
}
