/**
 * Reconstruction from level k (SDEdit-style partial diffusion, docs/science.md §4): perturb the data
 * to level k, x = x_data + σ_k z (that level's sigma itself, not an accumulated one), then run
 * annealed Langevin from label k−1 to the end with the usual α_i = ε σ_i²/σ_L², optionally
 * denoising. Small k gives a new sample loosely related to x; k near L a near-reconstruction.
 */
import * as tf from '@tensorflow/tfjs';
import type { SamplerHooks, SamplerOutput, ScoreFn } from './anneal-loop';
import { makeAnnealedLangevin, type AnnealedLangevinOptions } from './annealed-langevin';
import { makeSeedStream } from './seed-stream';

/** data [B, ...shape] (not consumed); level is 1-based (1 = σ_1, the largest). */
export type ReconstructionSampler = (
  data: tf.Tensor,
  level: number,
  hooks: SamplerHooks,
) => Promise<SamplerOutput>;

export function makeReconstruction(
  score: ScoreFn,
  sigmas: readonly number[],
  options: AnnealedLangevinOptions,
): ReconstructionSampler {
  const langevin = makeAnnealedLangevin(score, sigmas, options);
  return async (data, level, hooks) => {
    if (!Number.isInteger(level) || level < 1 || level > sigmas.length)
      throw new Error(`The starting level must be between 1 and ${sigmas.length} (got ${level}).`);
    const seeds = makeSeedStream(hooks.seed);
    const perturbed = tf.tidy(() =>
      tf.add(data, tf.mul(tf.randomNormal(data.shape, 0, 1, 'float32', seeds()), sigmas[level - 1])),
    );
    try {
      return await langevin(perturbed, { ...hooks, seed: seeds(), fromLevel: level - 1 });
    } finally {
      perturbed.dispose();
    }
  };
}
