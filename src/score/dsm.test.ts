import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../runtime/backend-node';
import { drawNoiseLevels, dsmLoss, dsmPerSample, lossPerLevel } from './dsm';
import { perItem, type ScoreNetwork } from './networks/network';
import { uniformRng } from './random';

/** A weightless network with a fixed rule, to test the loss's reduction against closed forms. */
function fixedNet(
  dividesBySigma: boolean,
  rule: (x: tf.Tensor, sigma: tf.Tensor1D) => tf.Tensor,
): ScoreNetwork {
  return {
    kind: 'mlp',
    config: {},
    shape: [],
    levels: null,
    dividesBySigma,
    weightSpecs: [],
    apply: (_w, x, sigma) => rule(x, sigma),
  };
}

function batch(B: number, D: number, sigmas: number[], seed: number) {
  const labels = drawNoiseLevels(uniformRng(seed), B, sigmas.length, 'sample');
  return {
    x: tf.zeros([B, D]),
    noise: tf.randomNormal([B, D], 0, 1, 'float32', seed),
    sigma: tf.tensor1d(Float32Array.from(labels, (l) => sigmas[l])),
    labels: tf.tensor1d(labels, 'int32'),
  };
}

describe('DSM loss (docs/science.md §1)', () => {
  beforeAll(async () => {
    await useNodeBackend('wasm');
  });
  const sigmas = [10, 1, 0.1, 0.01];

  it('a zero network averages D/2 (sum over dims, mean over batch, factor ½)', () => {
    const D = 50;
    for (const divides of [true, false]) {
      const loss = tf.tidy(() =>
        dsmLoss(
          fixedNet(divides, (x) => tf.zerosLike(x)),
          {},
          batch(4000, D, sigmas, 3),
        ),
      );
      // ½‖z‖² has mean D/2 = 25 and std sqrt(D/2) = 5; the batch mean has std 0.08.
      expect(loss.dataSync()[0]).toBeGreaterThan(D / 2 - 0.5);
      expect(loss.dataSync()[0]).toBeLessThan(D / 2 + 0.5);
      loss.dispose();
    }
  });

  it('the noise-predicting oracle gives 0, in both output conventions', () => {
    // Data at the origin: x~ = sigma z, so the exact score is -x~/sigma² and f = sigma·s = -x~/sigma.
    const divided = fixedNet(true, (x, sigma) => tf.neg(tf.div(x, perItem(sigma, 2))));
    const direct = fixedNet(false, (x, sigma) => tf.neg(tf.div(x, tf.square(perItem(sigma, 2)))));
    for (const net of [divided, direct]) {
      const loss = tf.tidy(() => dsmLoss(net, {}, batch(64, 8, sigmas, 4)).dataSync()[0]);
      expect(loss).toBeLessThan(1e-6);
    }
  });

  it('weights by sigma²: a constant score a gives ½ Σ_d (sigma·a + z_d)² per sample', () => {
    const a = 0.7;
    tf.tidy(() => {
      const b = batch(6, 3, sigmas, 5);
      const perSample = dsmPerSample(
        fixedNet(false, (x) => tf.fill(x.shape, a)),
        {},
        b,
      ).dataSync();
      const z = b.noise.arraySync() as number[][];
      const s = b.sigma.dataSync();
      z.forEach((row, i) => {
        const expected = 0.5 * row.reduce((sum, zd) => sum + (s[i] * a + zd) ** 2, 0);
        expect(perSample[i]).toBeCloseTo(expected, 4);
      });
    });
  });

  it('keeps the loss per level: per-level sums add up to the batch total', () => {
    tf.tidy(() => {
      const perSample = tf.tensor1d([1, 2, 3, 4, 5]);
      const labels = Int32Array.from([0, 2, 2, 3, 0]);
      expect(Array.from(lossPerLevel(perSample, labels, 4).dataSync())).toEqual([6, 0, 5, 4]);
    });
  });

  it('draws one level per step or one per sample, uniformly', () => {
    const rng = uniformRng(11);
    const step = drawNoiseLevels(rng, 32, 10, 'step');
    expect(new Set(step).size).toBe(1);
    const counts = new Array(10).fill(0);
    for (let i = 0; i < 200; i++) for (const l of drawNoiseLevels(rng, 50, 10, 'sample')) counts[l]++;
    // 10,000 draws: each level 1000 ± 30 (binomial std); allow 5 std.
    counts.forEach((c) => expect(Math.abs(c - 1000)).toBeLessThan(150));
  });
});
