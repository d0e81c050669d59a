import { describe, expect, it } from 'vitest';
import { CONSTANT_LEARNING_RATE, learningRateAt } from './lr-schedule';

describe('learningRateAt', () => {
  it('holds the base rate without decay or warm-up', () => {
    for (const t of [1, 50, 100]) expect(learningRateAt(0.01, CONSTANT_LEARNING_RATE, t, 100)).toBe(0.01);
  });

  it('warms up linearly from 0, then holds', () => {
    const schedule = { decay: 'constant' as const, decayTo: 1, warmupSteps: 4 };
    expect([1, 2, 3, 4, 5, 9].map((t) => learningRateAt(1, schedule, t, 9))).toEqual([
      0.25, 0.5, 0.75, 1, 1, 1,
    ]);
  });

  it('decays linearly to decayTo·lr at the last step', () => {
    const schedule = { decay: 'linear' as const, decayTo: 0.1, warmupSteps: 0 };
    // p = t/10: lr = 0.1 + 0.9·(1 − p)
    expect(learningRateAt(1, schedule, 5, 10)).toBeCloseTo(0.55, 12);
    expect(learningRateAt(1, schedule, 10, 10)).toBeCloseTo(0.1, 12);
  });

  it('follows half a cosine after the warm-up', () => {
    const schedule = { decay: 'cosine' as const, decayTo: 0, warmupSteps: 10 };
    expect(learningRateAt(2, schedule, 10, 110)).toBe(2); // warm-up's last step: the base rate
    expect(learningRateAt(2, schedule, 60, 110)).toBeCloseTo(1, 12); // p = ½: cos = 0
    expect(learningRateAt(2, schedule, 35, 110)).toBeCloseTo(1 + Math.SQRT1_2, 12); // p = ¼
    expect(learningRateAt(2, schedule, 110, 110)).toBeCloseTo(0, 12);
  });

  it('never reaches the base rate when the warm-up outlasts the run', () => {
    const schedule = { decay: 'cosine' as const, decayTo: 0.5, warmupSteps: 20 };
    expect(learningRateAt(1, schedule, 5, 5)).toBe(0.25);
  });
});
