/**
 * Test support: one DSM-free training signal (mean of the squared score) through a score network
 * with seeded weights, its gradient for every weight on WASM and on the pure-JS cpu backend with
 * the same weight values, and how far apart they are. The networks' tests assert on the result.
 */
import * as tf from '@tensorflow/tfjs';
import { useNodeBackend } from '../src/runtime/backend-node';
import { networkScore, type ScoreNetwork } from '../src/score/networks/network';
import { createWeights, disposeWeights, type WeightTensors } from '../src/score/networks/weights';

export interface NetworkBatch {
  x: tf.Tensor;
  sigma: tf.Tensor1D;
  labels: tf.Tensor1D;
}

/** Per weight: how many gradient values WASM gave, and max |wasm − cpu| ÷ max |cpu|. */
export async function wasmVsCpuGradients(
  net: ScoreNetwork,
  batch: () => NetworkBatch,
): Promise<{ name: string; length: number; relativeError: number }[]> {
  const gradients = async (backend: 'wasm' | 'cpu', init: Record<string, number[]> | null) => {
    await useNodeBackend(backend);
    const weights = createWeights(net.weightSpecs, 17);
    if (init) for (const [k, v] of Object.entries(weights)) v.assign(tf.tensor(init[k], v.shape));
    const values: Record<string, number[]> = {};
    for (const [k, v] of Object.entries(weights)) values[k] = Array.from(await v.data());
    const grads = tf.tidy(() => {
      const { x, sigma, labels } = batch();
      return tf.variableGrads(
        () => tf.mean(tf.square(networkScore(net, weights as WeightTensors, x, sigma, labels))),
        Object.values(weights),
      ).grads;
    });
    const out: Record<string, number[]> = {};
    for (const [k, v] of Object.entries(weights))
      out[k] = grads[v.name] ? Array.from(grads[v.name].dataSync()) : [];
    tf.dispose(grads);
    disposeWeights(weights);
    return { values, out };
  };
  const wasm = await gradients('wasm', null);
  const cpu = await gradients('cpu', wasm.values);
  return net.weightSpecs.map(({ name }) => {
    const a = wasm.out[name];
    const b = cpu.out[name];
    const scale = Math.max(1e-6, ...b.map(Math.abs));
    const err = Math.max(0, ...a.map((v, i) => Math.abs(v - b[i])));
    return { name, length: a.length, relativeError: err / scale };
  });
}
