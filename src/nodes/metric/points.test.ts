import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../runtime/backend-node';
import { toyPoints } from '../../score/datasets/toy2d';
import type { MetricsDisplay } from '../display';
import { resolveParams } from '../resolve-params';
import { runKind } from '../testing';
import points from './points';

beforeAll(() => useNodeBackend('cpu'));

async function score(samples: Float32Array, data: Float32Array): Promise<MetricsDisplay> {
  const s = tf.tensor2d(samples, [samples.length / 2, 2]);
  const d = tf.tensor2d(data, [data.length / 2, 2]);
  try {
    const { previews } = await runKind(points, {
      inputs: { samples: { kind: 'points', data: s }, dataset: { kind: 'points', data: d, shape: [2] } },
    });
    return previews.at(-1) as MetricsDisplay;
  } finally {
    tf.dispose([s, d]);
  }
}

describe('metric.points', () => {
  it('puts fresh data at ratio ≈ 1 and a wide uniform cloud far above', async () => {
    const data = toyPoints('swissroll', 4000, 0.02, 1);
    const good = await score(toyPoints('swissroll', 1000, 0.02, 2), data);
    expect(good.values.ratio).toBeGreaterThan(0.6);
    expect(good.values.ratio).toBeLessThan(1.6);
    const bad = await score(toyPoints('swissroll', 1000, 0.3, 3), data);
    expect(bad.values.ratio).toBeGreaterThan(2);
    expect(bad.bars.values).toEqual([bad.values.slicedW1, bad.values.resampleW1]);
  });

  it('refuses images and mismatched dimensions, naming the socket', () => {
    const infer = (inputs: Record<string, unknown>) =>
      points.infer({ nodeId: 'q', params: resolveParams(points.params, {}), inputs: inputs as never });
    expect(() => infer({ samples: { kind: 'images', shape: [28, 28, 1], count: 4, source: 's' } })).toThrow(
      /metric.digits/,
    );
    expect(() =>
      infer({
        samples: { kind: 'points', shape: [3], count: 4, source: 's' },
        dataset: { kind: 'points', shape: [2], count: 9, source: 'd' },
      }),
    ).toThrow(expect.objectContaining({ detail: { socket: 'samples' } }));
  });
});
