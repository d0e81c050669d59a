/**
 * Annealed Langevin inpainting with any mask (docs/science.md §4): known pixels are replaced by the
 * clean value plus the current level's noise, y = x_known + σ_i z̃, so they look like samples
 * of p_σi while the rest is generated. Two variants, as the reference code does them:
 * - 'level' (NCSN v1 code, NCSN App. B Alg. 2): y drawn once per level, written in before the
 *   level's steps and again after every update;
 * - 'step' (NCSNv2 code): a fresh y at every step, written in before the score is computed.
 * After the last step (and the optional denoise) the known pixels are set to x_known exactly.
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
import { makeSeedStream } from './seed-stream';
import { annealedStepSizes, langevinUpdate, type StepRule } from './step-rule';

export type Renoise = 'level' | 'step';

export interface InpaintingOptions {
  stepSize: number;
  stepsPerSigma: number;
  rule?: StepRule;
  /** Default 'step' (NCSNv2). */
  renoise?: Renoise;
  denoise?: boolean;
}

/**
 * known [B, ...shape] holds the reference images (only pixels where mask = 1 are read);
 * mask is [...shape] or [B, ...shape], 1 = known; x0 [B, ...shape] is the initial state.
 * None of them is consumed.
 */
export type InpaintingSampler = (
  known: tf.Tensor,
  mask: tf.Tensor,
  x0: tf.Tensor,
  hooks: SamplerHooks,
) => Promise<SamplerOutput>;

/** x where the mask is 0, y where it is 1. */
function impose(x: tf.Tensor, y: tf.Tensor, mask: tf.Tensor, unknown: tf.Tensor): tf.Tensor {
  return tf.add(tf.mul(x, unknown), tf.mul(y, mask));
}

export function makeAnnealedInpainting(
  score: ScoreFn,
  sigmas: readonly number[],
  { stepSize, stepsPerSigma, rule = 'ncsnv2', renoise = 'step', denoise = true }: InpaintingOptions,
): InpaintingSampler {
  checkSamplerSettings(sigmas, stepSize, stepsPerSigma);
  const alphas = annealedStepSizes(sigmas, stepSize);

  return async (known, mask, x0, hooks) => {
    const itemShape = x0.shape.slice(1);
    if (known.shape.join() !== x0.shape.join())
      throw new Error(`The images to inpaint are [${known.shape}] but the samples are [${x0.shape}].`);
    const maskItem = mask.shape.length === x0.shape.length ? mask.shape.slice(1) : mask.shape;
    if (maskItem.join() !== itemShape.join())
      throw new Error(`The mask is [${maskItem}] but the images are [${itemShape}].`);
    const count = x0.shape[0];
    const nextSeed = makeSeedStream(hooks.seed);
    const m = tf.tidy(() => tf.cast(tf.greater(mask, 0.5), 'float32'));
    const unknown = tf.tidy(() => tf.sub(1, m));
    const noisyKnown = (sigma: number) =>
      tf.add(known, tf.mul(tf.randomNormal(known.shape, 0, 1, 'float32', nextSeed()), sigma));
    try {
      const out = await runLevels(
        tf.clone(x0),
        sigmas.map((_, c) => c),
        stepsPerSigma,
        (c) => {
          const inputs = levelInputs(count, sigmas[c], c);
          const y = renoise === 'level' ? tf.tidy(() => noisyKnown(sigmas[c])) : null;
          let fresh = y !== null; // the level's y is written in before its first step
          return {
            step: (x) => {
              const yNow = y ?? noisyKnown(sigmas[c]);
              const xIn = y === null || fresh ? impose(x, yNow, m, unknown) : x;
              fresh = false;
              const s = score(xIn, inputs.sigma, inputs.labels);
              const z = tf.randomNormal(x.shape, 0, 1, 'float32', nextSeed());
              const next = langevinUpdate(xIn, s, z, alphas[c], rule);
              return y === null ? next : impose(next, y, m, unknown);
            },
            dispose: () => {
              inputs.dispose();
              y?.dispose();
            },
          };
        },
        hooks,
        nextSeed,
      );
      if (denoise) out.x = finish(out.x, (x) => tweedieDenoise(score, sigmas, x));
      out.x = finish(out.x, (x) => impose(x, known, m, unknown));
      return out;
    } finally {
      tf.dispose([m, unknown]);
    }
  };
}
