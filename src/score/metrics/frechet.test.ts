import { describe, expect, it } from 'vitest';
import { normalRng } from '../random';
import { frechetBetween, frechetDistance, meanAndCovariance, symmetricEigen } from './frechet';

/** A random symmetric positive definite n×n matrix M Mᵀ + 0.1 I. */
function randomSpd(n: number, seed: number): Float64Array {
  const normal = normalRng(seed);
  const m = Float64Array.from({ length: n * n }, normal);
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      for (let k = 0; k < n; k++) out[i * n + j] += m[i * n + k] * m[j * n + k];
      if (i === j) out[i * n + j] += 0.1;
    }
  return out;
}

describe('symmetric eigen-decomposition', () => {
  it('reconstructs the matrix from V diag(λ) Vᵀ with orthonormal V', () => {
    const n = 12;
    const a = randomSpd(n, 3);
    const { values, vectors } = symmetricEigen(a, n);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        let rebuilt = 0;
        let dot = 0;
        for (let k = 0; k < n; k++) {
          rebuilt += vectors[i * n + k] * values[k] * vectors[j * n + k];
          dot += vectors[k * n + i] * vectors[k * n + j];
        }
        expect(rebuilt).toBeCloseTo(a[i * n + j], 9);
        expect(dot).toBeCloseTo(i === j ? 1 : 0, 12);
      }
  });
});

describe('Fréchet distance', () => {
  it('is Σ (μa − μb)² + (σa − σb)² for diagonal covariances', () => {
    const dim = 3;
    const gaussian = (mean: number[], std: number[]) => {
      const cov = new Float64Array(dim * dim);
      std.forEach((s, d) => (cov[d * dim + d] = s * s));
      return { mean: Float64Array.from(mean), cov };
    };
    const d = frechetDistance(gaussian([0, 1, 2], [1, 2, 3]), gaussian([1, 1, 0], [2, 2, 0.5]), dim);
    expect(d).toBeCloseTo(1 + 0 + 4 + 1 + 0 + 2.5 * 2.5, 9);
  });

  it('is 0 between a Gaussian and itself and symmetric for covariances that do not commute', () => {
    const n = 8;
    const a = { mean: new Float64Array(n), cov: randomSpd(n, 5) };
    const b = { mean: Float64Array.from({ length: n }, (_, i) => i / n), cov: randomSpd(n, 6) };
    expect(frechetDistance(a, a, n)).toBeLessThan(1e-8);
    expect(frechetDistance(a, b, n)).toBeCloseTo(frechetDistance(b, a, n), 8);
    expect(frechetDistance(a, b, n)).toBeGreaterThan(0);
  });

  it('gives the exact d² for two 2-D Gaussians (closed form √(C_a^½ C_b C_a^½) by hand)', () => {
    // C_a = I, C_b = [[2, 1], [1, 2]] (eigenvalues 3 and 1): tr √C_b = √3 + 1.
    const a = { mean: Float64Array.of(0, 0), cov: Float64Array.of(1, 0, 0, 1) };
    const b = { mean: Float64Array.of(3, 4), cov: Float64Array.of(2, 1, 1, 2) };
    expect(frechetDistance(a, b, 2)).toBeCloseTo(25 + 2 + 4 - 2 * (Math.sqrt(3) + 1), 9);
  });

  it('fits means and unbiased covariances from rows, and tells near sets from far ones', () => {
    const normal = normalRng(9);
    const rows = (n: number, shift: number) => Float64Array.from({ length: n * 4 }, () => normal() + shift);
    const { mean, cov } = meanAndCovariance(Float64Array.of(1, 2, 3, 6), 2);
    expect(Array.from(mean)).toEqual([2, 4]);
    expect(Array.from(cov)).toEqual([2, 4, 4, 8]);
    const base = rows(2000, 0);
    expect(frechetBetween(base, rows(2000, 0), 4)).toBeLessThan(0.05);
    expect(frechetBetween(base, rows(2000, 1), 4)).toBeCloseTo(4, 0);
    expect(() => meanAndCovariance(new Float64Array(3), 2)).toThrow(/whole rows/);
  });
});
