/**
 * The hand-written DSM training loop, straight from the lab recipe: one σ per step, x̃ = x + σz,
 * loss ½‖f(x̃) + z‖² averaged over the batch, Adam via optimizer.minimize inside tf.tidy, EMA
 * 0.999 of the weights. "naive" reads the loss back every step; "careful" every `readEvery`.
 */
import * as tf from '@tensorflow/tfjs';
import { forward, itemShape, specsOf, type BenchNet } from './nets';
import { disposeBaselineWeights, makeBaselineWeights } from './weights';

export interface BaselineTrain {
  net: BenchNet;
  /** [N, ...item shape]. */
  data: tf.Tensor;
  sigmas: readonly number[];
  batch: number;
  steps: number;
  /** 1 = naive (every step). */
  readEvery: number;
  seed: number;
  learningRate?: number;
  ema?: number;
  /** Called after step `i` (1-based) with tf.memory(), e.g. to compare step 10 with step 1000. */
  onStep?: (i: number) => void;
}

export interface BaselineTrainResult {
  seconds: number;
  lastLoss: number;
}

/** A tiny seeded generator (mulberry32), so the baseline draws the same batches every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The per-step part of the loop, synchronous (so tf.profile can count its kernels). */
export function makeBaselineTrainer(o: Omit<BaselineTrain, 'steps' | 'readEvery' | 'onStep'>) {
  const random = rng(o.seed);
  const count = o.data.shape[0];
  const shape = [o.batch, ...itemShape(o.net)];
  const weights = makeBaselineWeights(specsOf(o.net), o.seed);
  const ema = Object.fromEntries(Object.entries(weights).map(([k, v]) => [k, tf.variable(v, false)]));
  const varList = Object.values(weights);
  const optimizer = tf.train.adam(o.learningRate ?? 1e-3);
  const m = o.ema ?? 0.999;
  return {
    /** Step `i` (1-based); returns the loss, which the caller disposes. */
    step(i: number): tf.Scalar {
      const indices = Int32Array.from({ length: o.batch }, () => Math.floor(random() * count));
      const sigma = o.sigmas[Math.floor(random() * o.sigmas.length)];
      return tf.tidy(() => {
        const x = tf.gather(o.data, tf.tensor1d(indices, 'int32'));
        const z = tf.randomNormal(shape, 0, 1, 'float32', o.seed * 100003 + i);
        const noisy = tf.add(x, tf.mul(z, sigma));
        const sigmaVec = tf.fill([o.batch], sigma) as tf.Tensor1D;
        const cost = optimizer.minimize(
          () => tf.mul(tf.sum(tf.square(tf.add(forward(o.net, weights, noisy, sigmaVec), z))), 0.5 / o.batch),
          true,
          varList,
        )!;
        for (const [name, average] of Object.entries(ema))
          average.assign(tf.add(tf.mul(average, m), tf.mul(weights[name], 1 - m)));
        return cost;
      });
    },
    dispose() {
      optimizer.dispose();
      disposeBaselineWeights(weights);
      for (const v of Object.values(ema)) v.dispose();
    },
  };
}

export async function trainBaseline(o: BaselineTrain): Promise<BaselineTrainResult> {
  const started = performance.now();
  const trainer = makeBaselineTrainer(o);
  let lastLoss = NaN;
  try {
    for (let i = 1; i <= o.steps; i++) {
      const loss = trainer.step(i);
      if (o.readEvery === 1 || i % o.readEvery === 0 || i === o.steps) lastLoss = (await loss.data())[0];
      loss.dispose();
      o.onStep?.(i);
    }
  } finally {
    trainer.dispose();
  }
  return { seconds: (performance.now() - started) / 1000, lastLoss };
}
