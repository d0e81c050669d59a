/**
 * Identity on WASM sharing its input's data (a reference count more) instead of copying it, as
 * the cpu and WebGPU backends do. tfjs clones every tensor a gradient saves for the backward
 * pass through Identity (engine.clone): on the stock WASM kernel that is a copy of each saved
 * activation, ~350 copies (9 ms) in a training step of mnist-quick's net. Safe because nothing
 * writes a WASM tensor's data in place (our heap kernels write fresh outputs only, wasm-heap.ts).
 */
import * as tf from '@tensorflow/tfjs';

interface RefCountingBackend {
  incRef(dataId: tf.DataId): void;
}

export function registerSharedWasmIdentity(): void {
  if (tf.getKernel('Identity', 'wasm')) tf.unregisterKernel('Identity', 'wasm');
  tf.registerKernel({
    kernelName: 'Identity',
    backendName: 'wasm',
    kernelFunc: ({ inputs, backend }) => {
      const { x } = inputs as { x: tf.TensorInfo };
      (backend as unknown as RefCountingBackend).incRef(x.dataId);
      return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
    },
  });
}
