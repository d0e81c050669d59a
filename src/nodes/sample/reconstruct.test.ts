import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../runtime/backend-node';
import { makeEmpiricalScoreModel } from '../../score/exact/empirical-score';
import { uniformRng } from '../../score/random';
import { InferError } from '../define';
import { resolveParams } from '../resolve-params';
import { runKind } from '../testing';
import reconstruct from './reconstruct';

const sigmas = Array.from({ length: 10 }, (_, i) => 4 * (0.01 / 4) ** (i / 9));

describe('sample.reconstruct', () => {
  beforeAll(() => useNodeBackend('cpu'));

  it('from a late level returns the inputs; the progress starts at that level', async () => {
    const rng = uniformRng(2);
    const data = tf.tensor4d(
      Array.from({ length: 5 * 16 }, () => rng()),
      [5, 4, 4, 1],
    );
    const oracle = makeEmpiricalScoreModel(data, sigmas);
    const run = await runKind(reconstruct, {
      params: { level: 8, perImage: 2, steps: 10, stepSize: 2e-5, trajectory: true },
      inputs: { model: oracle, schedule: { sigmas }, images: { kind: 'images', data } },
    });
    const { data: x, trajectory } = run.outputs.samples;
    expect(x.shape).toEqual([10, 4, 4, 1]);
    expect(trajectory).toHaveLength(3);
    expect(run.progress[0].text).toContain('level 8/10');
    const [got, want] = [await x.data(), await data.data()];
    got.forEach((v: number, i: number) => {
      const item = Math.floor(i / 16);
      expect(Math.abs(v - want[Math.floor(item / 2) * 16 + (i % 16)])).toBeLessThan(0.01);
    });
    tf.dispose([x, ...trajectory, data]);
    oracle.dispose();
  });

  it('refuses a start level the schedule does not have', () => {
    expect(() =>
      reconstruct.infer({
        nodeId: 'rec',
        params: resolveParams(reconstruct.params, { level: 12 }),
        inputs: {
          model: { ready: true, exact: false, kind: 'mlp', shape: [2], levels: null, source: 'fit' },
          schedule: { levels: 10, source: 'sched' },
          images: { kind: 'points', shape: [2], count: 3, source: 'pick' },
        },
      }),
    ).toThrow(
      new InferError(
        'Level 12 does not exist: the schedule from "sched" has 10 levels (1 = the largest sigma).',
        { param: 'level' },
      ),
    );
  });
});
