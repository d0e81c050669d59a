import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../runtime/backend-node';
import { makeMixtureScoreModel } from '../../score/exact/mixture-score';
import { InferError } from '../define';
import type { PointsDisplay } from '../display';
import { resolveParams } from '../resolve-params';
import { runKind } from '../testing';
import { pointBounds, scaleField } from './displays';
import points from './points';

describe('view.points', () => {
  beforeAll(() => useNodeBackend('cpu'));

  it('frames the data and the bulk of the samples with equal spans, ignoring a runaway chain', () => {
    const cloud = new Float32Array(2 * 1000);
    for (let i = 0; i < 1000; i++) cloud.set([(i % 10) / 10, Math.floor(i / 10) / 100], 2 * i);
    cloud.set([1e6, -1e6], 0); // one chain that blew up
    const [x0, x1, y0, y1] = pointBounds(cloud, new Float32Array([-2, 0, 0, 0.5]));
    expect(x0).toBeLessThan(-2);
    expect(x1).toBeGreaterThan(0.9);
    expect(x1 - x0).toBeCloseTo(y1 - y0, 9);
    expect(x1 - x0).toBeLessThan(4);
  });

  it('scales field arrows to the grid: typical ones 0.8 cells, none over 1.2', () => {
    const raw = new Float32Array([0, 0, 1, 0, 0, 0, 0, 2, 0, 0, 100, 0]);
    const scaled = scaleField(raw, 0.5);
    expect(Math.hypot(scaled[6], scaled[7])).toBeCloseTo(0.4, 6); // the 90th percentile (of 3) = 2 → 0.8 cells
    expect(Math.hypot(scaled[10], scaled[11])).toBeCloseTo(0.6, 6);
  });

  it('draws samples over the data with arrows pointing to the mode of an exact score', async () => {
    const model = makeMixtureScoreModel([{ mean: [1, 1], std: 0.2, weight: 1 }], [2]);
    const samples = tf.tensor2d([
      [1, 1.1],
      [0.9, 1],
    ]);
    const data = tf.tensor2d([
      [0, 0],
      [2, 2],
    ]);
    const before = tf.memory().numTensors;
    const run = await runKind(points, {
      params: { level: 2, arrows: 5 },
      inputs: {
        samples: { kind: 'points', data: samples },
        dataset: { kind: 'points', data, shape: [2] },
        model,
        schedule: { sigmas: [1, 0.5] },
      },
    });
    expect(tf.memory().numTensors).toBe(before);
    const display = run.previews.at(-1) as PointsDisplay;
    expect(Array.from(display.points)).toEqual(Array.from(samples.dataSync()));
    expect(Array.from(display.overlay!)).toEqual([0, 0, 2, 2]);
    expect(display.field).toHaveLength(5 * 5 * 4);
    const f = display.field!;
    for (let i = 0; i < f.length; i += 4) {
      const toMode = [1 - f[i], 1 - f[i + 1]];
      if (Math.hypot(toMode[0], toMode[1]) < 1e-6) continue;
      // Each arrow points at (1, 1): parallel to the direction to the mode.
      expect(f[i + 2] * toMode[1] - f[i + 3] * toMode[0]).toBeCloseTo(0, 5);
      expect(f[i + 2] * toMode[0] + f[i + 3] * toMode[1]).toBeGreaterThan(0);
    }
    expect(display.caption).toBe('2 points · score field at level 2/2 (σ 0.500)');
    tf.dispose([samples, data]);
  });

  it('asks for the missing half of the field wiring, and refuses images or untrained models', () => {
    const infer = (inputs: Record<string, unknown>, params = {}) =>
      points.infer({
        nodeId: 'v',
        params: resolveParams(points.params, params),
        inputs: { samples: { kind: 'points', shape: [2], count: 9, source: 's' }, ...inputs } as never,
      });
    const model = { ready: true, kind: 'mlp', shape: [2], levels: null, source: 'fit' };
    expect(() => infer({ model })).toThrow(expect.objectContaining({ detail: { socket: 'schedule' } }));
    expect(() => infer({ schedule: { levels: 3, source: 'sched' } })).toThrow(
      expect.objectContaining({ detail: { socket: 'model' } }),
    );
    expect(() =>
      infer({ model: { ...model, ready: false }, schedule: { levels: 3, source: 'sched' } }),
    ).toThrow('train it first with train.fit');
    expect(() => infer({ model, schedule: { levels: 3, source: 'sched' } }, { level: 4 })).toThrow(
      InferError,
    );
    expect(() => infer({ samples: { kind: 'images', shape: [8, 8, 1], count: 1, source: 's' } })).toThrow(
      'show them with view.images',
    );
    expect(infer({ model, schedule: { levels: 3, source: 'sched' } }, { level: 3 })).toEqual({});
  });
});
