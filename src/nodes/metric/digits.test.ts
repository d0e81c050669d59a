import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildClassifierAsset } from '../../../scripts/build-classifier-asset';
import { buildMnistAsset } from '../../../scripts/build-mnist-asset';
import { useNodeBackend } from '../../runtime/backend-node';
import { loadMnist } from '../../score/datasets/mnist';
import { uniformRng } from '../../score/random';
import type { MetricsDisplay } from '../display';
import { resolveParams } from '../resolve-params';
import { runKind } from '../testing';
import digits from './digits';

beforeAll(async () => {
  await buildMnistAsset(); // no-ops when up to date
  await buildClassifierAsset();
  await useNodeBackend('wasm');
});

const infer = (samples: Record<string, unknown>) =>
  digits.infer({
    nodeId: 'quality',
    params: resolveParams(digits.params, {}),
    inputs: { samples: samples as never },
  });

describe('metric.digits', () => {
  it('calls 14-px digits digits: confident, all 10 present, near the floor, in numbers and bars', async () => {
    const { data } = await loadMnist({ digits: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], size: 14, count: 100 });
    const before = tf.memory().numTensors;
    const { previews } = await runKind(digits, { inputs: { samples: { kind: 'images', data } } });
    data.dispose();
    expect(tf.memory().numTensors).toBe(before - 1);
    const display = previews.at(-1) as MetricsDisplay;
    expect(display.kind).toBe('metrics');
    expect(display.values.confidentShare).toBeGreaterThan(0.85);
    expect(display.values.digitsPresent).toBe(10);
    expect(display.bars.values).toHaveLength(10);
    expect(display.values.frechet).toBeLessThan(3 * (display.values.frechetFloor as number));
    expect(display.rows.map((r) => r.label)).toEqual(['confident', 'digits present', 'Fréchet distance']);
  });

  it('calls uniform noise no digit, at the noise ceiling', async () => {
    const random = uniformRng(5);
    const data = tf.tensor4d(Float32Array.from({ length: 100 * 784 }, random), [100, 28, 28, 1]);
    const { previews } = await runKind(digits, { inputs: { samples: { kind: 'images', data } } });
    data.dispose();
    const { values } = previews.at(-1) as MetricsDisplay;
    expect(values.confidentShare).toBeLessThan(0.2);
    expect(values.frechet).toBeGreaterThan(0.5 * (values.frechetCeiling as number));
  });

  it('refuses what the classifier cannot read, naming the socket', () => {
    expect(() => infer({ kind: 'points', shape: [2], count: 9, source: 'sampler' })).toThrow(/metric.points/);
    expect(() => infer({ kind: 'images', shape: [32, 32, 3], count: 9, source: 'sampler' })).toThrow(
      expect.objectContaining({ detail: { socket: 'samples' } }),
    );
    expect(() => infer({ kind: 'images', shape: [9, 9, 1], count: 9, source: 'sampler' })).toThrow(
      /28, 14 or 7 px/,
    );
    expect(() => infer({ kind: 'images', shape: [28, 28, 1], count: 1, source: 'sampler' })).toThrow(
      /at least 2/,
    );
    expect(infer({ kind: 'images', shape: [28, 28, 1], count: 64, source: 'sampler' })).toEqual({});
  });
});
