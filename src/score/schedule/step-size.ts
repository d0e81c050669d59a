/**
 * NCSNv2 Technique 4 (docs/science.md §3): after T Langevin steps at level i, started from the previous
 * level's N(0, (gamma sigma_i)^2 I), the variance ratio s_T^2 / sigma_i^2 is (Prop. 3)
 *   (1 - a)^(2T) (gamma^2 - 2/(2 - a)) + 2/(2 - a),   a = eps / sigma_L^2,
 * (the paper's 2 eps / (sigma_L^2 - sigma_L^2 (1 - a)^2) simplified). It is > 1 for every eps > 0, so
 * "as close to 1 as possible" is its minimiser over eps. Convention: x + alpha s + sqrt(2 alpha) z with
 * alpha_i = eps sigma_i^2 / sigma_L^2 (the code's step_lr).
 */
import type { StepRule } from '../sampling/step-rule';
import { scheduleRatio } from './geometric';

/** The Prop. 3 variance ratio for step size eps, ratio gamma, T steps per level and smallest sigma. */
export function langevinVarianceRatio(eps: number, gamma: number, steps: number, sigmaMin: number): number {
  return ratioOfA(eps / (sigmaMin * sigmaMin), gamma, steps);
}

function ratioOfA(a: number, gamma: number, steps: number): number {
  const fixed = 2 / (2 - a);
  return Math.pow(1 - a, 2 * steps) * (gamma * gamma - fixed) + fixed;
}

export interface StepSizeChoice {
  /** The step size eps (alpha at the last level). */
  eps: number;
  /** The variance ratio it achieves (> 1; closer to 1 is better). */
  ratio: number;
}

/**
 * The eps minimising the Prop. 3 ratio: a log grid on a = eps/sigma_L^2 in (1e-12, 1), then
 * golden-section refinement in log a around the best grid point.
 */
export function chooseStepSize(gamma: number, steps: number, sigmaMin: number): StepSizeChoice {
  if (!(gamma > 1)) throw new Error(`Technique 4 needs a schedule ratio gamma > 1 (got ${gamma}).`);
  if (!Number.isInteger(steps) || steps < 1)
    throw new Error(`Steps per level must be a whole number ≥ 1 (got ${steps}).`);
  if (!(sigmaMin > 0)) throw new Error('sigmaMin must be positive.');
  const f = (logA: number) => ratioOfA(Math.exp(logA), gamma, steps);
  const lo = Math.log(1e-12);
  const hi = Math.log(1 - 1e-12);
  const n = 2000;
  const at = (k: number) => lo + ((hi - lo) * k) / n;
  let best = 0;
  for (let k = 1; k <= n; k++) if (f(at(k)) < f(at(best))) best = k;
  let a = at(Math.max(0, best - 1));
  let b = at(Math.min(n, best + 1));
  const phi = (Math.sqrt(5) - 1) / 2;
  let c = b - phi * (b - a);
  let d = a + phi * (b - a);
  for (let i = 0; i < 100 && b - a > 1e-12; i++) {
    if (f(c) < f(d)) b = d;
    else a = c;
    c = b - phi * (b - a);
    d = a + phi * (b - a);
  }
  const logA = (a + b) / 2;
  return { eps: Math.exp(logA) * sigmaMin * sigmaMin, ratio: f(logA) };
}

/** Technique 4 for a geometric schedule (largest first) and T steps per level. */
export function stepSizeForSchedule(sigmas: readonly number[], steps: number): StepSizeChoice {
  if (sigmas.length < 2) throw new Error('Technique 4 needs a schedule with at least 2 levels.');
  return chooseStepSize(scheduleRatio(sigmas), steps, sigmas[sigmas.length - 1]);
}

/**
 * Technique 4's ε in the convention of the Langevin rule a sampler uses. The choice above is made
 * for x + α s + √(2α) z (NCSNv2); the NCSN rule x + (α/2) s + √α z (NCSN eq. 4) takes half of
 * that step for the same α, so the same dynamics need twice the ε.
 */
export function stepSizeFor(rule: StepRule, sigmas: readonly number[], steps: number): number {
  const { eps } = stepSizeForSchedule(sigmas, steps);
  return rule === 'ncsn' ? 2 * eps : eps;
}
