/**
 * Data-parallel training with real worker threads on WASM: the shared step's gradients equal
 * the single-thread step's for the same draw (conv net and MLP), a short train() with helpers
 * ends with the same weights as one thread, the training thread's tensors stay flat, and a
 * failing helper fails the step with a message naming it.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../backend-node';
import { mlpNetwork } from '../../score/networks/mlp';
import { ncsnNetwork } from '../../score/networks/ncsn';
import type { ScoreNetwork } from '../../score/networks/network';
import { createWeights, disposeWeights } from '../../score/networks/weights';
import { makeParallelTrainStep, type ShardProblem } from '../../score/parallel-step';
import { train, type TrainOptions } from '../../score/train';
import { makeTrainStep, type StepDraw, type TrainerState } from '../../score/train-step';
import { startHelperThreads, workerGradientHelpers } from './gradient-helpers';

const sigmas = [1, 0.5, 0.2, 0.1];

const conv = () =>
  ncsnNetwork(
    { arch: 'compact', ngf: 4, norm: 'instance++', conditioning: 'conditional-norm' },
    [8, 8, 1],
    sigmas.length,
  );
const mlp = () => mlpNetwork({ width: 32, depth: 2, activation: 'elu', divideBySigma: false }, [2]);

const drawOf = (batch: number, rows: number, seed = 9): StepDraw => ({
  indices: Int32Array.from({ length: batch }, (_, i) => (i * 7 + 3) % rows),
  // Not periodic: every shard of the batch holds other levels than the first.
  labels: Int32Array.from({ length: batch }, (_, i) => Math.floor((i * sigmas.length) / batch)),
  noiseSeed: seed,
  emaDecay: 0.9,
  learningRate: 0.01,
});

function problemOf(
  net: ScoreNetwork,
  data: tf.Tensor,
  batchSize: number,
  microBatch = batchSize,
): ShardProblem {
  return {
    kind: net.kind,
    config: net.config,
    shape: net.shape,
    levels: sigmas.length,
    sigmas,
    data: data.dataSync() as Float32Array,
    dataShape: data.shape,
    batchSize,
    microBatch,
  };
}

/** Trainer state whose update only records the gradients it is given (by weight name). */
function recordingState(net: ScoreNetwork) {
  const params = createWeights(net.weightSpecs, 5, 'params');
  const seen: Record<string, Float32Array> = {};
  const state: TrainerState = {
    params,
    ema: params,
    varList: Object.values(params),
    update: {
      apply(grads) {
        for (const [name, g] of Object.entries(grads)) seen[name] = g.dataSync() as Float32Array;
      },
      steps: 0,
      dispose() {},
    },
  };
  return { state, seen, dispose: () => disposeWeights(params) };
}

function worstRelative(a: Record<string, ArrayLike<number>>, b: Record<string, ArrayLike<number>>): number {
  let worst = 0;
  expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
  for (const name of Object.keys(a)) {
    const scale = Math.max(1e-12, ...Array.from(a[name], Math.abs));
    for (let i = 0; i < a[name].length; i++)
      worst = Math.max(worst, Math.abs(a[name][i] - b[name][i]) / scale);
  }
  return worst;
}

beforeAll(async () => {
  await useNodeBackend('wasm');
});

describe('data-parallel training over worker threads (wasm)', () => {
  it.each([
    { name: 'conv net, 3 threads, shards of 4', net: conv, rows: 24, batch: 12, helpers: 2, micro: 12 },
    { name: 'conv net, 2 threads, micro-batches of 2', net: conv, rows: 24, batch: 7, helpers: 1, micro: 2 },
    { name: 'MLP, 2 threads', net: mlp, rows: 40, batch: 10, helpers: 1, micro: 10 },
  ])('$name: the summed gradients equal one thread’s for the same draw', async (c) => {
    const net = c.net();
    const data = tf.randomUniform([c.rows, ...net.shape], 0, 1, 'float32', 3);
    const draw = drawOf(c.batch, c.rows);
    const single = recordingState(net);
    const alone = makeTrainStep(net, data, sigmas, single.state, c.micro)(draw);
    const shared = recordingState(net);
    const helpers = await startHelperThreads(problemOf(net, data, c.batch, c.micro), c.helpers, 'wasm');
    try {
      const together = await makeParallelTrainStep(net, data, sigmas, shared.state, c.micro, helpers)(draw);
      expect(worstRelative({ perLevel: alone.dataSync() }, { perLevel: together.dataSync() })).toBeLessThan(
        1e-5,
      );
      tf.dispose([alone, together]);
    } finally {
      await helpers.close();
    }
    expect(Object.keys(shared.seen)).toHaveLength(net.weightSpecs.length);
    expect(worstRelative(single.seen, shared.seen)).toBeLessThan(1e-5);
    single.dispose();
    shared.dispose();
    data.dispose();
  });

  it('shares a step on the cpu backend too (--threads there): same gradients as one thread', async () => {
    await useNodeBackend('cpu');
    try {
      const net = mlp();
      const data = tf.randomUniform([40, 2], 0, 1, 'float32', 3);
      const draw = drawOf(10, 40);
      const single = recordingState(net);
      makeTrainStep(net, data, sigmas, single.state)(draw).dispose();
      const shared = recordingState(net);
      const helpers = await startHelperThreads(problemOf(net, data, 10), 1, 'cpu');
      try {
        // Twice: the second step must not read the first step's weights or answers.
        for (let i = 0; i < 2; i++)
          (await makeParallelTrainStep(net, data, sigmas, shared.state, 10, helpers)(draw)).dispose();
      } finally {
        await helpers.close();
      }
      expect(worstRelative(single.seen, shared.seen)).toBeLessThan(1e-5);
      single.dispose();
      shared.dispose();
      data.dispose();
    } finally {
      await useNodeBackend('wasm');
    }
  });

  it('keeps the training thread’s tensor count flat over steps, and its per-level losses match', async () => {
    const net = conv();
    const data = tf.randomUniform([24, ...net.shape], 0, 1, 'float32', 3);
    const single = recordingState(net);
    const one = makeTrainStep(net, data, sigmas, single.state);
    const shared = recordingState(net);
    const helpers = await startHelperThreads(problemOf(net, data, 8), 1, 'wasm');
    const step = makeParallelTrainStep(net, data, sigmas, shared.state, 8, helpers);
    const counts: number[] = [];
    try {
      for (let i = 1; i <= 4; i++) {
        const draw = drawOf(8, 24, i);
        const [a, b] = [one(draw), await step(draw)];
        const [expected, got] = [a.dataSync(), b.dataSync()];
        got.forEach((v, l) => expect(v).toBeCloseTo(expected[l], 3));
        tf.dispose([a, b]);
        counts.push(tf.memory().numTensors);
      }
    } finally {
      await helpers.close();
    }
    expect(new Set(counts.slice(1)).size, `tensors after each step: ${counts}`).toBe(1);
    single.dispose();
    shared.dispose();
    data.dispose();
  });

  it('trains to the same weights with 2 helpers as on one thread', async () => {
    const net = conv();
    const data = tf.randomUniform([40, ...net.shape], 0, 1, 'float32', 11);
    const options: TrainOptions = {
      network: net,
      data,
      sigmas,
      sigmaPer: 'sample',
      adam: { learningRate: 1e-3, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 },
      ema: { momentum: 0.9, biasCorrection: true },
      steps: 4,
      batchSize: 12,
      seed: 4,
      logEvery: 2,
    };
    const alone = await train(options);
    const before = tf.memory().numTensors;
    const shared = await train({ ...options, helpers: workerGradientHelpers(3, 'wasm') });
    expect(alone.log.threads).toBeUndefined();
    expect(shared.log.threads).toBe(3);
    shared.log.loss.forEach((loss, i) => expect(loss).toBeCloseTo(alone.log.loss[i], 3));
    const values = (w: Record<string, tf.Tensor>) =>
      Object.fromEntries(Object.entries(w).map(([name, t]) => [name, t.dataSync()]));
    // Adam divides by √v: a float difference of 1e-7 in a gradient moves a weight by up to ~lr·1e-3.
    expect(worstRelative(values(alone.model.params), values(shared.model.params))).toBeLessThan(1e-4);
    expect(worstRelative(values(alone.model.ema), values(shared.model.ema))).toBeLessThan(1e-4);
    // The run left only its model behind (the params and EMA it returns).
    expect(tf.memory().numTensors - before).toBe(2 * net.weightSpecs.length);
    alone.model.dispose();
    shared.model.dispose();
    data.dispose();
  });

  it('declines a batch too small to share, and offers nothing on one thread', async () => {
    const net = mlp();
    const data = tf.randomUniform([16, 2], 0, 1, 'float32', 3);
    expect(await workerGradientHelpers(4, 'wasm')(problemOf(net, data, 7))).toBeNull();
    expect(await workerGradientHelpers(1, 'wasm')(problemOf(net, data, 64))).toBeNull();
    expect(await workerGradientHelpers(4, 'webgpu')(problemOf(net, data, 64))).toBeNull();
    data.dispose();
  });

  it('fails the step with a message naming the helper when a helper fails', async () => {
    const net = mlp();
    const data = tf.randomUniform([16, 2], 0, 1, 'float32', 3);
    const helpers = await startHelperThreads(problemOf(net, data, 8), 1, 'wasm');
    const params = createWeights(net.weightSpecs, 5, 'params');
    const weights = new Float32Array(
      net.weightSpecs.reduce((n, s) => n + s.shape.reduce((a, b) => a * b, 1), 0),
    );
    try {
      await expect(helpers.compute(weights, drawOf(8, 16), [{ start: 6, size: 4 }])).rejects.toThrow(
        'Gradient helper thread 1 failed: Shard rows [6, 10) are not inside the batch of 8.',
      );
    } finally {
      await helpers.close();
    }
    disposeWeights(params);
    data.dispose();
  });
});
