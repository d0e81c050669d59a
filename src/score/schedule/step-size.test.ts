import { describe, expect, it } from 'vitest';
import { geometricSigmas } from './geometric';
import { chooseStepSize, langevinVarianceRatio, stepSizeFor, stepSizeForSchedule } from './step-size';

/** The variance after T steps by iterating the per-step map v <- (1-a)^2 v + 2 a sigma^2 (sigma = 1). */
function iteratedRatio(eps: number, gamma: number, steps: number, sigmaMin: number): number {
  const a = eps / (sigmaMin * sigmaMin);
  let v = gamma * gamma;
  for (let t = 0; t < steps; t++) v = (1 - a) ** 2 * v + 2 * a;
  return v;
}

describe('Technique 4: the Langevin step size', () => {
  it('has the Prop. 3 closed form of the per-step variance map', () => {
    for (const [eps, gamma, T] of [
      [6.2e-6, 1.0374, 5],
      [2e-5, 1.2, 100],
      [1e-7, 1.01, 3],
    ])
      expect(langevinVarianceRatio(eps, gamma, T, 0.01)).toBeCloseTo(iteratedRatio(eps, gamma, T, 0.01), 12);
  });

  it('CIFAR-10 (L = 232, T = 5): eps = 6.2e-6 within 2 %, ratio 1.0555', () => {
    const { eps, ratio } = stepSizeForSchedule(geometricSigmas(50, 0.01, 232), 5);
    expect(Math.abs(eps / 6.2e-6 - 1)).toBeLessThan(0.02);
    expect(ratio).toBeCloseTo(1.0555, 4);
  });

  it('CelebA (D = 12288, 90 -> 0.01, L = 500, T = 5): eps = 3.3e-6 within 2 %', () => {
    const { eps, ratio } = stepSizeForSchedule(geometricSigmas(90, 0.01, 500), 5);
    expect(Math.abs(eps / 3.3e-6 - 1)).toBeLessThan(0.02);
    expect(ratio).toBeCloseTo(1.0314, 4);
  });

  it('matches the MNIST table (sigma_1 = 20, L = 98) and scales with sigma_L^2', () => {
    const gamma = Math.pow(20 / 0.01, 1 / 97);
    const want: [number, number, number][] = [
      [5, 1.11e-5, 1.093],
      [10, 8.57e-6, 1.066],
      [50, 3.39e-6, 1.022],
      [100, 2.06e-6, 1.013],
    ];
    for (const [T, eps, ratio] of want) {
      const got = chooseStepSize(gamma, T, 0.01);
      expect(Math.abs(got.eps / eps - 1)).toBeLessThan(0.01);
      expect(got.ratio).toBeCloseTo(ratio, 3);
    }
    expect(chooseStepSize(gamma, 10, 0.02).eps / chooseStepSize(gamma, 10, 0.01).eps).toBeCloseTo(4, 6);
  });

  it('returns the minimiser: nearby step sizes give a larger ratio', () => {
    const { eps, ratio } = chooseStepSize(1.05, 7, 0.01);
    for (const f of [0.9, 0.99, 1.01, 1.1])
      expect(langevinVarianceRatio(eps * f, 1.05, 7, 0.01)).toBeGreaterThan(ratio);
  });

  it('refuses a single-level schedule', () => {
    expect(() => stepSizeForSchedule([1], 5)).toThrow(/at least 2 levels/);
  });

  it('gives ε in each rule’s convention: the NCSN rule halves the step, so its ε is doubled', () => {
    const sigmas = geometricSigmas(1, 0.01, 10);
    const { eps } = stepSizeForSchedule(sigmas, 3);
    expect(stepSizeFor('ncsnv2', sigmas, 3)).toBe(eps);
    expect(stepSizeFor('ncsn', sigmas, 3)).toBe(2 * eps);
  });
});
