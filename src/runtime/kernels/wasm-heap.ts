/**
 * The WASM backend's tensors as Float32Arrays over its heap, for kernels written as plain
 * loops in TypeScript (wasm-instance-norm.ts, wasm-adam-ema.ts): one pass over the data
 * instead of the ~15–50 small tfjs ops they replace, each of which costs a call into WASM.
 *
 * Views are only valid until the heap grows: allocate every output first, then take views.
 */
import * as tf from '@tensorflow/tfjs';

/** What this file needs of tfjs-backend-wasm's BackendWasm (its declared public methods). */
interface WasmBackend {
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  typedArrayFromHeap(info: tf.TensorInfo): Float32Array;
}

export interface WasmHeap {
  /** A new float32 tensor's storage (uninitialised). */
  allocate(shape: number[]): tf.TensorInfo;
  /** The float32 values of `info`, in place on the heap. */
  view(info: tf.TensorInfo): Float32Array;
}

export function wasmHeap(backend: unknown): WasmHeap {
  const wasm = backend as WasmBackend;
  return {
    allocate: (shape) => wasm.makeOutput(shape, 'float32'),
    view: (info) => {
      if (info.dtype !== 'float32') throw new Error(`A WASM heap kernel got a ${info.dtype} tensor.`);
      return wasm.typedArrayFromHeap(info);
    },
  };
}

/** The active backend's heap; throws when the active backend is not WASM. */
export function activeWasmHeap(): WasmHeap {
  if (tf.getBackend() !== 'wasm') throw new Error(`Expected the WASM backend, found ${tf.getBackend()}.`);
  return wasmHeap(tf.backend());
}
