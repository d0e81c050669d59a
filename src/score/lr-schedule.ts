/**
 * The learning rate over a run (optim.adam's schedule): a linear warm-up from 0, then the base
 * rate held or decayed to a share `decayTo` of it by the run's last step. With progress
 * p = (t − w)/(T − w) after w warm-up steps of T, and lr_end = decayTo·lr:
 *
 *   warm-up (t ≤ w):  lr_t = lr·t/w
 *   constant:         lr_t = lr
 *   linear:           lr_t = lr_end + (lr − lr_end)·(1 − p)
 *   cosine:           lr_t = lr_end + (lr − lr_end)·½(1 + cos πp)      (SGDR's annealing)
 *
 * A short run gains most from the decay: a large constant rate keeps the weights moving by
 * about lr per step to the very end, and the decay lets them settle (bench/README.md, row 8).
 */
export type LearningRateDecay = 'constant' | 'linear' | 'cosine';

export interface LearningRateSchedule {
  decay: LearningRateDecay;
  /** lr at the last step as a share of the base rate (linear and cosine). */
  decayTo: number;
  /** Steps of linear warm-up from 0 at the start of the run. */
  warmupSteps: number;
}

export const CONSTANT_LEARNING_RATE: LearningRateSchedule = { decay: 'constant', decayTo: 1, warmupSteps: 0 };

/** The rate for step t (1-based) of a run of `total` steps, with base rate `base`. */
export function learningRateAt(
  base: number,
  schedule: LearningRateSchedule,
  t: number,
  total: number,
): number {
  const warmup = schedule.warmupSteps;
  if (t <= warmup) return (base * t) / warmup; // a warm-up longer than the run never reaches lr
  if (schedule.decay === 'constant') return base;
  const p = (t - warmup) / (total - warmup);
  const end = base * schedule.decayTo;
  const share = schedule.decay === 'linear' ? 1 - p : 0.5 * (1 + Math.cos(Math.PI * p));
  return end + (base - end) * share;
}
