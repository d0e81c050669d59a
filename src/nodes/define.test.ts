/** The seam between a kind's declaration and its lazily loaded run body. */
import { describe, expect, it } from 'vitest';
import { lazy } from './define';

describe('lazy', () => {
  it('loads the run body once, on the first run, and reuses it', async () => {
    let loads = 0;
    const run = lazy(async () => {
      loads++;
      return { default: async (ctx: { x: number }) => ctx.x * 2 };
    });
    expect(loads).toBe(0);
    expect(await Promise.all([run({ x: 1 }), run({ x: 2 })])).toEqual([2, 4]);
    expect(await run({ x: 3 })).toBe(6);
    expect(loads).toBe(1);
  });

  it('tries the load again after a failed one', async () => {
    let loads = 0;
    const run = lazy(async () => {
      if (++loads === 1) throw new Error('offline');
      return { default: async (ctx: string) => ctx.toUpperCase() };
    });
    await expect(run('a')).rejects.toThrow('offline');
    expect(await run('b')).toBe('B');
    expect(loads).toBe(2);
  });
});
