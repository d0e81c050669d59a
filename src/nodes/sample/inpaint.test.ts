import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../runtime/backend-node';
import { makeEmpiricalScoreModel } from '../../score/exact/empirical-score';
import { uniformRng } from '../../score/random';
import { InferError } from '../define';
import type { ImagesDisplay } from '../display';
import type { Meta } from '../sockets';
import { resolveParams } from '../resolve-params';
import { runKind } from '../testing';
import inpaint from './inpaint';

const sigmas = Array.from({ length: 20 }, (_, i) => 1.5 * (0.01 / 1.5) ** (i / 19));

describe('sample.inpaint', () => {
  beforeAll(() => useNodeBackend('cpu'));

  it('keeps the known pixels exactly and completes each image from the oracle, perImage times', async () => {
    const rng = uniformRng(8);
    const data = tf.tensor4d(
      Array.from({ length: 6 * 36 }, () => rng()),
      [6, 6, 6, 1],
    );
    const oracle = makeEmpiricalScoreModel(data, sigmas);
    const images = tf.tidy(() => tf.slice(data, 1, 3));
    // Top half known: rows 0-2 of each 6×6 image.
    const maskValues = Array.from({ length: 36 }, (_, i) => (i < 18 ? 1 : 0));
    const mask = tf.tensor3d(maskValues, [6, 6, 1]);
    const before = tf.memory().numTensors;
    const run = await runKind(inpaint, {
      params: { perImage: 2, steps: 20, stepSize: 2e-5 },
      inputs: {
        model: oracle,
        schedule: { sigmas },
        images: { kind: 'images', data: images },
        mask: { data: mask },
      },
    });
    const x = run.outputs.samples.data;
    expect(x.shape).toEqual([6, 6, 6, 1]);
    expect(tf.memory().numTensors).toBe(before + 1);
    const [got, want] = [await x.data(), await images.data()];
    let worst = 0;
    for (let n = 0; n < 6; n++)
      for (let d = 0; d < 36; d++) {
        const [v, w] = [got[n * 36 + d], want[Math.floor(n / 2) * 36 + d]];
        if (maskValues[d] === 1) expect(v).toBe(w);
        else worst = Math.max(worst, Math.abs(v - w));
      }
    expect(worst).toBeLessThan(0.02);
    const display = run.previews.at(-1) as ImagesDisplay;
    expect([display.kind, display.count, display.height, display.channels]).toEqual(['images', 6, 6, 1]);
    tf.dispose([x, images, mask, data]);
    oracle.dispose();
  });

  it('infers the count and refuses a mask or images of another shape', () => {
    const model: Meta<'Model'> = {
      ready: true,
      exact: false,
      kind: 'ncsn',
      shape: [28, 28, 1],
      levels: null,
      source: 'fit',
    };
    const images: Meta<'Samples'> = { kind: 'images', shape: [28, 28, 1], count: 5, source: 'pick' };
    const infer = (inputs: Record<string, unknown>) =>
      inpaint.infer({
        nodeId: 'inpaint',
        params: resolveParams(inpaint.params, { perImage: 3 }),
        inputs: {
          model,
          schedule: { levels: 10, source: 'sched' },
          images,
          mask: undefined,
          ...inputs,
        } as never,
      });
    expect(infer({ mask: { shape: [28, 28, 1], source: 'm' } }).samples).toEqual({
      kind: 'images',
      shape: [28, 28, 1],
      count: 15,
    });
    expect(() => infer({ mask: { shape: [32, 32, 3], source: 'm' } })).toThrow(
      new InferError('The mask from "m" is [32,32,3] but the images are [28,28,1].', { socket: 'mask' }),
    );
    expect(() => infer({ images: { ...images, shape: [32, 32, 3] } })).toThrow(
      'The images from "pick" are [32,32,3] but the model from "fit" works on [28,28,1].',
    );
  });
});
