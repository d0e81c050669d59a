import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../runtime/backend-node';
import { InferError } from '../define';
import type { ImagesDisplay } from '../display';
import { resolveParams } from '../resolve-params';
import { runKind } from '../testing';
import images from './images';
import { pickSnapshots } from './images.run';

describe('view.images', () => {
  beforeAll(() => useNodeBackend('cpu'));

  it('shows the first `max` images in a grid, values as sampled, and notes out-of-range values', async () => {
    const data = tf.tensor4d(
      Array.from({ length: 5 * 2 * 3 * 1 }, (_, i) => i / 10 - 0.5),
      [5, 2, 3, 1],
    );
    const before = tf.memory().numTensors;
    const run = await runKind(images, {
      params: { columns: 2, max: 3 },
      inputs: { samples: { kind: 'images', data } },
    });
    expect(run.outputs).toEqual({});
    expect(tf.memory().numTensors).toBe(before);
    const display = run.previews.at(-1) as ImagesDisplay;
    expect({ ...display, pixels: undefined }).toEqual({
      kind: 'images',
      count: 3,
      height: 2,
      width: 3,
      channels: 1,
      columns: 2,
      pixels: undefined,
      caption: '3 of 5 · 2×3 · values in [-0.50, 1.20], shown clamped',
    });
    expect(display.pixels).toEqual(new Float32Array(data.dataSync().slice(0, 18)));
    data.dispose();
  });

  it('trajectory mode stacks one row per level (at most 16, the last kept) and then the final samples', async () => {
    expect(pickSnapshots(4, 16)).toEqual([0, 1, 2, 3]);
    expect(pickSnapshots(100, 4)).toEqual([0, 33, 66, 99]);
    const level = (v: number) => tf.fill([4, 2, 2, 1], v);
    const trajectory = [level(1), level(2), level(3)];
    const data = level(9);
    const run = await runKind(images, {
      params: { columns: 3, show: 'trajectory' },
      inputs: { samples: { kind: 'images', data, trajectory } },
    });
    const display = run.previews.at(-1) as ImagesDisplay;
    expect([display.count, display.columns]).toEqual([12, 3]);
    expect(Array.from(display.pixels.filter((_, i) => i % 12 === 0))).toEqual([1, 2, 3, 9]);
    tf.dispose([data, ...trajectory]);
  });

  it('trajectory mode says how to get one when the samples have none', async () => {
    const data = tf.zeros([1, 2, 2, 1]);
    await expect(
      runKind(images, { params: { show: 'trajectory' }, inputs: { samples: { kind: 'images', data } } }),
    ).rejects.toThrow('turn on "trajectory"');
    data.dispose();
  });

  it('refuses points and odd channel counts at compile time', () => {
    const infer = (samples: unknown) =>
      images.infer({
        nodeId: 'v',
        params: resolveParams(images.params, {}),
        inputs: { samples: samples as never },
      });
    expect(() => infer({ kind: 'points', shape: [2], count: 5, source: 'sampler' })).toThrow(
      new InferError('The samples from "sampler" are 2-D points: show them with view.points.', {
        socket: 'samples',
      }),
    );
    expect(() => infer({ kind: 'images', shape: [8, 8, 2], count: 5, source: 'sampler' })).toThrow('[8,8,2]');
    expect(infer({ kind: 'images', shape: [8, 8, 3], count: 5, source: 'sampler' })).toEqual({});
  });
});
