/**
 * A 'same'-padded, stride-1 conv + bias (any dilation) as one op with its own gradient, where the
 * backend registers the kernels it needs (WebGPU: src/runtime/kernels/webgpu-conv2d-backprop-filter.ts,
 * webgpu-dilated-conv2d-backprop-input.ts; WASM: wasm-conv-op.ts). Two things tfjs's fused conv2d cannot do:
 * - dilations in the gradient (conv.ts otherwise moves the d×d phases into the batch: a pad,
 *   four transposes and a crop each way, ~22 programs a conv with its gradient, ~6 here);
 * - the bias gradient out of the filter gradient's program (tfjs sums dy in a program of its own).
 * Returns null elsewhere.
 *
 *   y  = conv_d(x, w) + b
 *   dx = conv_d(dy, w flipped in space, in/out channels swapped)   ('same' padding is symmetric)
 *   dw = Σ_{b,y,x} x[b, y + d·kh − d, x + d·kw − d, ci] · dy[b, y, x, co],   db = Σ dy
 */
import * as tf from '@tensorflow/tfjs';

/** The kernels a backend registers for this op (Conv2DBackpropFilter's inputs and attrs + dilations). */
export const FILTER_GRAD = 'SgConv2DBackpropFilterDilated';
/** The same, returning [dw, db]. */
export const FILTER_BIAS_GRAD = 'SgConv2DBackpropFilterBias';
/** dx from { dy, filter }, attrs { dilations }. */
export const INPUT_GRAD = 'SgConv2DBackpropInputDilated';

const SAME = { strides: [1, 1], pad: 'same', dataFormat: 'NHWC' } as const;

/**
 * The gradients of y = conv_d(x, w) [+ b] ('same', stride 1) for dy: [dx, dw] or [dx, dw, db],
 * the filter and bias gradients from one kernel. Callers run only where the backend registers the
 * op's kernels (ownGradConv checks; fused-elu.ts runs on WebGPU, which has them).
 */
export function convGrads(
  x: tf.Tensor4D,
  w: tf.Tensor4D,
  dy: tf.Tensor4D,
  d: number,
  withBias: boolean,
): tf.Tensor[] {
  const engine = tf.engine();
  const dx = (
    d === 1
      ? engine.runKernel('Conv2DBackpropInput', { dy, filter: w }, { ...SAME, inputShape: x.shape })
      : engine.runKernel(INPUT_GRAD, { dy, filter: w }, { dilations: d })
  ) as tf.Tensor4D;
  const attrs = { ...SAME, dilations: [d, d], filterShape: w.shape };
  const grads = engine.runKernel(withBias ? FILTER_BIAS_GRAD : FILTER_GRAD, { x, dy }, attrs) as
    tf.Tensor | tf.Tensor[];
  return [dx, ...(Array.isArray(grads) ? grads : [grads])];
}

function makeOp(dilation: number, withBias: boolean) {
  // tfjs types the arguments as (Tensor | GradSaveFunc)[]: x, w, [b,] then save.
  return tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [x, w] = args as [tf.Tensor4D, tf.Tensor4D];
    const bias = withBias ? (args[2] as tf.Tensor1D) : undefined;
    const save = args[args.length - 1] as tf.GradSaveFunc;
    save([x, w]);
    const value = tf.fused.conv2d({ x, filter: w, bias, strides: 1, pad: 'same', dilations: dilation });
    return {
      value,
      gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) => {
        const [xs, ws] = saved as [tf.Tensor4D, tf.Tensor4D];
        return convGrads(xs, ws, dy as tf.Tensor4D, dilation, withBias);
      },
    };
  });
}

const ops = new Map<string, ReturnType<typeof makeOp>>();

/**
 * conv_d(x, w) + b with 'same' padding and stride 1, or null when the backend lacks the kernels
 * (then: tfjs's fused conv2d for d = 1, space-to-batch phases for d > 1, in conv.ts).
 */
export function ownGradConv(
  x: tf.Tensor4D,
  w: tf.Tensor4D,
  b: tf.Tensor1D | undefined,
  dilation: number,
): tf.Tensor4D | null {
  const backend = tf.getBackend();
  const needs = [FILTER_BIAS_GRAD, ...(dilation > 1 ? [INPUT_GRAD, FILTER_GRAD] : [])];
  if (!needs.every((k) => tf.getKernel(k, backend))) return null;
  if (dilation === 1 && !b) return null; // nothing to gain over tfjs's own gradient
  const key = `${dilation}/${b !== undefined}`;
  let op = ops.get(key);
  if (!op) ops.set(key, (op = makeOp(dilation, b !== undefined)));
  return (b ? op(x, w, b) : op(x, w)) as tf.Tensor4D;
}
