/** Reads the first items of a batch back to plain numbers, for previews and viewers (async, never dataSync). */
import * as tf from '@tensorflow/tfjs';

export interface ItemValues {
  values: Float32Array;
  /** [count read, ...item shape] */
  shape: number[];
}

/** The first `max` items of x [N, ...shape] as float32 values. */
export async function readItems(x: tf.Tensor, max: number = x.shape[0]): Promise<ItemValues> {
  const count = Math.max(0, Math.min(max, x.shape[0]));
  const head = tf.tidy(() => tf.cast(count === x.shape[0] ? x : tf.slice(x, 0, count), 'float32'));
  try {
    const values = (await head.data()) as Float32Array;
    return { values, shape: [count, ...x.shape.slice(1)] };
  } finally {
    head.dispose();
  }
}
