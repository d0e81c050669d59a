/**
 * InstanceNorm++ (optionally followed by ELU) as one op with its own gradient, where the backend
 * registers kernels for it (WebGPU: src/runtime/kernels/webgpu-instance-norm.ts, 5 programs
 * instead of ~55, ELU and its gradient included; WASM: wasm-instance-norm.ts, two loops).
 * Returns null elsewhere, and norms.ts composes the layer from tfjs ops.
 */
import * as tf from '@tensorflow/tfjs';

/** The kernel names a backend registers to fuse the layer (runtime/kernels/*-instance-norm.ts). */
export const INSTANCE_NORM_KERNEL = 'SgInstanceNormPlus';
export const INSTANCE_NORM_GRAD_KERNEL = 'SgInstanceNormPlusGrad';
const MAX_CHANNELS = 1024;

function makeOp(elu: boolean) {
  // tfjs types the arguments as (Tensor | GradSaveFunc)[]: x, affine, then save.
  return tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [x, affine, save] = args as [tf.Tensor, tf.Tensor, tf.GradSaveFunc];
    const value = tf.engine().runKernel(INSTANCE_NORM_KERNEL, { x, affine }, { elu }) as tf.Tensor;
    // With the ELU, the output too: ELU′ = output + 1 where it is negative (as tfjs's EluGrad).
    save(elu ? [x, affine, value] : [x, affine]);
    return {
      value,
      gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) => {
        const [xs, as, ys] = saved;
        const inputs = { dy: dy as tf.Tensor, x: xs, affine: as, ...(ys ? { y: ys } : {}) };
        return tf.engine().runKernel(INSTANCE_NORM_GRAD_KERNEL, inputs, { elu }) as tf.Tensor[];
      },
    };
  });
}

const ops = { plain: makeOp(false), elu: makeOp(true) };

/**
 * gamma·(IN(x) + alpha·μ̃) + beta with affine [R, 1, 1, 3C] = [gamma | alpha | beta], then ELU
 * when `elu`; null when not fused here.
 */
export function fusedInstanceNormPlus(x: tf.Tensor4D, affine: tf.Tensor4D, elu = false): tf.Tensor4D | null {
  const backend = tf.getBackend();
  if (!tf.getKernel(INSTANCE_NORM_KERNEL, backend) || !tf.getKernel(INSTANCE_NORM_GRAD_KERNEL, backend))
    return null;
  if (x.shape[3] > MAX_CHANNELS || x.shape[1] * x.shape[2] === 0) return null;
  return (elu ? ops.elu : ops.plain)(x, affine) as tf.Tensor4D;
}
