/**
 * Hand-written MLP score net, as a user of the lab recipe writes it: input [x, log σ], `depth`
 * ELU layers of `width`, linear output, score = f/σ. Same architecture as model.mlp's default.
 */
import * as tf from '@tensorflow/tfjs';
import type { BaselineSpec } from './weights';

export interface MlpShape {
  dim: number;
  width: number;
  depth: number;
}

export function mlpSpecs({ dim, width, depth }: MlpShape): BaselineSpec[] {
  const specs: BaselineSpec[] = [];
  const layer = (name: string, fanIn: number, units: number) =>
    specs.push(
      { name: `${name}/w`, shape: [fanIn, units], init: 'fan-in', fanIn },
      { name: `${name}/b`, shape: [units], init: 'fan-in', fanIn },
    );
  for (let i = 0; i < depth; i++) layer(`l${i}`, i === 0 ? dim + 1 : width, width);
  layer('out', depth === 0 ? dim + 1 : width, dim);
  return specs;
}

/** f(x, σ) for x [B, dim] and σ [B]; the score is f/σ. */
export function mlpForward(
  w: Record<string, tf.Tensor>,
  { depth }: MlpShape,
  x: tf.Tensor2D,
  sigma: tf.Tensor1D,
): tf.Tensor2D {
  let h = tf.concat([x, tf.reshape(tf.log(sigma), [-1, 1])], 1) as tf.Tensor2D;
  const dense = (name: string, input: tf.Tensor2D): tf.Tensor2D =>
    tf.fused.matMul({ a: input, b: w[`${name}/w`] as tf.Tensor2D, bias: w[`${name}/b`] }) as tf.Tensor2D;
  for (let i = 0; i < depth; i++) h = tf.elu(dense(`l${i}`, h)) as tf.Tensor2D;
  return dense('out', h);
}
