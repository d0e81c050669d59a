import { describe, expect, it } from 'vitest';
import { deriveSeed } from './random';

describe('deriveSeed', () => {
  it('always gives a positive seed below 2^31 (0 would mean "unseeded" to tfjs)', () => {
    for (let base = 1; base < 200; base++)
      for (let salt = 0; salt < 50; salt++) {
        const s = deriveSeed(base, salt, 7);
        expect(s >= 1 && s < 2147483647 && Number.isInteger(s)).toBe(true);
      }
  });

  it('is deterministic and spreads nearby salts apart', () => {
    expect(deriveSeed(42, 1)).toBe(deriveSeed(42, 1));
    const seeds = new Set(Array.from({ length: 1000 }, (_, i) => deriveSeed(42, i)));
    expect(seeds.size).toBe(1000);
  });
});
