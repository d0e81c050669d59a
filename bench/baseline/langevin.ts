/**
 * The hand-written annealed Langevin loop (NCSNv2 rule): for each σ_i, T steps of
 * x ← x + α_i s + √(2α_i) z with α_i = ε σ_i²/σ_L², one tf.tidy per step, then the final
 * denoising step x + σ_L² s(x, σ_L). Reads the samples back once, at the end.
 */
import * as tf from '@tensorflow/tfjs';
import { forward, itemShape, type BenchNet } from './nets';

export interface BaselineSample {
  net: BenchNet;
  weights: Record<string, tf.Tensor>;
  sigmas: readonly number[];
  count: number;
  stepsPerSigma: number;
  epsilon: number;
  seed: number;
  onStep?: (i: number) => void;
}

export async function sampleBaseline(o: BaselineSample): Promise<{ seconds: number; mean: number }> {
  const started = performance.now();
  const last = o.sigmas[o.sigmas.length - 1];
  let x = tf.randomUniform([o.count, ...itemShape(o.net)], 0, 1, 'float32', o.seed);
  let step = 0;
  const score = (input: tf.Tensor, sigmaVec: tf.Tensor1D, sigma: number) =>
    tf.div(forward(o.net, o.weights, input, sigmaVec), sigma);
  for (const sigma of o.sigmas) {
    const alpha = (o.epsilon * sigma * sigma) / (last * last);
    const sigmaVec = tf.fill([o.count], sigma) as tf.Tensor1D;
    for (let t = 0; t < o.stepsPerSigma; t++) {
      const current = x;
      const seed = o.seed * 7919 + ++step;
      x = tf.tidy(() => {
        const z = tf.randomNormal(current.shape, 0, 1, 'float32', seed);
        return tf.add(
          tf.add(current, tf.mul(score(current, sigmaVec, sigma), alpha)),
          tf.mul(z, Math.sqrt(2 * alpha)),
        );
      });
      current.dispose();
      o.onStep?.(step);
    }
    sigmaVec.dispose();
  }
  const noisy = x;
  x = tf.tidy(() => {
    const sigmaVec = tf.fill([o.count], last) as tf.Tensor1D;
    return tf.add(noisy, tf.mul(score(noisy, sigmaVec, last), last * last));
  });
  noisy.dispose();
  const values = await x.data();
  x.dispose();
  let sum = 0;
  for (const v of values as Float32Array) sum += v;
  const mean = sum / values.length;
  return { seconds: (performance.now() - started) / 1000, mean };
}
