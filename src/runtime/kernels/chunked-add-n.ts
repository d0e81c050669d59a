/**
 * AddN that never binds more inputs than a shader stage may: WebGPU's AddN (tfjs 4.22) binds
 * every input as a storage buffer in one program, and past the device's
 * maxStorageBuffersPerShaderStage (8 on SwiftShader: 7 inputs + the output) the pipeline is
 * invalid — the result is stale and the other work in the same submit is lost. Measured in
 * bench/: training with the weight checksum (addN over every weight) read back loss 0 and
 * learned nothing on WebGPU. Concat already splits its inputs this way.
 */
import * as tf from '@tensorflow/tfjs';
import { disposeIntermediates } from './dispose-intermediates';

type Info = tf.TensorInfo;

const registered = new Set<string>();

/**
 * Wraps AddN of `backendName`: sums at most `maxInputs` inputs per kernel call, then the partial
 * sums. `maxInputs` defaults to the WebGPU device limit minus the output buffer.
 */
export function registerChunkedAddN(backendName: string, maxInputs?: number): void {
  if (registered.has(backendName)) return;
  const stock = tf.getKernel('AddN', backendName);
  if (!stock) throw new Error(`Backend ${backendName} lacks AddN.`);
  tf.unregisterKernel('AddN', backendName);
  tf.registerKernel({
    kernelName: 'AddN',
    backendName,
    kernelFunc: (args) => {
      const backend = args.backend as tf.KernelBackend & {
        device?: { limits: { maxStorageBuffersPerShaderStage: number } };
      };
      const limit = Math.max(
        2,
        maxInputs ?? (backend.device?.limits.maxStorageBuffersPerShaderStage ?? 8) - 1,
      );
      let inputs = Object.values(args.inputs) as Info[];
      if (inputs.length <= limit) return stock.kernelFunc(args);
      const temps: Info[] = [];
      while (inputs.length > limit) {
        const partials: Info[] = [];
        for (let i = 0; i < inputs.length; i += limit) {
          const chunk = inputs.slice(i, i + limit);
          if (chunk.length === 1) {
            partials.push(chunk[0]);
            continue;
          }
          const sum = stock.kernelFunc({
            inputs: chunk as unknown as tf.NamedTensorInfoMap,
            backend,
            attrs: {},
          }) as Info;
          temps.push(sum);
          partials.push(sum);
        }
        inputs = partials;
      }
      const out = stock.kernelFunc({
        inputs: inputs as unknown as tf.NamedTensorInfoMap,
        backend,
        attrs: {},
      }) as Info;
      disposeIntermediates(backend, temps);
      return out;
    },
  });
  registered.add(backendName);
}
