import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../runtime/backend-node';
import { makeEmpiricalScoreModel } from '../exact/empirical-score';
import { uniformRng } from '../random';
import { makeAnnealedInpainting, type Renoise } from './inpainting';

const geometric = (first: number, last: number, levels: number) =>
  Array.from({ length: levels }, (_, i) => first * (last / first) ** (i / (levels - 1)));

describe('annealed Langevin inpainting', () => {
  // WASM: the same dynamics as cpu at about a third of the CPU time (the chains are long elementwise loops).
  beforeAll(() => useNodeBackend('wasm'));

  // Eight random 6x6 "images": the known pixels of one identify it, so with the empirical
  // oracle (docs/science.md §5) the filled-in pixels must be that image's.
  const rng = uniformRng(21);
  const images = Array.from({ length: 8 * 36 }, () => rng());
  const halfMask = Array.from({ length: 36 }, (_, i) => (i % 6 < 3 ? 1 : 0));
  const scatterMask = Array.from({ length: 36 }, () => (rng() < 0.4 ? 1 : 0));
  const sigmas = geometric(1.5, 0.01, 20);

  for (const renoise of ['step', 'level'] as Renoise[]) {
    for (const [name, maskValues] of [
      ['left half', halfMask],
      ['scattered', scatterMask],
    ] as const) {
      it(`(${renoise}) keeps known pixels exactly and fills the rest from the oracle — ${name} mask`, async () => {
        const data = tf.tensor4d(images, [8, 6, 6, 1]);
        const oracle = makeEmpiricalScoreModel(data, sigmas);
        const known = tf.tidy(() => tf.gather(data, tf.tensor1d([0, 1, 2, 3, 4, 5, 6, 7, 0, 5], 'int32')));
        const mask = tf.tensor3d(maskValues, [6, 6, 1]);
        const x0 = tf.randomUniform(known.shape, 0, 1, 'float32', 3);
        const before = tf.memory().numTensors;
        const inpaint = makeAnnealedInpainting(oracle.score, sigmas, {
          stepSize: 2e-5,
          stepsPerSigma: 20,
          renoise,
        });
        const { x } = await inpaint(known, mask, x0, { seed: 17 });
        expect(tf.memory().numTensors).toBe(before + 1);
        const [got, want] = [await x.data(), await known.data()];
        let worstUnknown = 0;
        got.forEach((v, i) => {
          if (maskValues[i % 36] === 1) expect(v).toBe(want[i]);
          else worstUnknown = Math.max(worstUnknown, Math.abs(v - want[i]));
        });
        expect(worstUnknown).toBeLessThan(0.02);
        tf.dispose([x, x0, mask, known, data]);
        oracle.dispose();
      });
    }
  }

  it('refuses a mask of another shape, naming both shapes', async () => {
    const inpaint = makeAnnealedInpainting((x) => tf.zerosLike(x), [1, 0.1], {
      stepSize: 1e-3,
      stepsPerSigma: 1,
    });
    const images4 = tf.zeros([2, 4, 4, 1]);
    const mask = tf.ones([5, 5, 1]);
    await expect(inpaint(images4, mask, images4, { seed: 1 })).rejects.toThrow(
      'The mask is [5,5,1] but the images are [4,4,1]',
    );
    tf.dispose([images4, mask]);
  });
});
