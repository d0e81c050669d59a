/**
 * Conv building blocks for the score net, few and fast kernels on every backend, all rank ≤ 4:
 * - conv + bias with a custom gradient: the input gradient is a forward conv with the flipped
 *   filter (WASM's Conv2DBackpropInput is a naive loop, ~10× slower than its XNNPACK conv);
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

type ConvFn = (x: tf.Tensor4D, w: tf.Tensor4D, b: tf.Tensor1D) => tf.Tensor4D;
const convByPadding = new Map<number, ConvFn>();

/** Stride-1 conv + bias with `padding` zeros on every side (k−1 ≥ 2·padding), and its fast gradient. */
function paddedConv(padding: number): ConvFn {
  let fn = convByPadding.get(padding);
  if (fn) return fn;
  const custom = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [x, w, b, save] = args as [tf.Tensor4D, tf.Tensor4D, tf.Tensor1D, tf.GradSaveFunc];
    save([x, w]);
    return {
      value: tf.fused.conv2d({ x, filter: w, bias: b, strides: 1, pad: padding }),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [xs, ws] = saved as [tf.Tensor4D, tf.Tensor4D];
        const k = ws.shape[0];
        // dx is the correlation of dy, padded by k−1−p, with the filter flipped and in/out swapped.
        const flipped = tf.transpose(tf.reverse(ws, [0, 1]), [0, 1, 3, 2]) as tf.Tensor4D;
        const dx = tf.conv2d(dy as tf.Tensor4D, flipped, 1, k - 1 - padding);
        const dw = tf
          .engine()
          .runKernel(
            'Conv2DBackpropFilter',
            { x: xs, dy },
            { strides: [1, 1], pad: padding, dataFormat: 'NHWC', filterShape: ws.shape },
          ) as tf.Tensor;
        return [dx, dw, tf.sum(dy, [0, 1, 2])];
      },
    };
  });
  fn = custom as unknown as ConvFn;
  convByPadding.set(padding, fn);
  return fn;
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
  if (dilation === 1) return paddedConv((k - 1) / 2)(x, w, b);
  const [, height, width] = x.shape;
  const pad = (dilation * (k - 1)) / 2;
  const extra = (n: number) => (dilation - ((n + 2 * pad) % dilation)) % dilation;
  const padded = tf.pad(x, [
    [0, 0],
    [pad, pad + extra(height)],
    [pad, pad + extra(width)],
    [0, 0],
  ]);
  const y = fromPhases(paddedConv(0)(toPhases(padded, dilation), w, b), dilation);
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
