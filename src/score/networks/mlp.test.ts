import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../runtime/backend-node';
import { mlpNetwork } from './mlp';
import { networkScore } from './network';
import { countParameters, createWeights, disposeWeights } from './weights';

describe('MLP score network', () => {
  beforeAll(async () => {
    await useNodeBackend('wasm');
  });

  it('has [x, log sigma] → width^depth → D weights and maps [B, D] to [B, D]', () => {
    const net = mlpNetwork({ width: 16, depth: 2, activation: 'silu', divideBySigma: false }, [2]);
    expect(countParameters(net.weightSpecs)).toBe(3 * 16 + 16 + (16 * 16 + 16) + (16 * 2 + 2));
    const weights = createWeights(net.weightSpecs, 3);
    tf.tidy(() => {
      const x = tf.tensor2d([0.1, 0.2, -1, 3, 5, 5], [3, 2]);
      const sigma = tf.tensor1d([0.1, 1, 10]);
      const labels = tf.tensor1d([0, 1, 2], 'int32');
      expect(networkScore(net, weights, x, sigma, labels).shape).toEqual([3, 2]);
    });
    disposeWeights(weights);
  });

  it('with divideBySigma the score is f(x, log sigma) / sigma', () => {
    const net = mlpNetwork({ width: 8, depth: 1, activation: 'elu', divideBySigma: true }, [2]);
    const weights = createWeights(net.weightSpecs, 4);
    tf.tidy(() => {
      const x = tf.tensor2d([0.5, -0.5, 2, 1], [2, 2]);
      const sigma = tf.tensor1d([0.25, 4]);
      const labels = tf.tensor1d([0, 1], 'int32');
      const f = net.apply(weights, x, sigma, labels).arraySync() as number[][];
      const s = networkScore(net, weights, x, sigma, labels).arraySync() as number[][];
      expect(s[0][1]).toBeCloseTo(f[0][1] / 0.25, 5);
      expect(s[1][0]).toBeCloseTo(f[1][0] / 4, 5);
      // The sigma input matters: same x, other sigma, other f.
      const f2 = net.apply(weights, x, tf.tensor1d([4, 0.25]), labels).arraySync() as number[][];
      expect(Math.abs(f2[0][0] - f[0][0])).toBeGreaterThan(1e-4);
    });
    disposeWeights(weights);
  });

  it('weights are seeded: the same seed gives the same weights, another seed others', () => {
    const net = mlpNetwork({ width: 4, depth: 1, activation: 'elu', divideBySigma: true }, [2]);
    const read = (seed: number) => {
      const w = createWeights(net.weightSpecs, seed);
      const v = Array.from(w['l0/w'].dataSync());
      disposeWeights(w);
      return v;
    };
    expect(read(9)).toEqual(read(9));
    expect(read(9)).not.toEqual(read(10));
  });
});
