import { describe, expect, it } from 'vitest';
import { runKind } from '../testing';
import geometric from './geometric';

describe('noise.geometric', () => {
  it('infers L and refuses σ min ≥ σ max', () => {
    expect(
      geometric.infer({ nodeId: 'g', params: { sigmaMax: 1, sigmaMin: 0.01, levels: 10 }, inputs: {} }),
    ).toEqual({
      schedule: { levels: 10 },
    });
    expect(() =>
      geometric.infer({ nodeId: 'g', params: { sigmaMax: 1, sigmaMin: 2, levels: 10 }, inputs: {} }),
    ).toThrow(/σ min \(2\) must be smaller than σ max \(1\)/);
  });

  it('runs the NCSN default (1 -> 0.01, L = 10) and summarizes sigmas, gamma and L', async () => {
    const { outputs, progress } = await runKind(geometric);
    expect(outputs.schedule.sigmas[1]).toBeCloseTo(0.59948, 5);
    const summary = geometric.summarize!(outputs as never, {} as never) as { gamma: number; levels: number };
    expect(summary.levels).toBe(10);
    expect(summary.gamma).toBeCloseTo(1.6681, 4);
    expect(progress.at(-1)?.text).toBe('σ 1 → 0.01 · γ 1.6681 · L 10');
  });
});
