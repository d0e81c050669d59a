/**
 * The `mnist-quick` preset's training step as the WASM benches measure it: its network (compact
 * NCSN, InstanceNorm++, divide by σ), 42 geometric levels from 7.4 to 0.01, and seeded random
 * draws (rows of the first 2,000 digits, levels, noise seeds) at a fixed rate and EMA decay.
 */
import { ncsnNetwork } from '../../src/score/networks/ncsn';
import { uniformRng } from '../../src/score/random';
import type { StepDraw } from '../../src/score/train-step';

export const QUICK_ADAM = { learningRate: 2e-3, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 };
export const QUICK_LEVELS = 42;
export const QUICK_SIGMAS = Array.from(
  { length: QUICK_LEVELS },
  (_, i) => 7.4 * Math.pow(0.01 / 7.4, i / (QUICK_LEVELS - 1)),
);
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
