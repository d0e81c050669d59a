/**
 * The DSM training loop: seeded (own generators for data order, noise levels and per-step
 * noise seeds), one tf.tidy per step, no GPU→CPU read-back except every `logEvery` steps,
 * when the per-level loss sums (accumulated on the device) and a weight checksum come back in
 * one `await data()`. A non-finite read-back stops training with a message naming the steps
 * and restores the last finite weights (a copy taken at each log point). Cancel: `checkpoint`
 * throws; everything the loop made is freed. With `helpers` (the CLI's worker threads), each
 * batch is shared with helper threads (parallel-step.ts); they are stopped when training ends.
 */
import * as tf from '@tensorflow/tfjs';
import { drawNoiseLevels, type SigmaPer } from './dsm';
import { emaDecay, type EmaSettings } from './ema';
import { CONSTANT_LEARNING_RATE, learningRateAt, type LearningRateSchedule } from './lr-schedule';
import type { ScoreNetwork } from './networks/network';
import {
  assignWeights,
  copyWeights,
  createWeights,
  disposeWeights,
  type WeightTensors,
} from './networks/weights';
import { deriveSeed, uniformRng } from './random';
import { makeParallelTrainStep, type GradientHelpers, type StartGradientHelpers } from './parallel-step';
import { makeTrainerState, makeTrainStep, type AdamSettings, type StepDraw } from './train-step';
import { makeTrainedNetwork, type TrainedNetwork } from './trained';
import type { LossLog } from './values';

export interface TrainOptions {
  network: ScoreNetwork;
  /** Training data [N, ...network.shape]; read, never kept. */
  data: tf.Tensor;
  /** sigma_1 > … > sigma_L. */
  sigmas: readonly number[];
  sigmaPer: SigmaPer;
  adam: AdamSettings;
  /** Adam's rate over this run's steps (default: constant). */
  schedule?: LearningRateSchedule;
  ema: EmaSettings;
  steps: number;
  batchSize: number;
  /** Items per gradient pass (micro-batches whose gradients add up to the batch's; step-memory.ts). Default: the batch. */
  microBatch?: number;
  /** Never 0. */
  seed: number;
  logEvery: number;
  /** Continue from these weights (copied, not modified) after `step` earlier steps. */
  resume?: { params: WeightTensors; ema: WeightTensors; step: number };
  /** At each log point (after a finite read-back). */
  onLog?: (entry: TrainLogEntry) => void | Promise<void>;
  /** After every step; cheap, nothing is read back. */
  onStep?: (done: number, total: number) => void;
  /** Awaited once per step: yields to the event loop and throws to cancel. */
  checkpoint?: () => Promise<void>;
  /** Starts threads that compute parts of each batch's gradient (data parallel); absent: this thread alone. */
  helpers?: StartGradientHelpers;
}

export interface TrainLogEntry {
  /** Steps done in this run, of `steps`. */
  done: number;
  steps: number;
  /** Mean loss over the steps since the previous log point. */
  loss: number;
  /** The log so far (live: copy what you keep). */
  log: LossLog;
}

export interface TrainResult {
  model: TrainedNetwork;
  log: LossLog;
  /** Why training stopped early (divergence), or null when it ran all its steps. */
  stopped: string | null;
  secondsPerStep: number;
}

/** Batches of row indices: a fresh seeded shuffle of the data set per epoch. */
export function batchOrder(count: number, batchSize: number, uniform: () => number): () => Int32Array {
  const order = Int32Array.from({ length: count }, (_, i) => i);
  let position = count;
  return () => {
    const batch = new Int32Array(batchSize);
    for (let k = 0; k < batchSize; k++) {
      if (position === count) {
        for (let i = count - 1; i > 0; i--) {
          const j = Math.floor(uniform() * (i + 1));
          [order[i], order[j]] = [order[j], order[i]];
        }
        position = 0;
      }
      batch[k] = order[position++];
    }
    return batch;
  };
}

function checkOptions(o: TrainOptions): void {
  const itemShape = o.data.shape.slice(1);
  if (itemShape.join() !== o.network.shape.join())
    throw new Error(
      `The data items have shape [${itemShape}] but the network was built for [${o.network.shape}].`,
    );
  if (o.data.shape[0] < 1) throw new Error('The data set is empty.');
  if (o.sigmas.length < 1 || !o.sigmas.every((s) => s > 0 && Number.isFinite(s)))
    throw new Error('The noise schedule needs at least one positive sigma.');
  if (o.network.levels !== null && o.network.levels !== o.sigmas.length)
    throw new Error(
      `The network is conditioned on ${o.network.levels} noise levels but the schedule has ${o.sigmas.length}.`,
    );
  for (const [name, value] of [
    ['steps', o.steps],
    ['batchSize', o.batchSize],
    ['logEvery', o.logEvery],
  ] as const)
    if (!Number.isInteger(value) || value < 1)
      throw new Error(`${name} must be a whole number ≥ 1 (got ${value}).`);
  if (o.seed === 0) throw new Error('The seed must not be 0.');
}

/**
 * The per-level loss sums and a checksum of the weights (non-finite when any weight is), in one
 * read-back. The weights are summed as one concatenated vector: a sum per weight was ~90 GPU
 * programs at every log point of the conv net.
 */
async function readBack(levelSums: tf.Tensor1D, weights: WeightTensors): Promise<Float32Array> {
  const packed = tf.tidy(() => {
    const flat = Object.values(weights).map((w) => tf.reshape(w, [-1]));
    const checksum = flat.length ? tf.sum(tf.concat(flat)) : tf.scalar(0);
    return tf.concat([levelSums, tf.reshape(checksum, [1])]);
  });
  try {
    return (await packed.data()) as Float32Array;
  } finally {
    packed.dispose();
  }
}

/** The helpers `o.helpers` starts for this problem (null: it declined). */
async function startHelpers(o: TrainOptions): Promise<GradientHelpers | null> {
  const helpers = await o.helpers!({
    kind: o.network.kind,
    config: o.network.config,
    shape: o.network.shape,
    levels: o.sigmas.length,
    sigmas: o.sigmas,
    data: await floatData(o.data),
    dataShape: o.data.shape,
    batchSize: o.batchSize,
    microBatch: o.microBatch ?? o.batchSize,
  });
  if (helpers && helpers.count + 1 > o.batchSize) {
    await helpers.close();
    throw new Error(`${helpers.count + 1} threads cannot share a batch of ${o.batchSize} rows.`);
  }
  return helpers;
}

async function floatData(data: tf.Tensor): Promise<Float32Array> {
  const values = await data.data();
  return values instanceof Float32Array ? values : Float32Array.from(values);
}

export async function train(o: TrainOptions): Promise<TrainResult> {
  checkOptions(o);
  const helpers = o.helpers ? await startHelpers(o) : null;
  try {
    return await trainOn(o, helpers);
  } finally {
    await helpers?.close();
  }
}

/** The loop itself, on this thread alone or with `helpers`. */
async function trainOn(o: TrainOptions, helpers: GradientHelpers | null): Promise<TrainResult> {
  const net = o.network;
  const levels = o.sigmas.length;
  const uniform = uniformRng(deriveSeed(o.seed, 1));
  let draws = 0;
  const nextSeed = () => deriveSeed(o.seed, 2, ++draws);
  const nextBatch = batchOrder(o.data.shape[0], o.batchSize, uniform);
  const startStep = o.resume?.step ?? 0;

  const params = o.resume
    ? copyWeights(o.resume.params, true, 'params')
    : createWeights(net.weightSpecs, deriveSeed(o.seed, 3), 'params');
  const ema = copyWeights(o.resume ? o.resume.ema : params, false, 'ema');
  // Copies share the data until the originals are assigned new values, so snapshots are free.
  const snapshot = {
    params: copyWeights(params, false, 'last-finite'),
    ema: copyWeights(ema, false, 'last-finite-ema'),
  };
  let snapshotDone = 0;
  const state = makeTrainerState(params, ema, o.adam);
  const microBatch = o.microBatch ?? o.batchSize;
  const step: (draw: StepDraw) => tf.Tensor1D | Promise<tf.Tensor1D> = helpers
    ? makeParallelTrainStep(net, o.data, o.sigmas, state, microBatch, helpers)
    : makeTrainStep(net, o.data, o.sigmas, state, microBatch);
  let levelSums = tf.zeros([levels]) as tf.Tensor1D;
  const interval = new Float64Array(levels);
  const runSums = new Float64Array(levels);
  const runCounts = new Float64Array(levels);
  const log: LossLog = {
    steps: [],
    loss: [],
    perLevel: new Array<number>(levels).fill(NaN),
    sigmas: [...o.sigmas],
    ...(o.microBatch && o.microBatch < o.batchSize ? { microBatch: o.microBatch } : {}),
    ...(o.helpers ? { threads: 1 + (helpers?.count ?? 0) } : {}),
  };
  let done = 0;
  let stopped: string | null = null;
  const started = performance.now();

  try {
    for (let i = 1; i <= o.steps; i++) {
      const labels = drawNoiseLevels(uniform, o.batchSize, levels, o.sigmaPer);
      for (const l of labels) interval[l]++;
      const perLevel = await step({
        indices: nextBatch(),
        labels,
        noiseSeed: nextSeed(),
        emaDecay: emaDecay(o.ema, startStep + i),
        learningRate: learningRateAt(o.adam.learningRate, o.schedule ?? CONSTANT_LEARNING_RATE, i, o.steps),
      });
      const sum = tf.add(levelSums, perLevel) as tf.Tensor1D;
      levelSums.dispose();
      perLevel.dispose();
      levelSums = sum;
      done = i;

      if (i % o.logEvery === 0 || i === o.steps) {
        const values = await readBack(levelSums, params);
        levelSums.dispose();
        levelSums = tf.zeros([levels]);
        if (!values.every(Number.isFinite)) {
          const bad = values.find((v) => !Number.isFinite(v));
          const from = i - ((i - 1) % o.logEvery);
          stopped =
            `Training stopped: the loss became ${bad} between steps ${from} and ${i} of ${o.steps}. ` +
            `Kept the weights from step ${snapshotDone}, the last check that was finite. ` +
            'Try a lower learning rate.';
          log.stopped = stopped;
          assignWeights(params, snapshot.params);
          assignWeights(ema, snapshot.ema);
          done = snapshotDone;
          break;
        }
        let total = 0;
        let count = 0;
        for (let l = 0; l < levels; l++) {
          total += values[l];
          count += interval[l];
          runSums[l] += values[l];
          runCounts[l] += interval[l];
          log.perLevel[l] = runCounts[l] > 0 ? runSums[l] / runCounts[l] : NaN;
        }
        interval.fill(0);
        log.steps.push(startStep + i);
        log.loss.push(total / count);
        assignWeights(snapshot.params, params);
        assignWeights(snapshot.ema, ema);
        snapshotDone = i;
        await o.onLog?.({ done: i, steps: o.steps, loss: total / count, log });
      }
      o.onStep?.(i, o.steps);
      await o.checkpoint?.();
    }
  } catch (error) {
    disposeWeights(params);
    disposeWeights(ema);
    throw error;
  } finally {
    disposeWeights(snapshot.params);
    disposeWeights(snapshot.ema);
    state.update.dispose();
    levelSums.dispose();
  }
  const secondsPerStep = (performance.now() - started) / 1000 / Math.max(1, done);
  return {
    model: makeTrainedNetwork(net, o.sigmas, params, ema, startStep + done),
    log,
    stopped,
    secondsPerStep,
  };
}
