/**
 * The Langevin update and the annealed step sizes, in the two conventions of the papers
 * (docs/science.md §4 — the "factor of 2").
 */
import * as tf from '@tensorflow/tfjs';

/**
 * `ncsnv2`: x + α s + √(2α) z (NCSNv2 paper and both official codebases; Technique 4's eps
 * assumes it). `ncsn`: x + (α/2) s + √α z (NCSN paper eq. 4, Algorithm 1; the toy experiment).
 */
export type StepRule = 'ncsnv2' | 'ncsn';

/** One Langevin update of `x` with score `s`, noise `z ~ N(0, I)` and step size `alpha`. */
export function langevinUpdate(
  x: tf.Tensor,
  s: tf.Tensor,
  z: tf.Tensor,
  alpha: number,
  rule: StepRule,
): tf.Tensor {
  const drift = rule === 'ncsnv2' ? alpha : alpha / 2;
  const noise = rule === 'ncsnv2' ? Math.sqrt(2 * alpha) : Math.sqrt(alpha);
  return tf.add(tf.add(x, tf.mul(s, drift)), tf.mul(z, noise));
}

/**
 * α_i = ε σ_i² / σ_L² for every level (both papers): squared, and normalised by the
 * smallest sigma, so α_L = ε and the first levels take huge steps on purpose.
 */
export function annealedStepSizes(sigmas: readonly number[], epsilon: number): number[] {
  const last = sigmas[sigmas.length - 1];
  return sigmas.map((sigma) => (epsilon * sigma * sigma) / (last * last));
}
