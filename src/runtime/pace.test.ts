import { describe, expect, it } from 'vitest';
import { PaceMeter, describePace, formatDuration, stepCount } from './pace';

describe('PaceMeter', () => {
  it('measures steps per second and time left from progress events', () => {
    const meter = new PaceMeter(20_000, 1_000);
    // 1000 steps; 10 steps per second after a slow first step (compilation).
    expect(meter.add(0, 0.001, 'step 1/1000 · loss 3.2')).toEqual({});
    let pace = {};
    for (let s = 1; s <= 20; s++)
      pace = meter.add(5_000 + s * 1000, (1 + 10 * s) / 1000, `step ${1 + 10 * s}/1000`);
    // The window still holds the slow first step: the rate is the average over it.
    expect(describePace(pace)).toMatch(/steps\/s/);
    for (let s = 21; s <= 60; s++)
      pace = meter.add(5_000 + s * 1000, (1 + 10 * s) / 1000, `step ${1 + 10 * s}/1000`);
    // Only recent samples now: exactly 10 steps/s, 399 steps left = 39.9 s.
    expect(pace).toEqual({ stepsPerSecond: expect.closeTo(10, 6), secondsLeft: expect.closeTo(39.9, 6) });
    expect(describePace(pace)).toBe('10 steps/s · 40 s left');
  });

  it('estimates time left from the fraction alone when no steps are counted', () => {
    const meter = new PaceMeter(20_000, 1_000);
    meter.add(0, 0.1);
    const pace = meter.add(2_000, 0.2, 'level 2/10');
    expect(pace.stepsPerSecond).toBeUndefined();
    expect(pace.secondsLeft).toBeCloseTo(16, 6);
  });

  it('says nothing before progress has been seen long enough', () => {
    const meter = new PaceMeter(20_000, 1_500);
    meter.add(0, 0.1, 'step 1/10');
    expect(meter.add(1_000, 0.2, 'step 2/10')).toEqual({});
  });
});

describe('formatting', () => {
  it('reads step counts and durations', () => {
    expect(stepCount('level 3/10 · σ 0.5 · step 340/1000')).toEqual({ done: 340, total: 1000 });
    expect(stepCount('loading digits')).toBeNull();
    expect(formatDuration(0.2)).toBe('1 s');
    expect(formatDuration(59)).toBe('59 s');
    expect(formatDuration(12 * 60 + 10)).toBe('12 min');
    expect(formatDuration(3 * 3600 + 5 * 60)).toBe('3 h 05 min');
  });
});
