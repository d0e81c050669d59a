import { describe, expect, it } from 'vitest';
import { NCSN_TOY_MIXTURE, sampleMixture } from './mixture-data';

describe('Gaussian mixture samples', () => {
  it('draw components by weight, with each component’s mean and std', () => {
    const { points, component } = sampleMixture(NCSN_TOY_MIXTURE, 20000, 9);
    const first = Array.from(component).filter((k) => k === 0).length / 20000;
    expect(first).toBeGreaterThan(0.79);
    expect(first).toBeLessThan(0.81);
    for (const k of [0, 1]) {
      const xs: number[] = [];
      component.forEach((c, i) => c === k && xs.push(points[2 * i], points[2 * i + 1]));
      const mean = xs.reduce((a, b) => a + b) / xs.length;
      const std = Math.sqrt(xs.reduce((s, v) => s + (v - mean) ** 2, 0) / xs.length);
      expect(mean).toBeCloseTo(NCSN_TOY_MIXTURE[k].mean[0], 1);
      expect(std).toBeCloseTo(1, 1);
    }
  });

  it('normalises weights, is seeded, and checks dimensions', () => {
    const a = sampleMixture([{ mean: [0, 0, 0], std: 0.5, weight: 3 }], 10, 1);
    expect(a.points.length).toBe(30);
    expect(Array.from(sampleMixture([{ mean: [0, 0, 0], std: 0.5, weight: 3 }], 10, 1).points)).toEqual(
      Array.from(a.points),
    );
    expect(() =>
      sampleMixture(
        [
          { mean: [0, 0], std: 1, weight: 1 },
          { mean: [0], std: 1, weight: 1 },
        ],
        5,
        1,
      ),
    ).toThrow(/same length/);
  });
});
