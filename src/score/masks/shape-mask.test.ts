import { describe, expect, it } from 'vitest';
import { shapeMask } from './shape-mask';

const grid = (m: Float32Array, h: number, w: number, c = 1) =>
  Array.from({ length: h }, (_, y) => Array.from({ length: w }, (_, x) => m[(y * w + x) * c]).join('')).join(
    '/',
  );
const opts = { fraction: 0.5, seed: 1 };

describe('shape masks', () => {
  it('hides the right half as NCSN does (columns 16–31 of 32)', () => {
    const m = shapeMask([32, 32, 3], { hide: 'right-half', ...opts });
    for (let x = 0; x < 32; x++) expect(m[(5 * 32 + x) * 3 + 2]).toBe(x < 16 ? 1 : 0);
  });

  it('hides halves of odd sides including the middle line', () => {
    expect(grid(shapeMask([3, 3, 1], { hide: 'right-half', ...opts }), 3, 3)).toBe('100/100/100');
    expect(grid(shapeMask([3, 3, 1], { hide: 'left-half', ...opts }), 3, 3)).toBe('001/001/001');
    expect(grid(shapeMask([3, 3, 1], { hide: 'top-half', ...opts }), 3, 3)).toBe('000/000/111');
    expect(grid(shapeMask([4, 2, 1], { hide: 'bottom-half', ...opts }), 4, 2)).toBe('11/11/00/00');
  });

  it('hides a centred box with the asked share of the area', () => {
    expect(grid(shapeMask([4, 4, 1], { hide: 'centre-box', fraction: 0.25, seed: 1 }), 4, 4)).toBe(
      '1111/1001/1001/1111',
    );
    const m = shapeMask([28, 28, 1], { hide: 'centre-box', fraction: 0.5, seed: 1 });
    expect(m.filter((v) => v === 0).length).toBe(20 * 20);
  });

  it('hides exactly round(fraction·H·W) random pixels, the same for every channel and seed', () => {
    const a = shapeMask([10, 10, 3], { hide: 'random-pixels', fraction: 0.37, seed: 4 });
    expect(a.filter((v) => v === 0).length).toBe(37 * 3);
    for (let p = 0; p < 100; p++) expect(a[p * 3]).toBe(a[p * 3 + 2]);
    expect(Array.from(shapeMask([10, 10, 3], { hide: 'random-pixels', fraction: 0.37, seed: 4 }))).toEqual(
      Array.from(a),
    );
    expect(
      Array.from(shapeMask([10, 10, 3], { hide: 'random-pixels', fraction: 0.37, seed: 5 })),
    ).not.toEqual(Array.from(a));
  });

  it('refuses a points shape', () => {
    expect(() => shapeMask([2], { hide: 'right-half', ...opts })).toThrow(/image shape/);
  });
});
