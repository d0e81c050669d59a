/**
 * Conv building blocks for the score net, each a few kernels on every backend: fused conv +
 * bias, dilated conv by space-to-batch (tfjs has no gradient for dilated conv2d), 2×2 mean
 * pool, and 2× nearest upsampling by stack + reshape (the cpu resize-nearest gradient is wrong
 * for batch > 1, runtime.md §1.3). All tensors stay rank 4, NHWC.
 */
import * as tf from '@tensorflow/tfjs';
import { fanInUniform, type WeightSpec } from './weights';

/** The weights of a k×k conv from `cin` to `cout` channels: `<name>/w` [k, k, cin, cout] and `<name>/b`. */
export function convSpecs(name: string, k: number, cin: number, cout: number): WeightSpec[] {
  const fanIn = k * k * cin;
  return [
    { name: `${name}/w`, shape: [k, k, cin, cout], init: fanInUniform(fanIn) },
    { name: `${name}/b`, shape: [cout], init: fanInUniform(fanIn) },
  ];
}

/**
 * A k×k (odd k) conv with bias, stride 1, zero 'same' padding and dilation `d`. For d > 1 the
 * input is padded by d(k−1)/2 (plus up to d−1 so the size divides by d), split into d×d phases
 * (space-to-batch), convolved 'valid', and put back — exactly the dilated conv.
 */
export function conv(x: tf.Tensor4D, w: tf.Tensor4D, b: tf.Tensor1D, dilation = 1): tf.Tensor4D {
  if (dilation === 1) return tf.fused.conv2d({ x, filter: w, bias: b, strides: 1, pad: 'same' });
  const [, height, width] = x.shape;
  const pad = (dilation * (w.shape[0] - 1)) / 2;
  const extra = (n: number) => (dilation - ((n + 2 * pad) % dilation)) % dilation;
  const [eh, ew] = [extra(height), extra(width)];
  const phases = tf.spaceToBatchND(
    x,
    [dilation, dilation],
    [
      [pad, pad + eh],
      [pad, pad + ew],
    ],
  );
  const y = tf.fused.conv2d({ x: phases, filter: w, bias: b, strides: 1, pad: 'valid' });
  return tf.batchToSpaceND(
    y,
    [dilation, dilation],
    [
      [0, eh],
      [0, ew],
    ],
  );
}

/** 2×2 mean pooling, stride 2 (even sizes). */
export function meanPool(x: tf.Tensor4D): tf.Tensor4D {
  return tf.avgPool(x, 2, 2, 'valid');
}

/** Nearest-neighbour 2× upsampling: every pixel becomes a 2×2 block. */
export function upsample2x(x: tf.Tensor4D): tf.Tensor4D {
  const [n, h, w, c] = x.shape;
  const columns = tf.reshape(tf.stack([x, x], 3), [n, h, 2 * w, c]);
  return tf.reshape(tf.stack([columns, columns], 2), [n, 2 * h, 2 * w, c]);
}
