/**
 * One-step gradient check: the same tiny conv score net (conv, group norm, ELU, strided conv,
 * stack-upsample, skip concat, DSM-style loss) with seeded weights, its loss and every
 * parameter gradient on the current backend. Compared against CPU in tests (Node: WASM; the
 * browser: WebGPU and WebGL), because GPU backends have had device-specific gradient bugs.
 */
import * as tf from '@tensorflow/tfjs';

export interface GradientCheck {
  backend: string;
  loss: number;
  gradients: Record<string, number[]>;
}

/** A small seeded generator (mulberry32) so every backend and realm sees identical numbers. */
function uniform(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SHAPES: Record<string, number[]> = {
  w1: [3, 3, 1, 4],
  b1: [4],
  w2: [3, 3, 4, 8],
  w3: [3, 3, 8, 4],
  w4: [3, 3, 8, 1],
  gamma: [4],
};

export async function convNetGradients(seed = 7): Promise<GradientCheck> {
  const rand = uniform(seed);
  const fill = (shape: number[], scale: number) =>
    tf.tensor(
      Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => (rand() * 2 - 1) * scale),
      shape,
    );
  const params = Object.fromEntries(
    Object.entries(SHAPES).map(([k, s]) => [k, fill(s, k === 'gamma' ? 1 : 0.4)]),
  );
  const x = fill([2, 8, 8, 1], 1);
  const z = fill([2, 8, 8, 1], 1);
  const sigma = tf.tensor([0.5, 2], [2, 1, 1, 1]);

  const net = (p: Record<string, tf.Tensor>) => {
    const input = tf.add(x, tf.mul(sigma, z));
    let h = tf.conv2d(input as tf.Tensor4D, p.w1 as tf.Tensor4D, 1, 'same');
    const { mean, variance } = tf.moments(h, [1, 2], true);
    // bias after the norm: before it, its gradient is exactly zero and the check would compare noise
    h = tf.elu(tf.add(tf.mul(tf.div(tf.sub(h, mean), tf.sqrt(tf.add(variance, 1e-5))), p.gamma), p.b1));
    const skip = h;
    let d = tf.elu(tf.conv2d(h as tf.Tensor4D, p.w2 as tf.Tensor4D, 2, 'same'));
    const [n, hh, ww, c] = d.shape;
    d = tf.reshape(tf.stack([d, d], 3), [n, hh, 2 * ww, c]);
    d = tf.reshape(tf.stack([d, d], 2), [n, 2 * hh, 2 * ww, c]);
    d = tf.elu(tf.conv2d(d as tf.Tensor4D, p.w3 as tf.Tensor4D, 1, 'same'));
    const out = tf.conv2d(tf.concat([d, skip], 3) as tf.Tensor4D, p.w4 as tf.Tensor4D, 1, 'same');
    return tf.mul(0.5, tf.mean(tf.sum(tf.square(tf.add(out, z)), [1, 2, 3])));
  };

  const names = Object.keys(SHAPES);
  const { value, grads } = tf.tidy(() => {
    const f = (...ts: tf.Tensor[]) => net(Object.fromEntries(names.map((k, i) => [k, ts[i]])));
    return tf.valueAndGrads(f)(names.map((k) => params[k]));
  });
  const loss = (await value.data())[0];
  const gradients: Record<string, number[]> = {};
  for (let i = 0; i < names.length; i++) gradients[names[i]] = Array.from(await grads[i].data());
  tf.dispose([value, ...grads, ...Object.values(params), x, z, sigma]);
  return { backend: tf.getBackend(), loss, gradients };
}

/** Largest relative error of `a` against the reference `b`, over the loss and every gradient. */
export function maxRelativeError(a: GradientCheck, b: GradientCheck): number {
  let worst = Math.abs(a.loss - b.loss) / Math.max(1e-8, Math.abs(b.loss));
  for (const [k, ref] of Object.entries(b.gradients)) {
    const scale = Math.max(1e-8, ...ref.map(Math.abs));
    a.gradients[k].forEach((v, i) => (worst = Math.max(worst, Math.abs(v - ref[i]) / scale)));
  }
  return worst;
}
