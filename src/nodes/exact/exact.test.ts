import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../runtime/backend-node';
import { runOwned } from '../../runtime/owned-scope';
import { mixtureScore } from '../../score/exact/mixture-score';
import { runKind } from '../testing';
import exact from './exact';

describe('score.exact', () => {
  beforeAll(() => useNodeBackend('cpu'));

  it('infers a ready model of the data’s shape, for any number of levels', () => {
    const dataset = { kind: 'images' as const, shape: [7, 7, 1], count: 5, source: 'd' };
    expect(exact.infer({ nodeId: 'e', params: {}, inputs: { dataset, schedule: undefined } })).toEqual({
      model: { ready: true, exact: true, kind: 'exact', shape: [7, 7, 1], levels: null },
    });
  });

  it('gives the analytic score for a mixture dataset', async () => {
    const mixture = [
      { mean: [5, 5], std: 1, weight: 0.8 },
      { mean: [-5, -5], std: 1, weight: 0.2 },
    ];
    const data = tf.zeros([3, 2]);
    const dataset = {
      kind: 'points',
      shape: [2],
      count: 3,
      data,
      mixture,
      name: 'm',
      dispose: () => data.dispose(),
    };
    const { outputs } = await runKind(exact, { inputs: { dataset, schedule: { sigmas: [20, 1] } } });
    const model = outputs.model;
    expect([model.kind, model.sigmas]).toEqual(['exact-mixture', [20, 1]]);
    const [got, want] = tf.tidy(() => {
      const x = tf.tensor2d([
        [1, 2],
        [-4, -6],
      ]);
      const sigma = tf.tensor1d([1, 3]);
      return [
        model.score(x, sigma, tf.tensor1d([1, 0], 'int32')).arraySync(),
        mixtureScore(x, sigma, mixture).arraySync(),
      ];
    });
    expect(got).toEqual(want);
    data.dispose();
  });

  it('gives the empirical optimum otherwise, and it survives the runtime’s owned scope', async () => {
    const data = tf.tensor4d([0, 0, 0, 0, 1, 1, 1, 1], [2, 2, 2, 1]);
    const dataset = {
      kind: 'images',
      shape: [2, 2, 1],
      count: 2,
      data,
      name: 'i',
      dispose: () => data.dispose(),
    };
    const before = tf.memory().numTensors;
    const { outputs } = await runOwned('exact', () => runKind(exact, { inputs: { dataset } }));
    data.dispose(); // the model keeps its own copies
    const model = outputs.model;
    expect(model.kind).toBe('exact-empirical');
    const denoised = tf.tidy(() => {
      const x = tf.fill([1, 2, 2, 1], 0.9);
      const s = model.score(x, tf.tensor1d([0.05]), tf.tensor1d([0], 'int32'));
      return Array.from(tf.add(x, tf.mul(s, 0.05 ** 2)).dataSync());
    });
    denoised.forEach((v) => expect(v).toBeCloseTo(1, 4));
    model.dispose();
    expect(tf.memory().numTensors).toBe(before - 1);
  });
});
