import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../runtime/backend-node';
import type { PointsDisplay } from '../display';
import { runKind } from '../testing';
import toy2d from './toy2d';

describe('data.toy2d', () => {
  beforeAll(() => useNodeBackend('cpu'));

  it('infers points [2] and runs: seeded points in the unit square, previewed', async () => {
    expect(
      toy2d.infer({ nodeId: 't', params: { shape: 'rings', count: 300, noise: 0, seed: 1 }, inputs: {} }),
    ).toEqual({ dataset: { kind: 'points', shape: [2], count: 300 } });
    const params = { shape: 'checkerboard', count: 500, noise: 0.01, seed: 3 };
    const a = await runKind(toy2d, { params });
    const b = await runKind(toy2d, { params });
    const values = a.outputs.dataset.data.dataSync() as Float32Array;
    expect(a.outputs.dataset.data.shape).toEqual([500, 2]);
    expect(Array.from(values)).toEqual(Array.from(b.outputs.dataset.data.dataSync()));
    expect(Math.min(...values)).toBeGreaterThan(0);
    expect(Math.max(...values)).toBeLessThan(1);
    // The preview shows the points as data (not as samples: there are none yet).
    const preview = a.previews[0] as PointsDisplay;
    expect(preview.kind).toBe('points');
    expect(preview.points.length).toBe(0);
    expect(Array.from(preview.overlay!)).toEqual(Array.from(values));
    const before = tf.memory().numTensors;
    a.outputs.dataset.dispose();
    b.outputs.dataset.dispose();
    expect(tf.memory().numTensors).toBe(before - 2);
  });
});
