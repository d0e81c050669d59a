import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../runtime/backend-node';
import { makeEmpiricalScoreModel } from '../exact/empirical-score';
import { uniformRng } from '../random';
import { makeReconstruction } from './reconstruction';

const geometric = (first: number, last: number, levels: number) =>
  Array.from({ length: levels }, (_, i) => first * (last / first) ** (i / (levels - 1)));

describe('reconstruction from level k', () => {
  beforeAll(() => useNodeBackend('cpu'));

  const rng = uniformRng(4);
  const images = Array.from({ length: 6 * 25 }, () => rng());
  const sigmas = geometric(4, 0.01, 10);

  it('from a small level it returns the training images it started from (empirical oracle)', async () => {
    const data = tf.tensor4d(images, [6, 5, 5, 1]);
    const oracle = makeEmpiricalScoreModel(data, sigmas);
    const reconstruct = makeReconstruction(oracle.score, sigmas, { stepSize: 2e-5, stepsPerSigma: 10 });
    const before = tf.memory().numTensors;
    const { x, trajectory } = await reconstruct(data, 8, { seed: 3, recordTrajectory: true });
    expect(trajectory).toHaveLength(3); // levels 8, 9, 10
    expect(tf.memory().numTensors).toBe(before + 4);
    const [got, want] = [await x.data(), await data.data()];
    got.forEach((v, i) => expect(Math.abs(v - want[i])).toBeLessThan(0.01));
    tf.dispose([x, ...trajectory, data]);
    oracle.dispose();
  });

  it('from the largest level it forgets the start: samples are training images, not the inputs', async () => {
    const data = tf.tensor4d(images, [6, 5, 5, 1]);
    const oracle = makeEmpiricalScoreModel(data, sigmas);
    const reconstruct = makeReconstruction(oracle.score, sigmas, { stepSize: 2e-5, stepsPerSigma: 10 });
    const start = tf.fill([12, 5, 5, 1], 0.5);
    const { x } = await reconstruct(start, 1, { seed: 8 });
    const got = await x.data();
    const distinct = new Set<number>();
    for (let b = 0; b < 12; b++) {
      const item = got.slice(b * 25, (b + 1) * 25);
      const dists = Array.from({ length: 6 }, (_, n) =>
        Math.max(...item.map((v, d) => Math.abs(v - images[n * 25 + d]))),
      );
      expect(Math.min(...dists)).toBeLessThan(0.01); // collapsed onto a training image
      distinct.add(dists.indexOf(Math.min(...dists)));
    }
    expect(distinct.size).toBeGreaterThan(2); // and not all onto the same one
    tf.dispose([x, start, data]);
    oracle.dispose();
  });

  it('names the allowed levels when k is out of range', async () => {
    const reconstruct = makeReconstruction((x) => tf.zerosLike(x), sigmas, {
      stepSize: 1e-3,
      stepsPerSigma: 1,
    });
    const data = tf.zeros([1, 2]);
    await expect(reconstruct(data, 11, { seed: 1 })).rejects.toThrow('between 1 and 10 (got 11)');
    data.dispose();
  });
});
