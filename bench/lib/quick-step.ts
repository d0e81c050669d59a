/**
 * The `mnist-quick` preset's training step as the WASM benches measure it: its network (compact
 * NCSN, InstanceNorm++, divide by σ) at batch and size of choice, with the settings the benches
 * were first measured with (42 geometric levels from 7.4 to 0.01, lr 2e-3, EMA 0.995, not the
 * preset's current schedule: a step's cost does not depend on them), seeded random draws, the
 * digits it trains on and a trainer (fresh weights, the update of choice, the step, a loop).
 */
import type * as tf from '@tensorflow/tfjs';
import { loadMnist } from '../../src/score/datasets/mnist';
import { ncsnNetwork } from '../../src/score/networks/ncsn';
import type { ScoreNetwork } from '../../src/score/networks/network';
import { copyWeights, createWeights, disposeWeights } from '../../src/score/networks/weights';
import type { ParameterUpdateFactory } from '../../src/score/parameter-update';
import { geometricSigmas } from '../../src/score/schedule/geometric';
import { uniformRng } from '../../src/score/random';
import { makeTrainStep, type StepDraw, type TrainerState } from '../../src/score/train-step';

export const QUICK_ADAM = { learningRate: 2e-3, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 };
/** The EMA decay of the weights those runs used. */
export const QUICK_EMA_DECAY = 0.995;
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
    emaDecay: QUICK_EMA_DECAY,
    learningRate: QUICK_ADAM.learningRate,
  });
}

/** QUICK_ROWS MNIST digits (all ten) of `size` px, [QUICK_ROWS, size, size, 1]. */
export async function loadQuickDigits(size = 14): Promise<tf.Tensor> {
  const { data } = await loadMnist({
    digits: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    size: size as 14,
    count: QUICK_ROWS,
  });
  return data;
}

/**
 * `net`'s training step on `data` from fresh weights (seed 3) with `update`, and
 * `run(n, draw)`: n steps, the last one's per-level loss read back (the end of the run on any
 * backend). dispose() frees the weights and the update, not the data.
 */
export function quickTrainer(net: ScoreNetwork, data: tf.Tensor, update: ParameterUpdateFactory) {
  const params = createWeights(net.weightSpecs, 3, 'bench-params');
  const ema = copyWeights(params, false, 'bench-ema');
  const state: TrainerState = {
    params,
    ema,
    varList: Object.values(params),
    update: update(params, ema, QUICK_ADAM),
  };
  const step = makeTrainStep(net, data, QUICK_SIGMAS, state);
  return {
    step,
    async run(n: number, draw: () => StepDraw): Promise<void> {
      for (let i = 0; i < n; i++) {
        const perLevel = step(draw());
        if (i === n - 1) await perLevel.data();
        perLevel.dispose();
      }
    },
    dispose(): void {
      state.update.dispose();
      disposeWeights(params);
      disposeWeights(ema);
    },
  };
}
