/**
 * Conv building blocks for the score net, few and fast kernels on every backend, all rank ≤ 4:
 * - fused conv + bias with tfjs's own gradients (on WASM the runtime registers a fast input
 *   gradient, src/runtime/kernels/conv2d-backprop-input.ts; a custom gradient here was 40%
 *   slower on WebGPU and 10% on the cpu backend than the stock ones, bench/README.md);
 * - dilated conv by space-to-batch written with rank-4 transposes (tfjs has no gradient for
 *   conv2d with dilations, and its SpaceToBatchND goes through rank-6 tensors);
 * - 2×2 mean pool, and 2× nearest upsampling by concat + reshape (the cpu resize-nearest
 *   gradient is wrong for batch > 1, runtime.md §1.3; stack's gradient is slow on WASM).
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

/** Moves the d×d phases of x [B, H, W, C] (H, W divisible by d) into the batch: [d·d·B, H/d, W/d, C]. */
function toPhases(x: tf.Tensor4D, d: number): tf.Tensor4D {
  const [batch, height, width, channels] = x.shape;
  const [h, w] = [height / d, width / d];
  const rows = tf.transpose(tf.reshape(x, [batch * h, d, width, channels]), [1, 0, 2, 3]);
  const cols = tf.transpose(tf.reshape(rows, [d * batch * h, w, d, channels]), [2, 0, 1, 3]);
  return tf.reshape(cols, [d * d * batch, h, w, channels]);
}

/** The inverse of toPhases: [d·d·B, h, w, C] → [B, h·d, w·d, C]. */
function fromPhases(y: tf.Tensor4D, d: number): tf.Tensor4D {
  const [phasesBatch, h, w, channels] = y.shape;
  const batch = phasesBatch / (d * d);
  const cols = tf.transpose(tf.reshape(y, [d, d * batch * h, w, channels]), [1, 2, 0, 3]);
  const rows = tf.transpose(tf.reshape(cols, [d, batch * h, w * d, channels]), [1, 0, 2, 3]);
  return tf.reshape(rows, [batch, h * d, w * d, channels]);
}

/**
 * A k×k (odd k) conv with bias, stride 1, zero 'same' padding and dilation `d`. For d > 1 the
 * input is padded by d(k−1)/2 (plus up to d−1 so the size divides by d), split into its d×d
 * phases, convolved 'valid', put back and cropped — exactly the dilated conv.
 */
export function conv(x: tf.Tensor4D, w: tf.Tensor4D, b: tf.Tensor1D, dilation = 1): tf.Tensor4D {
  const k = w.shape[0];
  if (dilation === 1) return tf.fused.conv2d({ x, filter: w, bias: b, strides: 1, pad: 'same' });
  const [, height, width] = x.shape;
  const pad = (dilation * (k - 1)) / 2;
  const extra = (n: number) => (dilation - ((n + 2 * pad) % dilation)) % dilation;
  const padded = tf.pad(x, [
    [0, 0],
    [pad, pad + extra(height)],
    [pad, pad + extra(width)],
    [0, 0],
  ]);
  const phases = toPhases(padded, dilation);
  const y = fromPhases(
    tf.fused.conv2d({ x: phases, filter: w, bias: b, strides: 1, pad: 'valid' }),
    dilation,
  );
  return y.shape[1] === height && y.shape[2] === width
    ? y
    : tf.slice(y, [0, 0, 0, 0], [-1, height, width, -1]);
}

/** 2×2 mean pooling, stride 2 (even sizes). */
export function meanPool(x: tf.Tensor4D): tf.Tensor4D {
  return tf.avgPool(x, 2, 2, 'valid');
}

/** Nearest-neighbour 2× upsampling: every pixel becomes a 2×2 block. */
export function upsample2x(x: tf.Tensor4D): tf.Tensor4D {
  const [n, h, w, c] = x.shape;
  const columns = tf.reshape(tf.concat([x, x], 3), [n, h, 2 * w, c]);
  return tf.reshape(tf.concat([columns, columns], 2), [n, 2 * h, 2 * w, c]);
}
