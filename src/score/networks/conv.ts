/**
 * Conv building blocks for the score net, few and fast kernels on every backend, all rank ≤ 4:
 * - fused conv + bias with tfjs's own gradients (on WASM the runtime registers a fast input
 *   gradient, src/runtime/kernels/conv2d-backprop-input.ts; a custom gradient here was 40%
 *   slower on WebGPU and 10% on the cpu backend than the stock ones, bench/README.md);
 * - dilated conv by space-to-batch written with rank-4 transposes (tfjs has no gradient for
 *   conv2d with dilations, and its SpaceToBatchND goes through rank-6 tensors), or one op with
 *   its own gradient where the backend has the kernels for it (conv-op.ts: WebGPU, WASM);
 * - 2×2 mean pool, and 2× nearest upsampling by concat + reshape (the cpu resize-nearest
 *   gradient is wrong for batch > 1 in tfjs 4.22; stack's gradient is slow on WASM);
 * - RefineNet's pieces: 5×5 stride-1 max pool and average pool (PyTorch's AvgPool2d counts the
 *   zero padding), and bilinear resizing with align_corners as two small matMuls (exact, with
 *   the same gradient on every backend).
 */
import * as tf from '@tensorflow/tfjs';
import { ownGradConv } from './conv-op';
import { fanInUniform, type WeightSpec } from './weights';

/**
 * The weights of a k×k conv from `cin` to `cout` channels: `<name>/w` [k, k, cin, cout] and,
 * unless `bias` is false, `<name>/b` [cout].
 */
export function convSpecs(name: string, k: number, cin: number, cout: number, bias = true): WeightSpec[] {
  const fanIn = k * k * cin;
  const w: WeightSpec = { name: `${name}/w`, shape: [k, k, cin, cout], init: fanInUniform(fanIn) };
  return bias ? [w, { name: `${name}/b`, shape: [cout], init: fanInUniform(fanIn) }] : [w];
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
export function conv(x: tf.Tensor4D, w: tf.Tensor4D, b: tf.Tensor1D | undefined, dilation = 1): tf.Tensor4D {
  const k = w.shape[0];
  const own = ownGradConv(x, w, b, dilation);
  if (own) return own;
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

/** 5×5 max pool, stride 1, padding 2 (padding never wins, as in PyTorch's MaxPool2d). */
export function maxPool5(x: tf.Tensor4D): tf.Tensor4D {
  return tf.maxPool(x, 5, 1, 'same');
}

/** 5×5 average pool, stride 1, zero padding 2 counted in the mean (PyTorch's AvgPool2d default). */
export function avgPool5(x: tf.Tensor4D): tf.Tensor4D {
  const padded = tf.pad(x, [
    [0, 0],
    [2, 2],
    [2, 2],
    [0, 0],
  ]);
  return tf.avgPool(padded, 5, 1, 'valid');
}

/** Row i of the [to, from] matrix that resizes one axis linearly with align_corners. */
function alignCornersMatrix(to: number, from: number): Float32Array {
  const m = new Float32Array(to * from);
  for (let i = 0; i < to; i++) {
    const src = to > 1 ? (i * (from - 1)) / (to - 1) : 0;
    const j0 = Math.floor(src);
    const j1 = Math.min(j0 + 1, from - 1);
    const frac = src - j0;
    m[i * from + j0] += 1 - frac;
    m[i * from + j1] += frac;
  }
  return m;
}

/** Resizes the first axis of x [n, ...rest] to `to` rows: [to, n] · x. */
function resizeAxis0(x: tf.Tensor4D, to: number): tf.Tensor4D {
  const [n, a, b, c] = x.shape;
  const m = tf.tensor2d(alignCornersMatrix(to, n), [to, n]);
  return tf.reshape(tf.matMul(m, tf.reshape(x, [n, a * b * c])), [to, a, b, c]);
}

/**
 * Bilinear resize of x [B, h, w, C] to [B, height, width, C] with align_corners (PyTorch's
 * F.interpolate(mode='bilinear', align_corners=True)), as one matMul per axis.
 */
export function resizeBilinear(x: tf.Tensor4D, height: number, width: number): tf.Tensor4D {
  const [, h, w] = x.shape;
  if (h === height && w === width) return x;
  const rows = resizeAxis0(tf.transpose(x, [1, 0, 2, 3]), height); // [H, B, w, C]
  const cols = resizeAxis0(tf.transpose(rows, [2, 1, 0, 3]), width); // [W, B, H, C]
  return tf.transpose(cols, [1, 2, 0, 3]);
}
