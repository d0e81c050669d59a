/**
 * An MLP score network for points (or any flattened data): input [x, log sigma], `depth`
 * hidden layers of `width` units with ELU or SiLU, a linear output of the data's dimension
 * (no output activation). With `divideBySigma` the score is f(x, log sigma)/sigma (NCSNv2
 * Technique 3 on top of the sigma input), which keeps the output O(1) at every level.
 */
import * as tf from '@tensorflow/tfjs';
import { denseElu } from './fused-elu';
import type { ScoreNetwork } from './network';
import { fanInUniform, type WeightSpec, type WeightTensors } from './weights';

export interface MlpConfig {
  width: number;
  depth: number;
  activation: 'elu' | 'silu';
  divideBySigma: boolean;
}

export const MLP_DEFAULTS: MlpConfig = { width: 128, depth: 3, activation: 'elu', divideBySigma: true };

export function activate(h: tf.Tensor, activation: MlpConfig['activation']): tf.Tensor {
  // Fused ops only differentiate linear/relu activations, so the nonlinearity is a separate op.
  return activation === 'elu' ? tf.elu(h) : tf.mul(h, tf.sigmoid(h));
}

function linearSpecs(name: string, fanIn: number, units: number): WeightSpec[] {
  return [
    { name: `${name}/w`, shape: [fanIn, units], init: fanInUniform(fanIn) },
    { name: `${name}/b`, shape: [units], init: fanInUniform(fanIn) },
  ];
}

export function mlpNetwork(config: MlpConfig, shape: readonly number[]): ScoreNetwork {
  const dim = shape.reduce((a, b) => a * b, 1);
  const specs: WeightSpec[] = [];
  for (let i = 0; i < config.depth; i++)
    specs.push(...linearSpecs(`l${i}`, i === 0 ? dim + 1 : config.width, config.width));
  specs.push(...linearSpecs('out', config.depth === 0 ? dim + 1 : config.width, dim));

  const dense = (w: WeightTensors, h: tf.Tensor2D, name: string) =>
    tf.fused.matMul({ a: h, b: w[`${name}/w`] as tf.Tensor2D, bias: w[`${name}/b`] });

  return {
    kind: 'mlp',
    config: { ...config },
    shape: [...shape],
    levels: null,
    dividesBySigma: config.divideBySigma,
    weightSpecs: specs,
    apply(w, x, sigma) {
      const batch = x.shape[0];
      let h = tf.concat(
        [tf.reshape(x, [batch, dim]), tf.reshape(tf.log(sigma), [batch, 1])],
        1,
      ) as tf.Tensor2D;
      for (let i = 0; i < config.depth; i++)
        h =
          config.activation === 'elu'
            ? denseElu(h, w[`l${i}/w`] as tf.Tensor2D, w[`l${i}/b`] as tf.Tensor1D)
            : (activate(dense(w, h, `l${i}`), config.activation) as tf.Tensor2D);
      return tf.reshape(dense(w, h, 'out'), x.shape);
    },
  };
}
