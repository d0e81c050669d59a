import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../runtime/backend-node';
import { wasmVsCpuGradients } from '../../../test-support/network-gradients';
import { ncsnNetwork, type NcsnConfig } from './ncsn';
import { networkScore } from './network';
import { NORM_KINDS } from './norms';
import { countParameters, createWeights, disposeWeights } from './weights';

const tiny = (over: Partial<NcsnConfig> = {}): NcsnConfig => ({
  ngf: 4,
  norm: 'instance++',
  conditioning: 'divide-by-sigma',
  ...over,
});

function batchFor(shape: number[], batch: number, levels: number) {
  const x = tf.randomUniform([batch, ...shape], 0, 1, 'float32', 21);
  const labels = tf.tensor1d(
    Array.from({ length: batch }, (_, i) => i % levels),
    'int32',
  );
  const sigma = tf.tensor1d(Array.from({ length: batch }, (_, i) => 0.1 + (i % levels)));
  return { x, sigma, labels };
}

describe('NCSNv2-style conv score net', () => {
  beforeAll(async () => {
    await useNodeBackend('wasm');
  });
  afterAll(async () => {
    await useNodeBackend('wasm');
  });

  it('maps [B, H, W, C] to the same shape at 28, 14 and 7 px for every norm and conditioning', () => {
    for (const [size, channels] of [
      [28, 1],
      [14, 3],
      [7, 1],
    ]) {
      for (const norm of NORM_KINDS) {
        for (const conditioning of ['divide-by-sigma', 'conditional-norm'] as const) {
          if (norm === 'none' && conditioning === 'conditional-norm') continue;
          const net = ncsnNetwork(tiny({ norm, conditioning }), [size, size, channels], 3);
          const weights = createWeights(net.weightSpecs, 5);
          const shape = tf.tidy(() => {
            const { x, sigma, labels } = batchFor([size, size, channels], 2, 3);
            const s = networkScore(net, weights, x, sigma, labels);
            expect(s.dataSync().every(Number.isFinite)).toBe(true);
            return s.shape;
          });
          expect(shape, `${size}px ${norm} ${conditioning}`).toEqual([2, size, size, channels]);
          disposeWeights(weights);
        }
      }
    }
  });

  it('divides by sigma (Technique 3) unless the norms are conditional; CIN++ weights grow with L', () => {
    const divided = ncsnNetwork(tiny(), [7, 7, 1], 10);
    const cin = ncsnNetwork(tiny({ conditioning: 'conditional-norm' }), [7, 7, 1], 10);
    expect(divided.dividesBySigma).toBe(true);
    expect(divided.levels).toBeNull();
    expect(cin.dividesBySigma).toBe(false);
    expect(cin.levels).toBe(10);
    const cin20 = ncsnNetwork(tiny({ conditioning: 'conditional-norm' }), [7, 7, 1], 20);
    const normParams = (n: typeof cin) =>
      countParameters(n.weightSpecs.filter((s) => s.name.endsWith('/affine')));
    expect(normParams(cin20)).toBe(2 * normParams(cin));
    expect(() =>
      ncsnNetwork(tiny({ norm: 'none', conditioning: 'conditional-norm' }), [7, 7, 1], 10),
    ).toThrow(/norm other than "none"/);
    expect(() => ncsnNetwork(tiny(), [2], 10)).toThrow(/images \[H, W, C\]/);
  });

  it('one-step gradient on WASM matches CPU, and every weight gets a gradient', async () => {
    const net = ncsnNetwork(tiny({ conditioning: 'conditional-norm' }), [8, 8, 1], 3);
    for (const w of await wasmVsCpuGradients(net, () => batchFor([8, 8, 1], 3, 3))) {
      expect(w.length, `gradient of ${w.name}`).toBeGreaterThan(0);
      expect(w.relativeError, w.name).toBeLessThan(2e-3);
    }
  });
});
