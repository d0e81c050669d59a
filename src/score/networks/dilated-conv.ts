/**
 * A 'same'-padded, stride-1 dilated conv + bias as one op with its own gradient, where the
 * backend registers input and filter gradients that take dilations (WebGPU:
 * src/runtime/kernels/webgpu-dilated-conv2d-backprop-input.ts, webgpu-conv2d-backprop-filter.ts). tfjs's conv2d runs dilations forward but
 * has no gradient for them; conv.ts otherwise moves the d×d phases into the batch (pad, four
 * transposes, a crop: ~22 programs a conv with its gradient, ~7 here). Returns null elsewhere.
 *
 *   y  = conv_d(x, w) + b
 *   dx = conv_d(dy, w flipped in space, in/out channels swapped)   ('same' padding is symmetric)
 *   dw = Σ_{b,y,x} x[b, y + d·kh − d, x + d·kw − d, ci] · dy[b, y, x, co],   db = Σ dy
 */
import * as tf from '@tensorflow/tfjs';

const FILTER_GRAD = 'SgConv2DBackpropFilterDilated';
const INPUT_GRAD = 'SgConv2DBackpropInputDilated';

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
        const g = dy as tf.Tensor4D;
        const [xs, ws] = saved as [tf.Tensor4D, tf.Tensor4D];
        const dx = tf
          .engine()
          .runKernel(INPUT_GRAD, { dy: g, filter: ws }, { dilations: dilation }) as tf.Tensor4D;
        const dw = tf.engine().runKernel(
          FILTER_GRAD,
          { x: xs, dy: g },
          {
            strides: [1, 1],
            pad: 'same',
            dataFormat: 'NHWC',
            dilations: [dilation, dilation],
            filterShape: ws.shape,
          },
        ) as tf.Tensor4D;
        return withBias ? [dx, dw, tf.sum(g, [0, 1, 2])] : [dx, dw];
      },
    };
  });
}

const ops = new Map<string, ReturnType<typeof makeOp>>();

/** conv_d(x, w) + b with 'same' padding, or null when the backend has no dilated filter gradient. */
export function directDilatedConv(
  x: tf.Tensor4D,
  w: tf.Tensor4D,
  b: tf.Tensor1D | undefined,
  dilation: number,
): tf.Tensor4D | null {
  const backend = tf.getBackend();
  if (!tf.getKernel(FILTER_GRAD, backend) || !tf.getKernel(INPUT_GRAD, backend)) return null;
  const key = `${dilation}/${b !== undefined}`;
  let op = ops.get(key);
  if (!op) ops.set(key, (op = makeOp(dilation, b !== undefined)));
  return (b ? op(x, w, b) : op(x, w)) as tf.Tensor4D;
}
