import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../runtime/backend-node';
import { decodeCheckpoint, encodeCheckpoint } from './checkpoint';
import { ncsnNetwork } from './networks/ncsn';
import { createWeights, copyWeights } from './networks/weights';
import { makeTrainedNetwork, isTrainedNetwork } from './trained';

const sigmas = [1, 0.3, 0.1];

function model() {
  const net = ncsnNetwork(
    { ngf: 4, norm: 'group', conditioning: 'conditional-norm' },
    [6, 6, 1],
    sigmas.length,
  );
  const params = createWeights(net.weightSpecs, 3);
  const ema = createWeights(net.weightSpecs, 4); // differs from params, so a mix-up shows
  return makeTrainedNetwork(net, sigmas, params, ema, 42);
}

const scores = (m: ReturnType<typeof model>) =>
  tf.tidy(() => {
    const x = tf.randomUniform([3, 6, 6, 1], 0, 1, 'float32', 8);
    return Array.from(m.score(x, tf.tensor1d(sigmas), tf.tensor1d([0, 1, 2], 'int32')).dataSync());
  });

describe('checkpoints', () => {
  beforeAll(async () => {
    await useNodeBackend('wasm');
  });

  it('round-trips kind, config, shape, sigmas, step, params and EMA', async () => {
    const original = model();
    const { json, weights } = await encodeCheckpoint(original);
    const text = JSON.stringify(json); // what a file holds
    const loaded = decodeCheckpoint(JSON.parse(text), weights.slice(0));
    expect(isTrainedNetwork(loaded)).toBe(true);
    expect(loaded.kind).toBe('ncsn');
    expect(loaded.config).toEqual(original.config);
    expect(loaded.shape).toEqual([6, 6, 1]);
    expect(loaded.sigmas).toEqual(sigmas);
    expect(loaded.step).toBe(42);
    expect(loaded.levels).toBe(3);
    expect(Object.keys(loaded.params)).toEqual(Object.keys(original.params));
    for (const group of ['params', 'ema'] as const)
      for (const [name, v] of Object.entries(original[group]))
        expect(Array.from(loaded[group][name].dataSync()), `${group}/${name}`).toEqual(
          Array.from(v.dataSync()),
        );
    expect(loaded.params['begin/w'].trainable).toBe(true);
    expect(loaded.ema['begin/w'].trainable).toBe(false);
    expect(scores(loaded)).toEqual(scores(original));
    original.dispose();
    loaded.dispose();
  });

  it('refuses a bad header or weights with a clear message and leaks nothing', async () => {
    const original = model();
    const { json, weights } = await encodeCheckpoint(original);
    const header = json as Record<string, unknown>;
    const before = tf.memory().numTensors;
    expect(() => decodeCheckpoint({ ...header, format: 'other' }, weights)).toThrow(/format/);
    expect(() => decodeCheckpoint({ ...header, version: 2 }, weights)).toThrow(/version 2 is not supported/);
    expect(() => decodeCheckpoint({ ...header, kind: 'unet' }, weights)).toThrow(
      /unknown network kind "unet"/,
    );
    expect(() => decodeCheckpoint({ ...header, sigmas: [1, -1, 0.1] }, weights)).toThrow(/sigmas/);
    expect(() => decodeCheckpoint(header, weights.slice(4))).toThrow(/bytes/);
    // A header whose config describes another architecture: the weights do not fit it.
    expect(() => decodeCheckpoint({ ...header, config: { ...original.config, ngf: 8 } }, weights)).toThrow(
      /weight "params\/begin\/w" has shape/,
    );
    expect(() => decodeCheckpoint({ ...header, config: { ngf: 'big' } }, weights)).toThrow(/"ngf" must be/);
    expect(tf.memory().numTensors).toBe(before);
    original.dispose();
  });

  it('a copy of the weights is independent of the original variables', () => {
    const original = model();
    const copy = copyWeights(original.params, true, 'copy');
    original.params['end/b'].assign(tf.zerosLike(original.params['end/b']));
    expect(copy['end/b'].dataSync().some((v) => v !== 0)).toBe(true);
    Object.values(copy).forEach((v) => v.dispose());
    original.dispose();
  });
});
