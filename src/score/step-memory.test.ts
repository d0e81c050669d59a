import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { useNodeBackend } from '../runtime/backend-node';
import { registerWasmConvOp } from '../runtime/kernels/wasm-conv-op';
import { registerWasmInstanceNorm } from '../runtime/kernels/wasm-instance-norm';
import { FILTER_BIAS_GRAD, FILTER_GRAD, INPUT_GRAD } from './networks/conv-op';
import { INSTANCE_NORM_GRAD_KERNEL, INSTANCE_NORM_KERNEL } from './networks/fused-instance-norm';
import { ncsnNetwork } from './networks/ncsn';
import { copyWeights, countParameters, createWeights, disposeWeights } from './networks/weights';
import { estimateStepMemory, planMicroBatches, STEP_BUDGET_BYTES } from './step-memory';
import { batchGradients, makeTrainerState, makeTrainStep, type StepDraw } from './train-step';

const sigmas = [1, 0.5, 0.2, 0.1];
const drawOf = (batch: number, seed = 9): StepDraw => ({
  indices: Int32Array.from({ length: batch }, (_, i) => (i * 5) % 16),
  labels: Int32Array.from({ length: batch }, (_, i) => i % sigmas.length),
  noiseSeed: seed,
  emaDecay: 0.9,
  learningRate: 0.01,
});

describe('step memory and micro-batches', () => {
  beforeAll(async () => {
    await useNodeBackend('cpu');
  });
  afterAll(async () => {
    await useNodeBackend('wasm');
  });

  it('micro-batch gradients (2, 4 of 6 items) equal the full batch gradient on cpu', () => {
    const net = ncsnNetwork(
      { arch: 'compact', ngf: 4, norm: 'instance++', conditioning: 'conditional-norm' },
      [8, 8, 1],
      sigmas.length,
    );
    const params = createWeights(net.weightSpecs, 7);
    const varList = Object.values(params);
    const data = tf.randomUniform([16, 8, 8, 1], 0, 1, 'float32', 3);
    const before = tf.memory().numTensors;
    const read = (microBatch: number) =>
      tf.tidy(() => {
        const { grads, perLevel } = batchGradients(
          net,
          data,
          sigmas,
          params,
          varList,
          drawOf(12),
          microBatch,
        );
        return {
          grads: varList.map((v) => Array.from(grads[v.name].dataSync())),
          perLevel: Array.from(perLevel.dataSync()),
        };
      });
    const full = read(6);
    for (const micro of [2, 4]) {
      const split = read(micro);
      split.grads.forEach((g, i) => {
        const scale = Math.max(1e-8, ...full.grads[i].map(Math.abs));
        const err = Math.max(...g.map((v, j) => Math.abs(v - full.grads[i][j])));
        expect(err / scale, `micro-batch ${micro}, ${net.weightSpecs[i].name}`).toBeLessThan(1e-4);
      });
      split.perLevel.forEach((v, l) => expect(v).toBeCloseTo(full.perLevel[l], 2));
    }
    expect(tf.memory().numTensors).toBe(before);
    disposeWeights(params);
    data.dispose();
  });

  it('a micro-batched training step updates the weights as the whole-batch step does', () => {
    const net = ncsnNetwork(
      { arch: 'compact', ngf: 4, norm: 'group', conditioning: 'divide-by-sigma' },
      [8, 8, 1],
      4,
    );
    const data = tf.randomUniform([16, 8, 8, 1], 0, 1, 'float32', 3);
    const adam = { learningRate: 1e-3, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 };
    const after = (microBatch: number) => {
      const params = createWeights(net.weightSpecs, 7, `p${microBatch}-`);
      const ema = copyWeights(params, false, `e${microBatch}-`);
      const step = makeTrainStep(net, data, sigmas, makeTrainerState(params, ema, adam), microBatch);
      for (let s = 0; s < 2; s++) step(drawOf(8, 11 + s)).dispose();
      const values = Object.values(params).flatMap((v) => Array.from(v.dataSync()));
      disposeWeights(params);
      disposeWeights(ema);
      return values;
    };
    const whole = after(8);
    const split = after(3);
    expect(Math.max(...split.map((v, i) => Math.abs(v - whole[i])))).toBeLessThan(1e-5);
    data.dispose();
  });

  it("estimates a step's peak per item above tfjs's measured peak, by at most 1.5×, per dilated-conv path", async () => {
    // The engine counts the same bytes on every backend for the same ops; wasm is the fastest.
    // Measured with InstanceNorm++ composed from tfjs ops (cpu, WebGL), which keeps more alive
    // than WASM's and WebGPU's fused norm; dilated convs once as cpu and WebGL run them
    // (space-to-batch phases: conv-op.ts's kernels off) against the estimate for cpu, once as
    // WASM and WebGPU run them (one op, conv-op.ts's kernels on) against the estimate for wasm.
    await useNodeBackend('wasm');
    const convOp = [FILTER_BIAS_GRAD, FILTER_GRAD, INPUT_GRAD];
    for (const k of [INSTANCE_NORM_KERNEL, INSTANCE_NORM_GRAD_KERNEL]) tf.unregisterKernel(k, 'wasm');
    onTestFinished(() => {
      registerWasmInstanceNorm();
      registerWasmConvOp();
    });
    for (const backend of ['cpu', 'wasm'])
      for (const [arch, conditioning] of [
        ['compact', 'divide-by-sigma'],
        ['refinenet', 'conditional-norm'],
      ] as const) {
        if (backend === 'cpu')
          for (const k of convOp) if (tf.getKernel(k, 'wasm')) tf.unregisterKernel(k, 'wasm');
        if (backend === 'wasm') registerWasmConvOp();
        const config = { arch, ngf: 4, norm: 'instance++', conditioning } as const;
        const net = ncsnNetwork(config, [16, 16, 1], sigmas.length);
        const params = createWeights(net.weightSpecs, 7);
        const ema = copyWeights(params, false, 'ema');
        const adam = { learningRate: 1e-3, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 };
        const state = makeTrainerState(params, ema, adam);
        const data = tf.randomUniform([16, 16, 16, 1], 0, 1, 'float32', 3);
        const step = makeTrainStep(net, data, sigmas, state);
        const peak = async (batch: number) => {
          step(drawOf(batch)).dispose(); // Adam's moments exist from here on
          const base = tf.memory().numBytes;
          const info = await tf.profile(() => step(drawOf(batch)).dispose());
          return info.peakBytes - base;
        };
        const measured = ((await peak(4)) - (await peak(2))) / 2;
        const estimate = estimateStepMemory({
          kind: 'ncsn',
          config,
          shape: [16, 16, 1],
          parameters: countParameters(net.weightSpecs),
          backend,
        }).perItemBytes;
        const label = `${arch} ${conditioning}, dilated convs as on ${backend}`;
        expect(estimate, label).toBeGreaterThanOrEqual(measured);
        expect(estimate, label).toBeLessThan(1.5 * measured);
        state.update.dispose();
        disposeWeights(params);
        disposeWeights(ema);
        data.dispose();
      }
  });

  it('counts a dilated conv as one op on WASM and WebGPU, as six maps (the phases) elsewhere', () => {
    const perItem = (arch: string, conditioning: string, backend?: string) =>
      estimateStepMemory({
        kind: 'ncsn',
        config: { arch, ngf: 4, norm: 'instance++', conditioning },
        shape: [16, 16, 1],
        parameters: 0,
        backend,
      }).perItemBytes;
    // Four dilated residual blocks at 8×8 px, 2·ngf = 8 channels: two convs each, plus a
    // shortcut conv in the RefineNet's first block of each pair. Each phase-path conv keeps
    // 6 maps on the tape, a one-op conv 1: 5 maps of 8·8·8 floats fewer per conv, in bytes
    // × 4 × the backward factor 3.75.
    const saved = (convs: number) => convs * 5 * 8 * 8 * 8 * 4 * 3.75;
    for (const [arch, conditioning, convs] of [
      ['compact', 'divide-by-sigma', 8],
      ['refinenet', 'conditional-norm', 10],
    ] as const) {
      const phases = perItem(arch, conditioning, 'cpu');
      expect(perItem(arch, conditioning, 'webgl')).toBe(phases);
      expect(perItem(arch, conditioning)).toBe(phases); // unknown backend: the larger count
      for (const backend of ['wasm', 'webgpu'])
        expect(phases - perItem(arch, conditioning, backend), `${arch} on ${backend}`).toBe(saved(convs));
    }
  });

  it('splits a batch that does not fit into equal micro-batches, or names the largest batch that fits', () => {
    const memory = { perItemBytes: 40 * 2 ** 20, fixedBytes: 100 * 2 ** 20 };
    const budget = STEP_BUDGET_BYTES.wasm;
    const largest = Math.floor((budget - memory.fixedBytes) / memory.perItemBytes);
    expect(planMicroBatches(memory, 16, 'wasm')).toMatchObject({ microBatch: 16, count: 1 });
    const plan = planMicroBatches(memory, 128, 'wasm');
    expect(plan.microBatch).toBeLessThanOrEqual(largest);
    expect(plan.microBatch * plan.count).toBeGreaterThanOrEqual(128);
    expect((plan.microBatch - 1) * plan.count).toBeLessThan(128);
    expect(plan.count).toBe(Math.ceil(128 / largest));
    expect(planMicroBatches(memory, 128, 'webgpu').count).toBe(1);
    expect(() => planMicroBatches(memory, 128, 'wasm', false)).toThrow(
      new RegExp(`largest batch that fits is ${largest}`),
    );
    expect(() => planMicroBatches({ perItemBytes: 2 * 2 ** 30, fixedBytes: 0 }, 4, 'wasm')).toThrow(
      /One training item/,
    );
  });

  it('puts batch 128 of the 28-px NCSNv2 preset (ngf 32) on WASM in micro-batches', () => {
    for (const arch of ['compact', 'refinenet']) {
      const config = { arch, ngf: 32, norm: 'instance++', conditioning: 'divide-by-sigma' };
      const net = ncsnNetwork(config as never, [28, 28, 1], 10);
      const memory = estimateStepMemory({
        kind: 'ncsn',
        config,
        shape: [28, 28, 1],
        parameters: countParameters(net.weightSpecs),
      });
      // about 50 MB an item for the compact net, 80 MB for the RefineNet: a whole batch of 128 is 6–10 GB
      expect(memory.fixedBytes + 128 * memory.perItemBytes).toBeGreaterThan(4 * 2 ** 30);
      const plan = planMicroBatches(memory, 128, 'wasm');
      expect(plan.count).toBeGreaterThan(1);
      expect(plan.bytes).toBeLessThanOrEqual(STEP_BUDGET_BYTES.wasm);
    }
  });
});
