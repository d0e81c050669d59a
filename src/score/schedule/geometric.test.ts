import { describe, expect, it } from 'vitest';
import { NCSN_DEFAULTS, geometricSigmas, scheduleRatio } from './geometric';

describe('geometric sigmas', () => {
  it('reproduces the NCSN v1 schedule (1 -> 0.01, L = 10), largest first', () => {
    const s = geometricSigmas(NCSN_DEFAULTS.sigmaMax, NCSN_DEFAULTS.sigmaMin, NCSN_DEFAULTS.levels);
    const want = [1, 0.59948, 0.35938, 0.21544, 0.12915, 0.07743, 0.04642, 0.02783, 0.01668, 0.01];
    s.forEach((v, i) => expect(v).toBeCloseTo(want[i], 5));
    expect(scheduleRatio(s)).toBeCloseTo(1.6681, 4);
  });

  it('hits both ends exactly with a constant ratio', () => {
    const s = geometricSigmas(50, 0.01, 232);
    expect(s[0]).toBe(50);
    expect(s[231]).toBe(0.01);
    for (let i = 1; i < s.length; i++) expect(s[i - 1] / s[i]).toBeCloseTo(scheduleRatio(s), 12);
  });

  it('gives one level, and refuses a reversed range', () => {
    expect(geometricSigmas(3, 0.01, 1)).toEqual([3]);
    expect(() => geometricSigmas(0.01, 1, 5)).toThrow(/must be larger/);
    expect(() => geometricSigmas(1, 0.01, 2.5)).toThrow(/whole number/);
  });
});
