/**
 * Adam + EMA of every weight on WASM as one loop per weight over the heap (parameter-update.ts
 * has the equations), instead of tf.train.adam + updateEma's ~15 tfjs ops per weight, each a
 * call into WASM. Same numbers as the composed update: the moments are kept in float32 and the
 * bias corrections use β^t accumulated in float32, as tf.train.adam does.
 *
 * New weights are written to fresh heap tensors and assigned, never in place: a weight's data
 * may be shared (snapshots and the EMA's first copy share it until the weight is assigned).
 */
import * as tf from '@tensorflow/tfjs';
import type { Weights } from '../../score/networks/weights';
import {
  registerParameterUpdate,
  type AdamSettings,
  type ParameterUpdate,
} from '../../score/parameter-update';
import { activeWasmHeap } from './wasm-heap';

export function wasmParameterUpdate(params: Weights, ema: Weights, adam: AdamSettings): ParameterUpdate {
  const names = Object.keys(params);
  for (const name of names)
    if (!ema[name] || ema[name].size !== params[name].size)
      throw new Error(`Adam + EMA: the EMA shadow lacks a weight "${name}" of the params' shape.`);
  const m = new Map(names.map((name) => [name, new Float32Array(params[name].size)]));
  const v = new Map(names.map((name) => [name, new Float32Array(params[name].size)]));
  const f32 = Math.fround;
  let accBeta1 = f32(adam.beta1);
  let accBeta2 = f32(adam.beta2);
  let steps = 0;

  return {
    apply(grads, emaDecay, lr) {
      const heap = activeWasmHeap();
      const { beta1, beta2, epsilon } = adam;
      const correct1 = f32(1 - accBeta1);
      const correct2 = f32(1 - accBeta2);
      tf.tidy(() => {
        for (const name of names) {
          const param = params[name];
          const shadow = ema[name];
          const grad = grads[name];
          const newTheta = grad ? heap.allocate(param.shape) : null;
          const newShadow = heap.allocate(shadow.shape);
          const theta = heap.view(param);
          const average = heap.view(shadow);
          const nextAverage = heap.view(newShadow);
          if (grad && newTheta) {
            const g = heap.view(grad);
            const next = heap.view(newTheta);
            const first = m.get(name)!;
            const second = v.get(name)!;
            for (let i = 0; i < g.length; i++) {
              first[i] = beta1 * first[i] + (1 - beta1) * g[i];
              second[i] = beta2 * second[i] + (1 - beta2) * g[i] * g[i];
              next[i] = theta[i] - (lr * (first[i] / correct1)) / (Math.sqrt(second[i] / correct2) + epsilon);
              nextAverage[i] = next[i] + (average[i] - next[i]) * emaDecay;
            }
            param.assign(tf.engine().makeTensorFromTensorInfo(newTheta));
          } else {
            for (let i = 0; i < theta.length; i++)
              nextAverage[i] = theta[i] + (average[i] - theta[i]) * emaDecay;
          }
          shadow.assign(tf.engine().makeTensorFromTensorInfo(newShadow));
        }
      });
      accBeta1 = f32(accBeta1 * f32(beta1));
      accBeta2 = f32(accBeta2 * f32(beta2));
      steps++;
    },
    get steps() {
      return steps;
    },
    dispose() {
      m.clear();
      v.clear();
    },
  };
}

export function registerWasmParameterUpdate(): void {
  registerParameterUpdate('wasm', wasmParameterUpdate);
}
