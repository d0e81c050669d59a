/**
 * The baseline's own weights: a list of (name, shape, init) and plain tf.Variables made from it.
 * Names and shapes follow src/score/networks on purpose, so the bench can load the library's
 * weights into the baseline and check that both compute the same function.
 */
import * as tf from '@tensorflow/tfjs';

export interface BaselineSpec {
  name: string;
  shape: number[];
  /** 'fan-in' = U(±1/√fan_in) (PyTorch's default); 'one' / 'zero' for norm parameters. */
  init: 'fan-in' | 'one' | 'zero';
  fanIn?: number;
}

export type BaselineWeights = Record<string, tf.Variable>;

let made = 0;

export function makeBaselineWeights(specs: readonly BaselineSpec[], seed: number): BaselineWeights {
  const prefix = `baseline${++made}`;
  return tf.tidy(() => {
    const weights: BaselineWeights = {};
    specs.forEach((spec, i) => {
      const bound = 1 / Math.sqrt(spec.fanIn ?? 1);
      const value =
        spec.init === 'fan-in'
          ? tf.randomUniform(spec.shape, -bound, bound, 'float32', seed * 1000 + i + 1)
          : tf.fill(spec.shape, spec.init === 'one' ? 1 : 0);
      weights[spec.name] = tf.variable(value, true, `${prefix}/${spec.name}`);
    });
    return weights;
  });
}

export function disposeBaselineWeights(weights: BaselineWeights): void {
  for (const v of Object.values(weights)) v.dispose();
}
