import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildMnistAsset } from '../../../scripts/build-mnist-asset';
import { useNodeBackend } from '../../runtime/backend-node';
import { loadMnistImages } from '../../score/datasets/mnist';
import { MNIST_DIGIT_COUNTS } from '../../score/datasets/mnist-asset';
import { InferError } from '../define';
import { resolveParams } from '../resolve-params';
import { runKind } from '../testing';
import mnist, { BUNDLED_DIGIT_COUNTS } from './mnist';

const infer = (params: Record<string, unknown>) =>
  mnist.infer({ nodeId: 'd', params: resolveParams(mnist.params, params as never), inputs: {} });

describe('data.mnist', () => {
  beforeAll(async () => {
    await buildMnistAsset();
    await useNodeBackend('cpu');
  });

  it('knows the per-digit counts of the bundled file', async () => {
    expect(BUNDLED_DIGIT_COUNTS).toEqual(MNIST_DIGIT_COUNTS);
    const { labels } = await loadMnistImages();
    expect(BUNDLED_DIGIT_COUNTS.reduce((a, b) => a + b)).toBe(labels.length);
  });

  it('infers the shape and caps the count at what the digits have', () => {
    expect(infer({})).toEqual({ dataset: { kind: 'images', shape: [28, 28, 1], count: 10000 } });
    expect(infer({ digits: [5], size: 7 }).dataset).toEqual({ kind: 'images', shape: [7, 7, 1], count: 863 });
    expect(() => infer({ size: 10 })).toThrow(InferError);
    expect(() => infer({ size: 10 })).toThrow(/28, 14 or 7/);
  });

  it('runs: the chosen digits at the chosen size, with a preview', async () => {
    const before = tf.memory().numTensors;
    const { outputs, previews, progress } = await runKind(mnist, {
      params: { digits: [1, 7], size: 14, count: 40 },
    });
    const { dataset } = outputs;
    expect(dataset.data.shape).toEqual([40, 14, 14, 1]);
    expect([dataset.kind, dataset.count]).toEqual(['images', 40]);
    expect(previews[0]).toMatchObject({ kind: 'images', count: 40, height: 14, channels: 1 });
    expect(progress.at(-1)?.fraction).toBe(1);
    expect(mnist.summarize!(outputs as never, {} as never)).toMatchObject({ count: 40, shape: [14, 14, 1] });
    dataset.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
