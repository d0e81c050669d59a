import { describe, expect, it } from 'vitest';
import { erfc, normalCdf } from './erfc';

describe('erfc (Cody)', () => {
  // Reference values: Python math.erfc (double precision, independent of Cody).
  const known: [number, number][] = [
    [0, 1],
    [0.1, 0.8875370839817152],
    [0.3, 0.6713732405408726],
    [0.5, 0.4795001221869535],
    [1, 0.15729920705028513],
    [2, 0.004677734981047266],
    [3, 0.00002209049699858544],
    [5, 1.537459794428035e-12],
    [-0.2, 1.2227025892104786],
    [-1, 1.8427007929497148],
  ];
  it.each(known)('erfc(%f) to 1e-13 relative', (x, want) => {
    expect(Math.abs(erfc(x) - want) / want).toBeLessThan(1e-13);
  });

  it('gives the standard normal CDF', () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 14);
    expect(normalCdf(3) - normalCdf(-3)).toBeCloseTo(0.9973002039367398, 14);
    expect(normalCdf(-40)).toBe(0);
  });
});
