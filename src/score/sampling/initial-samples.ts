/**
 * Where an annealed chain starts (docs/science.md §4): uniform noise on a range (both official
 * codebases, U[0,1]), Gaussian noise at the largest level (score_sde's VE sampler; centred on
 * the middle of the range), or data perturbed at the largest level (NCSNv2 `data_init`).
 */
import * as tf from '@tensorflow/tfjs';
import { makeSeedStream } from './seed-stream';

export type InitKind = 'uniform' | 'gaussian' | 'data';

export interface InitialSamplesOptions {
  init: InitKind;
  count: number;
  /** Shape of one item: [2] or [H, W, C]. */
  shape: readonly number[];
  /** [lo, hi] for 'uniform'; its middle is the mean for 'gaussian'. */
  range: readonly [number, number];
  /** σ_1, the largest sigma of the schedule. */
  sigmaMax: number;
  /** [N, ...shape] training data, for 'data'. */
  data?: tf.Tensor;
  seed: number;
}

/** A fresh [count, ...shape] tensor the caller owns. */
export function initialSamples({
  init,
  count,
  shape,
  range,
  sigmaMax,
  data,
  seed,
}: InitialSamplesOptions): tf.Tensor {
  const seeds = makeSeedStream(seed);
  const full = [count, ...shape];
  const [lo, hi] = range;
  switch (init) {
    case 'uniform':
      return tf.randomUniform(full, lo, hi, 'float32', seeds());
    case 'gaussian':
      return tf.randomNormal(full, (lo + hi) / 2, sigmaMax, 'float32', seeds());
    case 'data': {
      if (!data) throw new Error('Starting from data needs a dataset.');
      const n = data.shape[0];
      if (data.shape.slice(1).join() !== shape.join())
        throw new Error(`The dataset's items are [${data.shape.slice(1)}] but the samples are [${shape}].`);
      // A seeded draw of `count` items with replacement; the same seed picks the same items.
      const pick = makeSeedStream(seeds());
      const indices = Array.from({ length: count }, () => pick() % n);
      return tf.tidy(() => {
        const chosen = tf.gather(data, tf.tensor1d(indices, 'int32'));
        return tf.add(chosen, tf.mul(tf.randomNormal(full, 0, 1, 'float32', seeds()), sigmaMax));
      });
    }
  }
}
