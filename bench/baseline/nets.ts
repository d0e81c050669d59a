/** The two bench networks behind one interface: specs, and f(x, σ) with score = f/σ. */
import type * as tf from '@tensorflow/tfjs';
import { convForward, convSpecs, type ConvShape } from './conv';
import { mlpForward, mlpSpecs, type MlpShape } from './mlp';
import type { BaselineSpec } from './weights';

export type BenchNet = { kind: 'mlp'; mlp: MlpShape } | { kind: 'conv'; conv: ConvShape };

export function specsOf(net: BenchNet): BaselineSpec[] {
  return net.kind === 'mlp' ? mlpSpecs(net.mlp) : convSpecs(net.conv);
}

/** Item shape of the data: [dim] or [H, W, C]. */
export function itemShape(net: BenchNet): number[] {
  return net.kind === 'mlp' ? [net.mlp.dim] : [net.conv.size, net.conv.size, net.conv.channels];
}

/** f(x, σ) shaped like x; the score is f/σ (both nets divide by σ, NCSNv2 Technique 3). */
export function forward(
  net: BenchNet,
  w: Record<string, tf.Tensor>,
  x: tf.Tensor,
  sigma: tf.Tensor1D,
): tf.Tensor {
  return net.kind === 'mlp'
    ? mlpForward(w, net.mlp, x as tf.Tensor2D, sigma)
    : convForward(w, net.conv, x as tf.Tensor4D);
}

export function describeNet(net: BenchNet): string {
  return net.kind === 'mlp'
    ? `MLP ${net.mlp.depth}×${net.mlp.width}`
    : `conv ${net.conv.size}px ngf ${net.conv.ngf}`;
}
