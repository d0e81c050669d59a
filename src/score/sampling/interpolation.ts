/**
 * Interpolation by interpolating the noise that annealed Langevin injects (NCSNv2 appendix,
 * `anneal_Langevin_dynamics_interpolation`, docs/science.md §4): each row's initial state is shared by
 * its K columns; at every step the row draws z_p, z_q and column j uses
 * z_j = cos φ_j z_p + sin φ_j z_q with φ_j = linspace(0, π/2, K). Each z_j is still N(0, I),
 * so columns 0 and K−1 are two ordinary chains and the ones between trace a spherical path.
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
import { repeatIndices } from './repeat-each';
import { makeSeedStream } from './seed-stream';
import { annealedStepSizes, langevinUpdate, type StepRule } from './step-rule';

export interface InterpolationOptions {
  stepSize: number;
  stepsPerSigma: number;
  /** K ≥ 2 interpolation columns per row. */
  columns: number;
  rule?: StepRule;
  /** The reference function has no final denoise step; default false. */
  denoise?: boolean;
}

/** rows [R, ...shape] are the shared initial states (not consumed); the result is [R·K, ...shape], row by row. */
export type InterpolationSampler = (rows: tf.Tensor, hooks: SamplerHooks) => Promise<SamplerOutput>;

/** The angles φ_j = j/(K−1) · π/2. */
export function interpolationAngles(columns: number): number[] {
  return Array.from({ length: columns }, (_, j) => (j / (columns - 1)) * (Math.PI / 2));
}

export function makeAnnealedInterpolation(
  score: ScoreFn,
  sigmas: readonly number[],
  { stepSize, stepsPerSigma, columns, rule = 'ncsnv2', denoise = false }: InterpolationOptions,
): InterpolationSampler {
  checkSamplerSettings(sigmas, stepSize, stepsPerSigma);
  if (!Number.isInteger(columns) || columns < 2)
    throw new Error(`Interpolation needs at least 2 columns (got ${columns}).`);
  const alphas = annealedStepSizes(sigmas, stepSize);
  const angles = interpolationAngles(columns);

  return async (rows, hooks) => {
    const nRows = rows.shape[0];
    const count = nRows * columns;
    const ones = rows.shape.slice(1).map(() => 1);
    const rowOf = repeatIndices(nRows, columns);
    const cos = tf.tensor(
      Array.from({ length: count }, (_, i) => Math.cos(angles[i % columns])),
      [count, ...ones],
    );
    const sin = tf.tensor(
      Array.from({ length: count }, (_, i) => Math.sin(angles[i % columns])),
      [count, ...ones],
    );
    const nextSeed = makeSeedStream(hooks.seed);
    try {
      const out = await runLevels(
        tf.gather(rows, rowOf),
        sigmas.map((_, c) => c),
        stepsPerSigma,
        (c) => {
          const inputs = levelInputs(count, sigmas[c], c);
          return {
            step: (x) => {
              const s = score(x, inputs.sigma, inputs.labels);
              const zp = tf.gather(tf.randomNormal(rows.shape, 0, 1, 'float32', nextSeed()), rowOf);
              const zq = tf.gather(tf.randomNormal(rows.shape, 0, 1, 'float32', nextSeed()), rowOf);
              const z = tf.add(tf.mul(zp, cos), tf.mul(zq, sin));
              return langevinUpdate(x, s, z, alphas[c], rule);
            },
            dispose: () => inputs.dispose(),
          };
        },
        hooks,
        nextSeed,
      );
      if (denoise) out.x = finish(out.x, (x) => tweedieDenoise(score, sigmas, x));
      return out;
    } finally {
      tf.dispose([rowOf, cos, sin]);
    }
  };
}
