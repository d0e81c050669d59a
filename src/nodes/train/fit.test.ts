import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Graph, GraphNode } from '../../graph';
import { compile } from '../../runtime/compile';
import { useNodeBackend } from '../../runtime/backend-node';
import type { ShardProblem, StartGradientHelpers } from '../../score/parallel-step';
import { isTrainedNetwork, type TrainedNetwork } from '../../score/trained';
import type { DatasetValue, NetworkSpec } from '../../score/values';
import dataMnist from '../data/mnist';
import dataToy2d from '../data/toy2d';
import modelMlp from '../model/mlp';
import modelNcsn from '../model/ncsn';
import noiseGeometric from '../noise/geometric';
import { NodeRegistry } from '../registry';
import scoreExact from '../exact/exact';
import { runKind } from '../testing';
import viewLoss from '../view/loss';
import optimAdam from './adam';
import lossDsm from './dsm';
import trainFit from './fit';

const registry = new NodeRegistry([
  dataToy2d,
  dataMnist,
  noiseGeometric,
  modelMlp,
  modelNcsn,
  scoreExact,
  lossDsm,
  optimAdam,
  trainFit,
  viewLoss,
]);

function graph(dataType: string, modelNode: Omit<GraphNode, 'id'>, levels = 10): Graph {
  return {
    format: 'scoregraph',
    version: 1,
    name: 'test',
    nodes: [
      { id: 'data', type: dataType, params: {} },
      { id: 'sched', type: 'noise.geometric', params: { levels } },
      { id: 'net', ...modelNode },
      { id: 'dsm', type: 'loss.dsm', params: {} },
      { id: 'adam', type: 'optim.adam', params: {} },
      { id: 'fit', type: 'train.fit', params: {} },
      { id: 'curve', type: 'view.loss', params: {} },
    ],
    edges: [
      { from: 'data.dataset', to: 'fit.dataset' },
      { from: 'sched.schedule', to: 'fit.schedule' },
      { from: 'net.model', to: 'fit.model' },
      { from: 'dsm.loss', to: 'fit.loss' },
      { from: 'adam.optimizer', to: 'fit.optimizer' },
      { from: 'fit.losses', to: 'curve.losses' },
      ...(modelNode.type === 'score.exact' ? [{ from: 'data.dataset', to: 'net.dataset' }] : []),
    ],
  };
}

function points(count: number, seed: number): DatasetValue {
  const data = tf.randomNormal([count, 2], 0, 0.5, 'float32', seed);
  return { kind: 'points', shape: [2], count, data, name: 'blob', dispose: () => data.dispose() };
}

const spec = (kind: 'mlp' | 'ncsn', config: Record<string, unknown>): NetworkSpec => ({
  ready: false,
  kind,
  config,
  seed: 77,
  dispose() {},
});

const inputs = (dataset: DatasetValue, model: unknown, sigmas = [1, 0.5, 0.2, 0.1]) => ({
  dataset,
  schedule: { sigmas },
  model,
  loss: { kind: 'dsm', sigmaPer: 'sample' },
  optimizer: {
    kind: 'adam',
    learningRate: 1e-3,
    lrDecay: 'constant',
    lrDecayTo: 0,
    warmupSteps: 0,
    beta1: 0.9,
    beta2: 0.999,
    epsilon: 1e-8,
    ema: 0.99,
    emaBiasCorrection: true,
  },
});

describe('train.fit', () => {
  beforeAll(async () => {
    await useNodeBackend('wasm');
  });

  it('compiles: data shape and the schedule’s L flow into the trained model meta', () => {
    const mlp = compile(graph('data.toy2d', { type: 'model.mlp', params: {} }), registry);
    if (!mlp.ok) throw new Error(JSON.stringify(mlp.problems));
    const fit = mlp.plan.steps.find((s) => s.nodeId === 'fit')!;
    expect(fit.outputs.model).toMatchObject({ ready: true, kind: 'mlp', shape: [2], levels: null });
    const cin = compile(
      graph('data.mnist', { type: 'model.ncsn', params: { conditioning: 'conditional-norm' } }, 12),
      registry,
    );
    if (!cin.ok) throw new Error(JSON.stringify(cin.problems));
    expect(cin.plan.steps.find((s) => s.nodeId === 'fit')!.outputs.model).toMatchObject({
      ready: true,
      kind: 'ncsn',
      shape: [28, 28, 1],
      levels: 12,
    });
  });

  it('a points dataset wired into a conv net is a compile error on the model node', () => {
    const result = compile(graph('data.toy2d', { type: 'model.ncsn', params: {} }), registry);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0].nodeId).toBe('net');
    expect(result.problems[0].message).toMatch(/needs images.*"data" is 2-D points.*model\.mlp/);
  });

  it('on a known backend, refuses a batch that cannot be split to fit, naming the largest that fits', () => {
    const batchNorm = graph('data.mnist', {
      type: 'model.ncsn',
      params: { arch: 'refinenet', norm: 'batch' },
    });
    expect(compile(batchNorm, registry).ok).toBe(true); // backend unknown (the editor's live check)
    expect(compile(batchNorm, registry, { backend: 'webgpu' }).ok).toBe(true);
    const onWasm = compile(batchNorm, registry, { backend: 'wasm' });
    expect(onWasm.ok).toBe(false);
    if (onWasm.ok) return;
    expect(onWasm.problems[0]).toMatchObject({ nodeId: 'fit', param: 'batchSize' });
    expect(onWasm.problems[0].message).toMatch(/"fit".*wasm.*largest batch that fits is \d+.*BatchNorm/);
    // The same net with instance++ runs batch 128 in micro-batches.
    const instance = graph('data.mnist', { type: 'model.ncsn', params: { arch: 'refinenet' } });
    expect(compile(instance, registry, { backend: 'wasm' }).ok).toBe(true);
  });

  it('an exact score cannot be trained: the error is on the train node’s model input', () => {
    const result = compile(graph('data.toy2d', { type: 'score.exact', params: {} }), registry);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]).toMatchObject({ nodeId: 'fit', socket: 'model' });
    expect(result.problems[0].message).toMatch(/exact score.*no weights to train/);
  });

  it('trains an MLP with progress text, loss previews and a trained EMA model; then resumes it', async () => {
    const dataset = points(256, 3);
    const baseline = tf.memory().numTensors;
    const first = await runKind(trainFit, {
      params: { steps: 40, batchSize: 32, logEvery: 10 },
      inputs: inputs(dataset, spec('mlp', { width: 16, depth: 2, activation: 'elu', divideBySigma: true })),
    });
    const model = first.outputs.model as TrainedNetwork;
    expect(isTrainedNetwork(model)).toBe(true);
    expect(model.step).toBe(40);
    expect(model.sigmas).toEqual([1, 0.5, 0.2, 0.1]);
    expect(first.outputs.losses.steps).toEqual([10, 20, 30, 40]);
    const last = first.progress[first.progress.length - 1];
    expect(last.fraction).toBe(1);
    expect(last.text).toMatch(/^step 40\/40 · loss \d+\.\d+$/);
    expect(first.previews).toHaveLength(4);
    expect(first.previews[3]).toMatchObject({
      kind: 'loss',
      steps: [10, 20, 30, 40],
      sigmas: [1, 0.5, 0.2, 0.1],
    });
    // score() uses the EMA weights.
    tf.tidy(() => {
      const x = tf.zeros([2, 2]);
      const sigma = tf.tensor1d([1, 0.1]);
      const labels = tf.tensor1d([0, 3], 'int32');
      expect(model.score(x, sigma, labels).shape).toEqual([2, 2]);
    });
    const summary = await trainFit.summarize!(first.outputs as never, {} as never);
    expect(summary).toMatchObject({
      kind: 'mlp',
      step: 40,
      levels: 4,
      parameters: 3 * 16 + 16 + 16 * 16 + 16 + 16 * 2 + 2,
    });

    const kept = Array.from(model.params['l0/w'].dataSync());
    const second = await runKind(trainFit, {
      params: { steps: 20, batchSize: 32, logEvery: 10 },
      inputs: inputs(dataset, model),
    });
    const resumed = second.outputs.model as TrainedNetwork;
    expect(resumed.step).toBe(60);
    expect(second.outputs.losses.steps).toEqual([50, 60]);
    expect(Array.from(model.params['l0/w'].dataSync())).toEqual(kept); // the input is not touched
    model.dispose();
    resumed.dispose();
    expect(tf.memory().numTensors).toBe(baseline);
    dataset.dispose();
  });

  it('cancels cleanly: no tensor or variable outlives a cancelled run', async () => {
    const dataset = points(64, 5);
    const tensors = tf.memory().numTensors;
    const variables = Object.keys(tf.engine().registeredVariables).length;
    const controller = new AbortController();
    controller.abort();
    await expect(
      runKind(trainFit, {
        params: { steps: 50 },
        inputs: inputs(dataset, spec('mlp', { width: 8, depth: 1, activation: 'elu', divideBySigma: true })),
        signal: controller.signal,
      }),
    ).rejects.toThrow(/cancelled/);
    expect(tf.memory().numTensors).toBe(tensors);
    expect(Object.keys(tf.engine().registeredVariables).length).toBe(variables);
    dataset.dispose();
  });

  it('trains a conditional conv net on images and ties it to the schedule’s L', async () => {
    const data = tf.randomUniform([16, 7, 7, 1], 0, 1, 'float32', 4);
    const dataset: DatasetValue = {
      kind: 'images',
      shape: [7, 7, 1],
      count: 16,
      data,
      name: 'noise',
      dispose() {},
    };
    const run = await runKind(trainFit, {
      params: { steps: 3, batchSize: 4, logEvery: 3 },
      inputs: inputs(dataset, spec('ncsn', { ngf: 4, norm: 'group', conditioning: 'conditional-norm' })),
    });
    const model = run.outputs.model as TrainedNetwork;
    expect(model.levels).toBe(4);
    expect(model.shape).toEqual([7, 7, 1]);
    expect(Number.isFinite(run.outputs.losses.loss[0])).toBe(true);
    await expect(
      runKind(trainFit, {
        params: { steps: 1 },
        inputs: inputs(dataset, model, [1, 0.1]),
      }),
    ).rejects.toThrow(/conditioned on 4 noise levels, but the schedule from "test" has 2/);
    model.dispose();
    data.dispose();
  });

  it('offers its batches to the run context’s gradient helpers, except a BatchNorm net’s', async () => {
    const offered: ShardProblem[] = [];
    const gradientHelpers: StartGradientHelpers = async (problem) => {
      offered.push(problem);
      return null; // declined: this thread trains alone
    };
    const data = tf.randomUniform([16, 7, 7, 1], 0, 1, 'float32', 4);
    const dataset: DatasetValue = {
      kind: 'images',
      shape: [7, 7, 1],
      count: 16,
      data,
      name: 'noise',
      dispose() {},
    };
    const fit = (norm: string) =>
      runKind(trainFit, {
        params: { steps: 2, batchSize: 8, logEvery: 2 },
        inputs: inputs(dataset, spec('ncsn', { ngf: 4, norm, conditioning: 'divide-by-sigma' })),
        gradientHelpers,
      });
    const grouped = await fit('group');
    expect(offered).toHaveLength(1);
    expect(offered[0]).toMatchObject({
      kind: 'ncsn',
      shape: [7, 7, 1],
      levels: 4,
      batchSize: 8,
      dataShape: [16, 7, 7, 1],
    });
    expect(offered[0].data).toHaveLength(16 * 49);
    expect(grouped.outputs.losses.threads).toBe(1);
    const batchNorm = await fit('batch');
    expect(offered).toHaveLength(1);
    expect(batchNorm.outputs.losses.threads).toBeUndefined();
    grouped.outputs.model.dispose();
    batchNorm.outputs.model.dispose();
    data.dispose();
  });
});
