/** Repeats each item of a batch k times in a row: [a, b] → [a, a, a, b, b, b] (rank kept, via gather). */
import * as tf from '@tensorflow/tfjs';

/** Row indices [0 × k, 1 × k, …] for a batch of n items. */
export function repeatIndices(n: number, k: number): tf.Tensor1D {
  return tf.tensor1d(
    Array.from({ length: n * k }, (_, i) => Math.floor(i / k)),
    'int32',
  );
}

/** x [N, ...] → [N·k, ...], each item k times in a row. A new tensor the caller owns. */
export function repeatEach(x: tf.Tensor, k: number): tf.Tensor {
  return tf.tidy(() => tf.gather(x, repeatIndices(x.shape[0], k)));
}
