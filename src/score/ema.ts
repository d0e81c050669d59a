/**
 * Exponential moving average of the weights (NCSNv2 Technique 5, docs/science.md §3): after every
 * optimiser step, shadow ← m·shadow + (1 − m)·theta with m = 0.999; samples use the shadow.
 *
 * The reference code starts the shadow at the initial weights, with no correction, so for
 * runs shorter than ~5k steps the shadow still remembers the random init (docs/science.md §3:
 * after t steps the init keeps weight m^t, 13% at t = 2000). The bias-corrected option is
 * the Adam-style debiased average shadow_t / (1 − m^t) of a shadow started at 0, kept
 * directly through the equivalent recursion with decay d_t = 1 − (1 − m)/(1 − m^t):
 * d_1 = 0 (the shadow becomes theta_1) and d_t → m for long runs, so it only differs early.
 */
import * as tf from '@tensorflow/tfjs';
import type { Weights, WeightTensors } from './networks/weights';

export interface EmaSettings {
  /** m, e.g. 0.999; 0 turns the average off (the shadow follows the weights). */
  momentum: number;
  biasCorrection: boolean;
}

/** The decay used at EMA update number `t` (1-based, counted from the start of training). */
export function emaDecay(settings: EmaSettings, t: number): number {
  const m = settings.momentum;
  if (!settings.biasCorrection || m === 0) return m;
  return 1 - (1 - m) / (1 - Math.pow(m, t));
}

/** shadow ← decay·shadow + (1 − decay)·weights, for every weight. Call inside tf.tidy. */
export function updateEma(shadow: Weights, weights: WeightTensors, decay: tf.Scalar): void {
  for (const [name, average] of Object.entries(shadow)) {
    const theta = weights[name];
    average.assign(tf.add(theta, tf.mul(tf.sub(average, theta), decay)));
  }
}
