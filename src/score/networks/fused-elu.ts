/**
 * ELU(linear + bias) and ELU(conv + bias) as one forward program, on backends that ask for it
 * (WebGPU, where each program costs ~0.45 ms of CPU time: issue 9). tfjs's fused matMul and conv
 * run ELU in their epilogue but only differentiate linear and relu, so these ops bring their own
 * gradient: dpre = EluGrad(dy, y), then the matMul / conv gradients and the bias sum. Elsewhere
 * (WASM, cpu: their timings are tuned on the plain ops) the ELU stays a separate op after
 * conv.ts's conv, which brings its own gradient where the backend has the kernels (conv-op.ts).
 */
import * as tf from '@tensorflow/tfjs';
import { conv } from './conv';
import { convGrads } from './conv-op';

const backends = new Set<string>();

/** Runs ELU inside the matMul / conv programs while `backendName` is active (`on` false: not; the bench's stock rows). */
export function useFusedElu(backendName: string, on = true): void {
  if (on) backends.add(backendName);
  else backends.delete(backendName);
}

/** Whether the active backend runs ELU inside the matMul or conv before it (InstanceNorm++'s ELU fuses wherever its kernel exists: norms.ts). */
export function fusesElu(): boolean {
  return backends.has(tf.getBackend());
}

const eluGrad = (dy: tf.Tensor, y: tf.Tensor) => tf.engine().runKernel('EluGrad', { dy, y }) as tf.Tensor;

// tfjs types the arguments as (Tensor | GradSaveFunc)[]: the inputs, then save.
const dense = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
  const [h, w, b, save] = args as [tf.Tensor2D, tf.Tensor2D, tf.Tensor1D, tf.GradSaveFunc];
  // The kernel itself: tf.fused.* un-fuses an ELU while a gradient is being recorded.
  const y = tf
    .engine()
    .runKernel(
      '_FusedMatMul',
      { a: h, b: w, bias: b },
      { transposeA: false, transposeB: false, activation: 'elu' },
    ) as tf.Tensor2D;
  save([h, w, y]);
  return {
    value: y,
    gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) => {
      const [hs, ws, ys] = saved as [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D];
      const pre = eluGrad(dy as tf.Tensor, ys) as tf.Tensor2D;
      return [tf.matMul(pre, ws, false, true), tf.matMul(hs, pre, true, false), tf.sum(pre, 0)];
    },
  };
});

const fusedConvElu = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
  const [x, w, b, save] = args as [tf.Tensor4D, tf.Tensor4D, tf.Tensor1D, tf.GradSaveFunc];
  const y = tf
    .engine()
    .runKernel(
      'FusedConv2D',
      { x, filter: w, bias: b },
      { strides: [1, 1], pad: 'same', dataFormat: 'NHWC', dilations: [1, 1], activation: 'elu' },
    ) as tf.Tensor4D;
  save([x, w, y]);
  return {
    value: y,
    gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) => {
      const [xs, ws, ys] = saved as [tf.Tensor4D, tf.Tensor4D, tf.Tensor4D];
      return convGrads(xs, ws, eluGrad(dy as tf.Tensor, ys) as tf.Tensor4D, 1, true);
    },
  };
});

/** ELU(h·w + b) for h [B, in], w [in, out], b [out]. */
export function denseElu(h: tf.Tensor2D, w: tf.Tensor2D, b: tf.Tensor1D): tf.Tensor2D {
  if (fusesElu()) return dense(h, w, b) as tf.Tensor2D;
  return tf.elu(tf.fused.matMul({ a: h, b: w, bias: b })) as tf.Tensor2D;
}

/** ELU(conv(x, w) + b), 'same' padding, stride 1, no dilation. */
export function convElu(x: tf.Tensor4D, w: tf.Tensor4D, b: tf.Tensor1D): tf.Tensor4D {
  if (fusesElu()) return fusedConvElu(x, w, b) as tf.Tensor4D;
  return tf.elu(conv(x, w, b));
}
