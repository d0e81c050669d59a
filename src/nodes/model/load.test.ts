import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../runtime/backend-node';
import { compile } from '../../runtime/compile';
import { encodeCheckpoint } from '../../score/checkpoint';
import { mlpNetwork } from '../../score/networks/mlp';
import { ncsnNetwork } from '../../score/networks/ncsn';
import { copyWeights, createWeights } from '../../score/networks/weights';
import { makeTrainedNetwork, type TrainedNetwork } from '../../score/trained';
import { integer, type Graph } from '../../graph';
import { defineNode } from '../define';
import { NodeRegistry } from '../registry';
import sampleLangevin from '../sample/langevin';
import { runKind } from '../testing';
import { pairCheckpoint, unzipCheckpoint, zipCheckpoint } from '../../runtime/checkpoints/zip-bundle';
import { parseShape, readCheckpointHeader, type CheckpointData } from '../../graph/checkpoint-header';
import load from './load';

const sigmas = [3, 1, 0.3, 0.1];
const files = new Map<string, CheckpointData>();
/** The host's reader in these tests: checkpoints by name from `files`. */
const readCheckpoint = async (ref: string) => {
  const data = files.get(ref);
  if (!data) throw new Error(`no checkpoint "${ref}"`);
  return data;
};

/** A "trained" MLP: random weights, and an EMA shadow that differs from them (score() must use the EMA). */
function fakeTrained(): TrainedNetwork {
  const net = mlpNetwork({ width: 16, depth: 2, activation: 'elu', divideBySigma: true }, [2]);
  const params = createWeights(net.weightSpecs, 11, 'test');
  const shifted = tf.tidy(() =>
    Object.fromEntries(Object.entries(params).map(([k, v]) => [k, tf.mul(v, 0.5)])),
  );
  const ema = copyWeights(shifted, false, 'test-ema');
  tf.dispose(Object.values(shifted));
  return makeTrainedNetwork(net, sigmas, params, ema, 250);
}

function scoreOf(model: { score: TrainedNetwork['score'] }): number[] {
  return tf.tidy(() => {
    const x = tf.tensor2d([0.1, 0.2, 0.7, -0.4, 1.5, 0.3], [3, 2]);
    return Array.from(model.score(x, tf.tensor1d([3, 0.3, 0.1]), tf.tensor1d([0, 2, 3], 'int32')).dataSync());
  });
}

beforeAll(async () => {
  await useNodeBackend('cpu');
});

/** A schedule of `levels` levels, enough for compile() to check a sampler. */
const schedule = defineNode({
  type: 'schedule.test',
  title: 'Schedule',
  category: 'Test',
  doc: 'Levels only.',
  inputs: {},
  outputs: { schedule: { type: 'Schedule' } },
  params: { levels: integer({ default: 4, min: 1, max: 100, doc: 'L.' }) },
  infer: ({ params }) => ({ schedule: { levels: params.levels } }),
  run: async () => ({ schedule: { sigmas: [1] } }),
});
const registry = new NodeRegistry([load, schedule, sampleLangevin]);

describe('model.load', () => {
  it('loads a checkpoint whose score equals the saved EMA score, and frees it all', async () => {
    const original = fakeTrained();
    const expected = scoreOf(original);
    files.set('toy', await encodeCheckpoint(original));
    original.dispose();
    const before = tf.memory().numTensors;

    const { outputs, progress } = await runKind(load, {
      readCheckpoint,
      params: { checkpoint: 'toy', shape: '2' },
    });
    const model = outputs.model as TrainedNetwork;
    expect(model.ready).toBe(true);
    expect(model.shape).toEqual([2]);
    expect(model.sigmas).toEqual(sigmas);
    expect(model.step).toBe(250);
    const got = scoreOf(model);
    got.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 6));
    expect(progress.at(-1)?.fraction).toBe(1);
    expect(load.summarize!({ model }, {} as never)).toMatchObject({
      kind: 'mlp',
      levels: 4,
      sigmaMax: 3,
      step: 250,
    });
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('infers a ready model of the declared shape and levels, so samplers compile', () => {
    const meta = load.infer({
      nodeId: 'load',
      params: { checkpoint: 'toy', shape: '28, 28, 1', levels: 10 },
      inputs: {},
    });
    expect(meta.model).toEqual({
      ready: true,
      exact: false,
      kind: 'checkpoint',
      shape: [28, 28, 1],
      levels: 10,
    });
    const unknown = load.infer({
      nodeId: 'load',
      params: { checkpoint: 'toy', shape: '', levels: 0 },
      inputs: {},
    });
    expect(unknown.model).toMatchObject({ shape: null, levels: null });
    expect(() =>
      load.infer({ nodeId: 'load', params: { checkpoint: ' ', shape: '', levels: 0 }, inputs: {} }),
    ).toThrow(/Choose a checkpoint/);
    expect(() =>
      load.infer({ nodeId: 'load', params: { checkpoint: 'a', shape: '2,x', levels: 0 }, inputs: {} }),
    ).toThrow(/"shape" must be 1 to 3 whole numbers/);
  });

  it('feeds a sampler in a compiled graph, and a level mismatch shows before running', () => {
    const graph = (levels: number, schedLevels: number): Graph => ({
      format: 'scoregraph' as const,
      version: 1,
      name: 't',
      nodes: [
        { id: 'load', type: 'model.load', params: { checkpoint: 'toy', shape: '2', levels } },
        { id: 'sched', type: 'schedule.test', params: { levels: schedLevels } },
        { id: 'sample', type: 'sample.langevin', params: {} },
      ],
      edges: [
        { from: 'load.model', to: 'sample.model' },
        { from: 'sched.schedule', to: 'sample.schedule' },
      ],
    });
    const ok = compile(graph(4, 4), registry);
    expect(ok.ok).toBe(true);
    if (ok.ok)
      expect(ok.plan.steps.find((s) => s.nodeId === 'sample')!.outputs.samples).toMatchObject({
        kind: 'points',
        shape: [2],
      });
    const bad = compile(graph(4, 10), registry);
    expect(bad.ok ? [] : bad.problems).toContainEqual(
      expect.objectContaining({
        nodeId: 'sample',
        message: expect.stringMatching(/conditioned on 4 noise levels/),
      }),
    );
  });

  it('says what to set when the params disagree with the checkpoint', async () => {
    const original = fakeTrained();
    files.set('toy2', await encodeCheckpoint(original));
    original.dispose();
    const before = tf.memory().numTensors;
    await expect(
      runKind(load, { readCheckpoint, params: { checkpoint: 'toy2', shape: '28,28,1' } }),
    ).rejects.toThrow(/shape \[2\], but "shape" says \[28,28,1\]: set shape to "2"/);
    await expect(
      runKind(load, { readCheckpoint, params: { checkpoint: 'toy2', levels: 4 } }),
    ).rejects.toThrow(/not tied to a number of levels.*set levels to 0/);
    await expect(runKind(load, { readCheckpoint, params: { checkpoint: 'missing' } })).rejects.toThrow(
      /no checkpoint "missing"/,
    );
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuses damaged checkpoints with a message and no leak', async () => {
    const original = fakeTrained();
    const good = await encodeCheckpoint(original);
    original.dispose();
    const before = tf.memory().numTensors;
    files.set('short', { json: good.json, weights: good.weights.slice(0, 100) });
    await expect(runKind(load, { readCheckpoint, params: { checkpoint: 'short' } })).rejects.toThrow(
      /bytes but the header describes/,
    );
    files.set('graph', { json: { format: 'scoregraph', version: 1 }, weights: good.weights });
    await expect(runKind(load, { readCheckpoint, params: { checkpoint: 'graph' } })).rejects.toThrow(
      /"format" is not "scoregraph-checkpoint"/,
    );
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('checkpoint headers and bundles', () => {
  it('reads the facts infer() needs from a header, levels only for conditional norms', async () => {
    const mlp = fakeTrained();
    const info = readCheckpointHeader((await encodeCheckpoint(mlp)).json);
    mlp.dispose();
    expect(info).toMatchObject({ kind: 'mlp', shape: [2], sigmas, levels: null, step: 250 });

    const net = ncsnNetwork({ ngf: 4, norm: 'instance++', conditioning: 'conditional-norm' }, [8, 8, 1], 4);
    const params = createWeights(net.weightSpecs, 5, 'cin');
    const conditional = makeTrainedNetwork(net, sigmas, params, copyWeights(params, false, 'cin-ema'), 3);
    const cinInfo = readCheckpointHeader((await encodeCheckpoint(conditional)).json);
    expect(cinInfo).toMatchObject({ kind: 'ncsn', shape: [8, 8, 1], levels: 4 });
    expect(conditional.levels).toBe(4); // the header reading agrees with the network itself
    conditional.dispose();
    expect(readCheckpointHeader({ format: 'scoregraph' })).toEqual({
      message: expect.stringMatching(/"format" is not "scoregraph-checkpoint"/),
    });
    expect(readCheckpointHeader([])).toEqual({ message: expect.stringMatching(/not a JSON object/) });
  });

  it('parses shapes', () => {
    expect(parseShape('2')).toEqual([2]);
    expect(parseShape('28x28x1')).toEqual([28, 28, 1]);
    expect(parseShape('28, 28 ,1')).toEqual([28, 28, 1]);
    expect(parseShape('0')).toBeNull();
    expect(parseShape('1,2,3,4')).toBeNull();
    expect(parseShape('')).toBeNull();
  });

  it('zips a checkpoint and pairs .ckpt.json with .ckpt.bin', async () => {
    const model = fakeTrained();
    const data = await encodeCheckpoint(model);
    model.dispose();
    const zip = zipCheckpoint('toy-fit', data);
    const back = unzipCheckpoint('toy-fit.ckpt.zip', zip);
    expect(back.ok && back.name).toBe('toy-fit');
    if (back.ok) {
      expect(back.data.json).toEqual(data.json);
      expect(new Uint8Array(back.data.weights)).toEqual(new Uint8Array(data.weights));
    }
    const json = new TextEncoder().encode(JSON.stringify(data.json));
    const bin = new Uint8Array(data.weights);
    const pair = pairCheckpoint([
      { name: 'other.ckpt.bin', bytes: new Uint8Array(8) },
      { name: 'fit.ckpt.json', bytes: json },
      { name: 'fit.ckpt.bin', bytes: bin },
    ]);
    expect(pair.ok && new Uint8Array(pair.data.weights)).toEqual(bin);
    expect(pairCheckpoint([{ name: 'fit.ckpt.json', bytes: json }])).toEqual({
      ok: false,
      message: expect.stringMatching(/lack the \.ckpt\.bin \(the weights\)/),
    });
    expect(unzipCheckpoint('x.ckpt.zip', new Uint8Array([1, 2, 3]))).toEqual({
      ok: false,
      message: expect.stringMatching(/not a readable zip/),
    });
  });
});
