import { describe, expect, it } from 'vitest';
import { normalRng } from '../random';
import { randomDirections, slicedWasserstein1, wasserstein1D } from './sliced-wasserstein';

function gaussianCloud(
  n: number,
  dim: number,
  std: number,
  seed: number,
  shift: number[] = [],
): Float32Array {
  const normal = normalRng(seed);
  const out = new Float32Array(n * dim);
  for (let i = 0; i < n; i++)
    for (let d = 0; d < dim; d++) out[i * dim + d] = std * normal() + (shift[d] ?? 0);
  return out;
}

describe('1-D Wasserstein-1', () => {
  it('is exact on small sets of different sizes', () => {
    expect(wasserstein1D(Float64Array.of(0, 1), Float64Array.of(0))).toBeCloseTo(0.5, 12);
    expect(wasserstein1D(Float64Array.of(3, 1, 2), Float64Array.of(2, 3, 4))).toBeCloseTo(1, 12);
    expect(wasserstein1D(Float64Array.of(0, 0, 0, 4), Float64Array.of(1))).toBeCloseTo(0.75 + 0.25 * 3, 12);
  });
});

describe('sliced Wasserstein-1', () => {
  it('is 0 between a set and itself, and symmetric', () => {
    const a = gaussianCloud(300, 3, 1, 1);
    const b = gaussianCloud(200, 3, 2, 2);
    expect(slicedWasserstein1(a, a, 3)).toBe(0);
    expect(slicedWasserstein1(a, b, 3)).toBeCloseTo(slicedWasserstein1(b, a, 3), 10);
  });

  it('equals ||v|| * 2/pi for a 2-D translation by v', () => {
    const a = gaussianCloud(500, 2, 1, 3);
    const b = a.map((v, i) => v + (i % 2 === 0 ? 3 : 4)); // shift (3, 4): ||v|| = 5
    const sw = slicedWasserstein1(a, b, 2, { projections: 2000, seed: 5 });
    expect(sw).toBeGreaterThan(5 * (2 / Math.PI) * 0.97);
    expect(sw).toBeLessThan(5 * (2 / Math.PI) * 1.03);
  });

  it('gives |s1 - s2| sqrt(2/pi) between isotropic Gaussians, and tells near from far', () => {
    const a = gaussianCloud(4000, 2, 1, 7);
    const b = gaussianCloud(4000, 2, 2, 8);
    const same = gaussianCloud(4000, 2, 1, 9);
    const far = slicedWasserstein1(a, b, 2, { projections: 64 });
    expect(far).toBeGreaterThan(Math.sqrt(2 / Math.PI) * 0.95);
    expect(far).toBeLessThan(Math.sqrt(2 / Math.PI) * 1.05);
    expect(slicedWasserstein1(a, same, 2, { projections: 64 })).toBeLessThan(0.06);
  });

  it('uses the same unit directions for the same seed', () => {
    const d1 = randomDirections(5, 10, 42);
    const d2 = randomDirections(5, 10, 42);
    expect(Array.from(d1)).toEqual(Array.from(d2));
    for (let p = 0; p < 10; p++) {
      const norm = Math.hypot(...Array.from(d1.subarray(p * 5, p * 5 + 5)));
      expect(norm).toBeCloseTo(1, 12);
    }
  });

  it('refuses arrays that are not whole points', () => {
    expect(() => slicedWasserstein1(new Float32Array(5), new Float32Array(4), 2)).toThrow(/whole points/);
  });
});
