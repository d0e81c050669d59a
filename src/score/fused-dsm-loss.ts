/**
 * The DSM loss's per-sample ½‖s·out + z‖² (dsm.ts) as one op with its own gradient, where the
 * backend registers kernels for it (WebGPU: src/runtime/kernels/webgpu-dsm-loss.ts, one program
 * each way instead of ~12). Returns null elsewhere, and dsm.ts composes it from tfjs ops.
 */
import * as tf from '@tensorflow/tfjs';

const FORWARD = 'SgDsmPerSample';
const GRADIENT = 'SgDsmPerSampleGrad';

/**
 * ½ Σ_i (s_b·out_bi + z_bi)² per sample [B], s = `sigma` [B] or 1 when null; the gradient flows to
 * `out` only (z and σ are data).
 */
export function fusedDsmPerSample(
  out: tf.Tensor,
  noise: tf.Tensor,
  sigma: tf.Tensor1D | null,
): tf.Tensor1D | null {
  const backend = tf.getBackend();
  if (!tf.getKernel(FORWARD, backend) || !tf.getKernel(GRADIENT, backend)) return null;
  const data: tf.NamedTensorMap = sigma ? { noise, sigma } : { noise };
  // z and σ come in through the closure: they are no inputs of the op, so no gradient goes to them.
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [o, save] = args as [tf.Tensor, tf.GradSaveFunc];
    save([o]);
    return {
      value: tf.engine().runKernel(FORWARD, { out: o, ...data }) as tf.Tensor,
      gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) =>
        tf.engine().runKernel(GRADIENT, { dy: dy as tf.Tensor, out: saved[0], ...data }) as tf.Tensor,
    };
  });
  return op(out) as tf.Tensor1D;
}
