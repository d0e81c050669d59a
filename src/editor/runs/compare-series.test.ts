import { describe, expect, it } from 'vitest';
import type { LossDisplay } from '../../nodes/display';
import { compareCurves } from './compare-series';

const geometric = (from: number, to: number, levels: number) =>
  Array.from({ length: levels }, (_, i) => from * (to / from) ** (i / (levels - 1)));
const loss = (sigmas: number[] | undefined, levels: number): LossDisplay => ({
  kind: 'loss',
  steps: [10, 20],
  loss: [2, 1],
  perLevel: Array.from({ length: levels }, (_, i) => 1 / (i + 1)),
  sigmas,
});

describe('compareCurves', () => {
  it('overlays the per-level losses of 10 and 95 levels on one σ axis: equal σ, equal x', () => {
    const ten = geometric(50, 0.01, 10);
    const many = geometric(50, 0.01, 95);
    const c = compareCurves([
      { label: 'A', loss: loss(ten, 10) },
      { label: 'B', loss: loss(many, 95) },
    ]);
    expect(c.bySigma).toBe(true);
    expect(c.levels.map((s) => s.x.length)).toEqual([10, 95]);
    // First and last levels share σ, so they share x: log10 50 and log10 0.01.
    for (const s of c.levels) {
      expect(s.x[0]).toBeCloseTo(Math.log10(50));
      expect(s.x[s.x.length - 1]).toBeCloseTo(-2);
    }
    expect(c.steps).toEqual([
      { label: 'A', x: [10, 20], y: [2, 1] },
      { label: 'B', x: [10, 20], y: [2, 1] },
    ]);
  });

  it('falls back to level numbers when a run has no σ, and skips runs without a loss', () => {
    const c = compareCurves([
      { label: 'A', loss: loss(undefined, 3) },
      { label: 'B', loss: loss([1, 0.1, 0.01], 3) },
      { label: 'C', loss: undefined },
    ]);
    expect(c.bySigma).toBe(false);
    expect(c.levels.map((s) => s.x)).toEqual([
      [1, 2, 3],
      [1, 2, 3],
    ]);
    expect(c.steps.map((s) => s.label)).toEqual(['A', 'B']);
  });
});
