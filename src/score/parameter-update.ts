/**
 * The update half of a training step: given the loss gradients, Adam moves the weights and the
 * EMA shadow follows them (docs/science.md §3):
 *
 *   m ← β1·m + (1 − β1)·g        v ← β2·v + (1 − β2)·g²
 *   θ ← θ − lr · (m / (1 − β1ᵗ)) / (√(v / (1 − β2ᵗ)) + ε)
 *   shadow ← θ + (shadow − θ)·decay
 *
 * Kept apart from the gradient half so gradients can come from anywhere (one batch, or summed
 * over micro-batches). `composed` is tf.train.adam + updateEma (cpu, wasm, webgl); a backend can
 * register a fused version (WebGPU: one multi-tensor kernel for all weights, runtime/kernels/).
 */
import * as tf from '@tensorflow/tfjs';
import { updateEma } from './ema';
import type { Weights } from './networks/weights';

export interface AdamSettings {
  /** The base rate; each step's rate comes with the step (lr-schedule.ts). */
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
}

export interface ParameterUpdate {
  /**
   * One Adam step at rate `learningRate` on every weight that has a gradient (by weight name),
   * then the EMA update of every weight with `emaDecay`. Reads nothing back; call inside tf.tidy.
   */
  apply(grads: tf.NamedTensorMap, emaDecay: number, learningRate: number): void;
  /** Adam updates applied so far (t in the bias corrections). */
  readonly steps: number;
  /** Frees the Adam moments and anything else the update holds (not the weights). */
  dispose(): void;
}

export type ParameterUpdateFactory = (params: Weights, ema: Weights, adam: AdamSettings) => ParameterUpdate;

/** tf.train.adam over the params in their fixed order (Adam keeps its moments by position), then updateEma. */
export function composedParameterUpdate(params: Weights, ema: Weights, adam: AdamSettings): ParameterUpdate {
  const optimizer = tf.train.adam(adam.learningRate, adam.beta1, adam.beta2, adam.epsilon);
  const names = Object.keys(params);
  let steps = 0;
  return {
    apply(grads, emaDecay, learningRate) {
      // tfjs reads the rate at every applyGradients (the field is protected in its typings).
      (optimizer as unknown as { learningRate: number }).learningRate = learningRate;
      tf.tidy(() => {
        // Every weight at its fixed position (Adam keeps its moments by position); tfjs skips
        // a position whose gradient is missing.
        optimizer.applyGradients(names.map((name) => ({ name: params[name].name, tensor: grads[name] })));
        updateEma(ema, params, tf.scalar(emaDecay));
      });
      steps++;
    },
    get steps() {
      return steps;
    },
    dispose: () => optimizer.dispose(),
  };
}

const fused = new Map<string, ParameterUpdateFactory>();

/** A backend's own update (same numbers as `composedParameterUpdate`), used while that backend is active. */
export function registerParameterUpdate(backendName: string, factory: ParameterUpdateFactory): void {
  fused.set(backendName, factory);
}

/** The update for the active backend: its registered one, else the composed one. */
export function makeParameterUpdate(params: Weights, ema: Weights, adam: AdamSettings): ParameterUpdate {
  const factory = fused.get(tf.getBackend()) ?? composedParameterUpdate;
  return factory(params, ema, adam);
}
