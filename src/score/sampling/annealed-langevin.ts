/**
 * Annealed Langevin dynamics (NCSN Algorithm 1, NCSNv2 `anneal_Langevin_dynamics`, docs/science.md §4):
 * for each level σ_1 > … > σ_L, T Langevin steps with α_i = ε σ_i²/σ_L², then optionally one
 * deterministic Tweedie step x + σ_L² s(x, σ_L). The chain itself is never clamped.
 */
import * as tf from '@tensorflow/tfjs';
import {
  checkSamplerSettings,
  finish,
  levelInputs,
  runLevels,
  tweedieDenoise,
  type SamplerHooks,
  type SamplerOutput,
  type ScoreFn,
} from './anneal-loop';
import { annealedStepSizes, langevinUpdate, type StepRule } from './step-rule';

export interface AnnealedLangevinOptions {
  /** ε, the step size at the smallest level (NCSNv2 `step_lr`). */
  stepSize: number;
  /** T, Langevin steps per noise level (NCSNv2 `n_steps_each`). */
  stepsPerSigma: number;
  /** Update convention; default 'ncsnv2' (x + α s + √(2α) z). */
  rule?: StepRule;
  /** Finish with x + σ_L² s(x, σ_L); default true (NCSNv2 configs). */
  denoise?: boolean;
}

export interface AnnealedRun extends SamplerHooks {
  /** Label of the first level to run (0 = σ_1); later levels follow. Default 0. */
  fromLevel?: number;
}

/** Samples x0 [B, ...shape] (not consumed) through annealed Langevin dynamics. */
export type AnnealedSampler = (x0: tf.Tensor, run: AnnealedRun) => Promise<SamplerOutput>;

/** Sets up an annealed Langevin sampler once; the returned function only computes. */
export function makeAnnealedLangevin(
  score: ScoreFn,
  sigmas: readonly number[],
  { stepSize, stepsPerSigma, rule = 'ncsnv2', denoise = true }: AnnealedLangevinOptions,
): AnnealedSampler {
  checkSamplerSettings(sigmas, stepSize, stepsPerSigma);
  const alphas = annealedStepSizes(sigmas, stepSize);

  return async (x0, run) => {
    const from = run.fromLevel ?? 0;
    if (!Number.isInteger(from) || from < 0 || from >= sigmas.length)
      throw new Error(`The starting level must be between 1 and ${sigmas.length} (got ${from + 1}).`);
    const count = x0.shape[0];
    const levels = sigmas.map((_, c) => c).slice(from);
    const out = await runLevels(
      tf.clone(x0),
      levels,
      stepsPerSigma,
      (c) => {
        const inputs = levelInputs(count, sigmas[c], c);
        return {
          step: (x, nextSeed) => {
            const s = score(x, inputs.sigma, inputs.labels);
            const z = tf.randomNormal(x.shape, 0, 1, 'float32', nextSeed());
            return langevinUpdate(x, s, z, alphas[c], rule);
          },
          dispose: () => inputs.dispose(),
        };
      },
      run,
    );
    if (denoise) out.x = finish(out.x, (x) => tweedieDenoise(score, sigmas, x));
    return out;
  };
}
