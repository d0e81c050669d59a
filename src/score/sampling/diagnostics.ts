/**
 * Sampler diagnostics (issue 10 item 7), so a wrong ε or schedule shows at once:
 * - per level, the mean of ‖s(x, σ_i)‖·σ_i over the chains and the level's steps, beside √D: where
 *   σ_i dominates the data's spread, x ≈ data + σ_i z and a well-trained score ≈ −z/σ_i, so
 *   ‖s‖·σ_i ≈ ‖z‖ ≈ √D; far below means a weak score, far above a chain that ran away;
 * - the step size ε actually used, and α_i per level;
 * - Technique 4's variance ratio (Prop. 3) for that ε, the schedule's γ and T (1 is ideal).
 * The meter keeps one running scalar per level on the device and reads them back once.
 */
import * as tf from '@tensorflow/tfjs';
import type { ScoreFn } from './anneal-loop';
import { annealedStepSizes, type StepRule } from './step-rule';
import { langevinVarianceRatio } from '../schedule/step-size';
import { scheduleRatio } from '../schedule/geometric';

export interface SamplerDiagnostics {
  /** ε as used, in the rule's own convention (α_L = ε). */
  stepSize: number;
  rule: StepRule;
  stepsPerSigma: number;
  /** √D, D = numbers per item. */
  sqrtD: number;
  /** Per level, largest σ first. */
  sigmas: number[];
  alphas: number[];
  /** Mean ‖s(x, σ_i)‖·σ_i over chains and steps at level i; null for levels not run. */
  scoreNormTimesSigma: (number | null)[];
  /**
   * Prop. 3's s_T²/σ² for this ε, γ and T (NCSNv2 convention); Infinity when ε ≥ 2σ_L² (the
   * chain's variance grows without bound); null for a one-level schedule.
   */
  varianceRatio: number | null;
}

/** Wraps a score function to record ‖s‖·σ per level; the sampler loop says which level runs. */
export interface ScoreMeter {
  score: ScoreFn;
  /** Levels after this call count towards `level` (label index); null stops counting (e.g. the final denoise). */
  setLevel(level: number | null): void;
  /** Mean ‖s‖·σ per level (null where nothing was counted); one read-back. */
  read(): Promise<(number | null)[]>;
  dispose(): void;
}

export function makeScoreMeter(score: ScoreFn, sigmas: readonly number[]): ScoreMeter {
  const sums: (tf.Scalar | null)[] = sigmas.map(() => null);
  const calls = sigmas.map(() => 0);
  let level: number | null = null;
  return {
    score: (x, sigma, labels) => {
      const s = score(x, sigma, labels);
      if (level === null) return s;
      const at = level;
      const norms = tf.norm(tf.reshape(s, [s.shape[0], -1]), 'euclidean', 1);
      const mean = tf.mul(tf.mean(norms), sigmas[at]) as tf.Scalar;
      const previous = sums[at];
      sums[at] = tf.keep(previous ? tf.add(previous, mean) : mean);
      previous?.dispose();
      calls[at]++;
      return s;
    },
    setLevel: (next) => {
      level = next;
    },
    read: async () => {
      const present = sums.flatMap((sum, i) => (sum ? [i] : []));
      if (present.length === 0) return sigmas.map(() => null);
      const stacked = tf.stack(present.map((i) => sums[i] as tf.Scalar));
      const values = await stacked.data();
      stacked.dispose();
      const out: (number | null)[] = sigmas.map(() => null);
      present.forEach((i, k) => (out[i] = values[k] / calls[i]));
      return out;
    },
    dispose: () => tf.dispose(sums.filter((s): s is tf.Scalar => s !== null)),
  };
}

/**
 * The diagnostics of a run: ε in the rule's convention; the variance ratio is Technique 4's, whose
 * ε is for x + α s + √(2α) z, so the NCSN rule's ε (half the drift) counts as ε/2 there.
 */
export function samplerDiagnostics(options: {
  sigmas: readonly number[];
  stepSize: number;
  rule: StepRule;
  stepsPerSigma: number;
  itemSize: number;
  scoreNormTimesSigma: (number | null)[];
}): SamplerDiagnostics {
  const { sigmas, stepSize, rule, stepsPerSigma } = options;
  const epsV2 = rule === 'ncsn' ? stepSize / 2 : stepSize;
  const sigmaMin = sigmas[sigmas.length - 1];
  return {
    stepSize,
    rule,
    stepsPerSigma,
    sqrtD: Math.sqrt(options.itemSize),
    sigmas: [...sigmas],
    alphas: annealedStepSizes(sigmas, stepSize),
    scoreNormTimesSigma: options.scoreNormTimesSigma,
    varianceRatio:
      sigmas.length < 2
        ? null
        : epsV2 >= 2 * sigmaMin * sigmaMin
          ? Infinity
          : langevinVarianceRatio(epsV2, scheduleRatio(sigmas), stepsPerSigma, sigmaMin),
  };
}
