/**
 * The loop every annealed sampler shares: for each noise level, T steps of some update, one
 * tf.tidy per step, the previous state disposed, a checkpoint per step (cancel), and hooks
 * that never force a read-back (the caller reads the state only in onLevel, once per level).
 */
import * as tf from '@tensorflow/tfjs';
import { makeSeedStream } from './seed-stream';

/**
 * A score model s(x, sigma): x [B, ...shape], sigma [B] noise std per item, labels [B] int32
 * level index into the schedule (label 0 = largest sigma). Called inside tf.tidy.
 */
export type ScoreFn = (x: tf.Tensor, sigma: tf.Tensor1D, labels: tf.Tensor1D) => tf.Tensor;

/** How a sampler run talks to its caller. */
export interface SamplerHooks {
  /** Base seed (never 0); every random draw takes the next seed of a stream started here. */
  seed: number;
  /** Awaited once per step: lets cancel messages in and throws when the run was cancelled. */
  checkpoint?: () => Promise<void>;
  /** After every step, cheap (nothing is read back): steps done of the total. */
  onStep?: (done: number, total: number) => void;
  /** Before each level's first step, with its label (cheap; diagnostics use it). */
  onLevelStart?: (level: number) => void;
  /** After each level with the current state; read it (await x.data()), never keep or dispose it. */
  onLevel?: (level: number, x: tf.Tensor) => void | Promise<void>;
  /** Keep a copy of the state after each level (one snapshot per level) in the result. */
  recordTrajectory?: boolean;
}

/** A sampler's result; the caller owns (and disposes) every tensor in it. */
export interface SamplerOutput {
  x: tf.Tensor;
  /** One snapshot per level run, oldest first; empty unless recordTrajectory. */
  trajectory: tf.Tensor[];
}

/** What one level needs: its update (called inside tf.tidy) and the tensors it set up. */
export interface LevelKit {
  step(x: tf.Tensor, nextSeed: () => number): tf.Tensor;
  dispose(): void;
}

/** The score model's inputs at one level for a batch of `count`: sigma [B] and labels [B]. */
export interface LevelInputs {
  sigma: tf.Tensor1D;
  labels: tf.Tensor1D;
  dispose(): void;
}

export function levelInputs(count: number, sigma: number, label: number): LevelInputs {
  const sigmaVec = tf.fill([count], sigma) as tf.Tensor1D;
  const labels = tf.fill([count], label, 'int32') as tf.Tensor1D;
  return {
    sigma: sigmaVec,
    labels,
    dispose: () => tf.dispose([sigmaVec, labels]),
  };
}

/**
 * Runs `stepsPerSigma` steps at each of `levels` (label indices, in order) starting from
 * `x0`, which the loop takes over (and disposes). Returns the state after the last step.
 */
export async function runLevels(
  x0: tf.Tensor,
  levels: readonly number[],
  stepsPerSigma: number,
  makeLevel: (label: number, nextSeed: () => number) => LevelKit,
  hooks: SamplerHooks,
  nextSeed: () => number = makeSeedStream(hooks.seed),
): Promise<SamplerOutput> {
  let x = x0;
  const trajectory: tf.Tensor[] = [];
  const total = levels.length * stepsPerSigma;
  let done = 0;
  try {
    for (const label of levels) {
      hooks.onLevelStart?.(label);
      const kit = makeLevel(label, nextSeed);
      try {
        for (let t = 0; t < stepsPerSigma; t++) {
          await hooks.checkpoint?.();
          const current = x;
          const next = tf.tidy(() => kit.step(current, nextSeed));
          current.dispose();
          x = next;
          hooks.onStep?.(++done, total);
        }
      } finally {
        kit.dispose();
      }
      if (hooks.recordTrajectory) trajectory.push(tf.clone(x));
      await hooks.onLevel?.(label, x);
    }
  } catch (error) {
    tf.dispose([x, ...trajectory]);
    throw error;
  }
  return { x, trajectory };
}

/** Applies a final step (denoise, mask) inside tf.tidy and disposes the state it replaces. */
export function finish(x: tf.Tensor, step: (x: tf.Tensor) => tf.Tensor): tf.Tensor {
  const next = tf.tidy(() => step(x));
  x.dispose();
  return next;
}

/** Tweedie's formula at the smallest level: x + σ_L² s(x, σ_L) (the final denoising step). */
export function tweedieDenoise(score: ScoreFn, sigmas: readonly number[], x: tf.Tensor): tf.Tensor {
  const last = sigmas.length - 1;
  const sigmaL = sigmas[last];
  const inputs = levelInputs(x.shape[0], sigmaL, last);
  try {
    return tf.add(x, tf.mul(score(x, inputs.sigma, inputs.labels), sigmaL * sigmaL));
  } finally {
    inputs.dispose();
  }
}

/** Checks a schedule and step settings, naming the setting at fault. */
export function checkSamplerSettings(
  sigmas: readonly number[],
  stepSize: number,
  stepsPerSigma: number,
): void {
  if (sigmas.length === 0) throw new Error('The noise schedule is empty: it needs at least one sigma.');
  for (let i = 0; i < sigmas.length; i++) {
    if (!(sigmas[i] > 0) || !Number.isFinite(sigmas[i]))
      throw new Error(`Sigma ${i + 1} of the schedule must be a positive number (got ${sigmas[i]}).`);
    if (i > 0 && sigmas[i] > sigmas[i - 1])
      throw new Error('The noise schedule must run from the largest sigma to the smallest.');
  }
  if (!(stepSize > 0) || !Number.isFinite(stepSize))
    throw new Error(`The step size must be a positive number (got ${stepSize}).`);
  if (!Number.isInteger(stepsPerSigma) || stepsPerSigma < 0)
    throw new Error(`Steps per noise level must be a whole number ≥ 0 (got ${stepsPerSigma}).`);
}
