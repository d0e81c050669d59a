/** Frees the intermediate results a composed kernel made with other kernels' kernelFuncs. */
import type * as tf from '@tensorflow/tfjs';

type Info = tf.TensorInfo;

export function disposeIntermediates(backend: unknown, temps: Info[]): void {
  const b = backend as tf.KernelBackend & { disposeIntermediateTensorInfo?: (t: Info) => void };
  for (const t of temps) {
    if (b.disposeIntermediateTensorInfo) b.disposeIntermediateTensorInfo(t);
    else b.disposeData(t.dataId);
  }
}
