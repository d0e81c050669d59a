import { describe, expect, it } from 'vitest';
import { cliThreads, defaultThreads, threadsForBatch } from './thread-count';

describe('thread counts', () => {
  it('defaults to the cores up to 4 on wasm, one thread elsewhere', () => {
    expect(defaultThreads('wasm', 2)).toBe(2);
    expect(defaultThreads('wasm', 16)).toBe(4);
    expect(defaultThreads('wasm', 1)).toBe(1);
    expect(defaultThreads('cpu', 16)).toBe(1);
    expect(defaultThreads('webgpu', 16)).toBe(1);
  });

  it('gives every thread at least 4 rows of the batch', () => {
    expect(threadsForBatch(4, 16)).toBe(4);
    expect(threadsForBatch(4, 12)).toBe(3);
    expect(threadsForBatch(2, 8)).toBe(2);
    expect(threadsForBatch(2, 7)).toBe(1);
    expect(threadsForBatch(2, 1)).toBe(1);
  });

  it('honours --threads on wasm and cpu, and says why not on webgpu', () => {
    expect(cliThreads(3, 'cpu')).toEqual({ threads: 3 });
    expect(cliThreads(1, 'wasm')).toEqual({ threads: 1 });
    expect(cliThreads(undefined, 'cpu')).toEqual({ threads: 1 });
    expect(cliThreads(2, 'webgpu')).toEqual({
      threads: 1,
      note: '--threads applies to wasm and cpu; webgpu trains on one thread.',
    });
  });
});
