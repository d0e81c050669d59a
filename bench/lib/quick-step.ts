/**
 * The `mnist-quick` preset's training step as the WASM benches measure it: its network (compact
 * NCSN, InstanceNorm++, divide by σ) at batch and size of choice, with the settings the benches
 * were first measured with (42 geometric levels from 7.4 to 0.01, lr 2e-3, EMA 0.995, not the
 * preset's current schedule: a step's cost does not depend on them), and seeded random draws.
 */
import { ncsnNetwork } from '../../src/score/networks/ncsn';
import { geometricSigmas } from '../../src/score/schedule/geometric';
import { uniformRng } from '../../src/score/random';
import type { StepDraw } from '../../src/score/train-step';

export const QUICK_ADAM = { learningRate: 2e-3, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 };
const QUICK_LEVELS = 42;
export const QUICK_SIGMAS = geometricSigmas(7.4, 0.01, QUICK_LEVELS);
/** Rows the draws pick from (load at least this many digits). */
export const QUICK_ROWS = 2000;

export const quickNetwork = (ngf = 16, size = 14) =>
  ncsnNetwork(
    { arch: 'compact', ngf, norm: 'instance++', conditioning: 'divide-by-sigma' },
    [size, size, 1],
    null,
  );

/** A seeded stream of step draws for batches of `batch`. */
export function quickDraws(batch: number, seed = 7): () => StepDraw {
  const random = uniformRng(seed);
  return () => ({
    indices: Int32Array.from({ length: batch }, () => Math.floor(random() * QUICK_ROWS)),
    labels: Int32Array.from({ length: batch }, () => Math.floor(random() * QUICK_LEVELS)),
    noiseSeed: 1 + Math.floor(random() * 1e6),
    emaDecay: 0.995,
    learningRate: QUICK_ADAM.learningRate,
  });
}
