/**
 * Hand-written copy of the NCSNv2-style conv score net of model.ncsn at its defaults
 * (InstanceNorm++, output divided by σ), written from the architecture description, not by
 * calling src/score: begin conv, 4 stages of 2 pre-activation residual blocks (one mean-pool
 * down, dilations 1, 1, 2, 4), 4 RefineNet-style refine blocks, end norm + ELU + conv.
 * Written for speed as a careful user would: fused conv + bias, each norm as one scale + shift,
 * dilated convs by space-to-batch (tfjs has no filter gradient for dilated conv2d), all at rank ≤ 4.
 */
import * as tf from '@tensorflow/tfjs';
import type { BaselineSpec } from './weights';

export interface ConvShape {
  size: number;
  channels: number;
  ngf: number;
}

interface Block {
  name: string;
  cin: number;
  cout: number;
  dilation: number;
  down: boolean;
}

function blocks(ngf: number, canDown: boolean): Block[] {
  const f = ngf;
  const b = (name: string, cin: number, cout: number, dilation = 1, down = false) => ({
    name,
    cin,
    cout,
    dilation,
    down,
  });
  return [
    b('res1a', f, f),
    b('res1b', f, f),
    b('res2a', f, 2 * f, 1, canDown),
    b('res2b', 2 * f, 2 * f),
    b('res3a', 2 * f, 2 * f, 2),
    b('res3b', 2 * f, 2 * f, 2),
    b('res4a', 2 * f, 2 * f, 4),
    b('res4b', 2 * f, 2 * f, 4),
  ];
}

/** Refine blocks: [name, input channels, output channels, last input upsampled]. */
const refines = (f: number, canDown: boolean) =>
  [
    ['refine1', [2 * f], 2 * f, false],
    ['refine2', [2 * f, 2 * f], 2 * f, false],
    ['refine3', [2 * f, 2 * f], f, false],
    ['refine4', [f, f], f, canDown],
  ] as const;

export function convSpecs({ size, channels, ngf }: ConvShape): BaselineSpec[] {
  const specs: BaselineSpec[] = [];
  const conv = (name: string, k: number, cin: number, cout: number) =>
    specs.push(
      { name: `${name}/w`, shape: [k, k, cin, cout], init: 'fan-in', fanIn: k * k * cin },
      { name: `${name}/b`, shape: [cout], init: 'fan-in', fanIn: k * k * cin },
    );
  const norm = (name: string, c: number) =>
    specs.push({ name: `${name}/affine`, shape: [3 * c], init: 'one' });
  const canDown = size % 2 === 0;
  conv('begin', 3, channels, ngf);
  for (const b of blocks(ngf, canDown)) {
    const mid = b.down ? b.cin : b.cout;
    norm(`${b.name}/norm1`, b.cin);
    conv(`${b.name}/conv1`, 3, b.cin, mid);
    norm(`${b.name}/norm2`, mid);
    conv(`${b.name}/conv2`, 3, mid, b.cout);
    if (b.cin !== b.cout || b.down) conv(`${b.name}/shortcut`, 1, b.cin, b.cout);
  }
  for (const [name, inputs, cout] of refines(ngf, canDown)) {
    inputs.forEach((cin, i) => conv(`${name}/in${i}`, 3, cin, cout));
    conv(`${name}/rcu1`, 3, cout, cout);
    conv(`${name}/rcu2`, 3, cout, cout);
  }
  norm('end/norm', ngf);
  conv('end', 3, ngf, channels);
  return specs;
}

/** InstanceNorm++ as one per-channel scale and shift: γ(IN(x) + α·μ̃) + β. */
function instanceNormPlus(x: tf.Tensor4D, affine: tf.Tensor): tf.Tensor4D {
  const c = x.shape[3];
  const [gamma, alpha, beta] = tf.split(tf.reshape(affine, [1, 1, 1, 3 * c]), 3, 3);
  const { mean, variance } = tf.moments(x, [1, 2], true);
  const across = tf.moments(mean, [3], true);
  const muTilde = tf.mul(
    tf.sub(mean, across.mean),
    tf.rsqrt(tf.add(tf.mul(across.variance, c / (c - 1)), 1e-5)),
  );
  const scale = tf.mul(gamma, tf.rsqrt(tf.add(variance, 1e-5)));
  const shift = tf.add(beta, tf.sub(tf.mul(tf.mul(gamma, alpha), muTilde), tf.mul(mean, scale)));
  return tf.add(tf.mul(x, scale), shift);
}

/** 3×3 (or 1×1) 'same' conv + bias; dilation d > 1 by convolving the d×d phases of the padded input. */
function conv(x: tf.Tensor4D, w: tf.Tensor4D, b: tf.Tensor1D, d = 1): tf.Tensor4D {
  if (d === 1) return tf.fused.conv2d({ x, filter: w, bias: b, pad: 'same', strides: 1 });
  const p = (d * (w.shape[0] - 1)) / 2;
  const [, h, wd] = x.shape;
  const eh = (d - ((h + 2 * p) % d)) % d;
  const ew = (d - ((wd + 2 * p) % d)) % d;
  const padded = tf.pad(x, [
    [0, 0],
    [p, p + eh],
    [p, p + ew],
    [0, 0],
  ]);
  const y = splitPhases(padded, d, false);
  const out = splitPhases(tf.fused.conv2d({ x: y, filter: w, bias: b, pad: 'valid', strides: 1 }), d, true);
  return eh || ew ? tf.slice(out, [0, 0, 0, 0], [-1, h, wd, -1]) : out;
}

/**
 * Space-to-batch (or back, `inverse`) with rank ≤ 4 reshapes and transposes: tf.spaceToBatchND
 * goes through a rank-6 transpose, a slow generic path on WASM. Phase order: (col, row, image).
 */
function splitPhases(x: tf.Tensor4D, d: number, inverse: boolean): tf.Tensor4D {
  if (!inverse) {
    const [n, rows, cols, c] = x.shape;
    const [h, w] = [rows / d, cols / d];
    const a = tf.transpose(tf.reshape(x, [n * h, d, w, d * c]), [1, 0, 2, 3]);
    return tf.reshape(tf.transpose(tf.reshape(a, [d * n * h * w, d, c]), [1, 0, 2]), [d * d * n, h, w, c]);
  }
  const [dn, h, w, c] = x.shape;
  const n = dn / (d * d);
  const a = tf.transpose(tf.reshape(x, [d, d * n * h * w, c]), [1, 0, 2]);
  return tf.reshape(tf.transpose(tf.reshape(a, [d, n * h, w, d * c]), [1, 0, 2, 3]), [n, h * d, w * d, c]);
}

/** 2× nearest upsampling by concat (tf.stack's gradient takes rank-5 slices, slow on WASM). */
function upsample(x: tf.Tensor4D): tf.Tensor4D {
  const [n, h, w, c] = x.shape;
  const rows = tf.reshape(x, [n * h, 1, w, c]);
  const wide = tf.concat([rows, rows], 3);
  return tf.reshape(tf.concat([wide, wide], 1), [n, 2 * h, 2 * w, c]);
}

/** f(x) for images x [B, H, W, C] in [0, 1] (plus noise); the score is f/σ. */
export function convForward(w: Record<string, tf.Tensor>, shape: ConvShape, x: tf.Tensor4D): tf.Tensor4D {
  const canDown = shape.size % 2 === 0;
  const c = (h: tf.Tensor4D, name: string, d = 1) =>
    conv(h, w[`${name}/w`] as tf.Tensor4D, w[`${name}/b`] as tf.Tensor1D, d);
  const normAct = (h: tf.Tensor4D, name: string) =>
    tf.elu(instanceNormPlus(h, w[`${name}/affine`])) as tf.Tensor4D;
  const pool = (h: tf.Tensor4D) => tf.avgPool(h, 2, 2, 'valid');

  let h = c(tf.sub(tf.mul(x, 2), 1), 'begin');
  const stageOutputs: tf.Tensor4D[] = [];
  blocks(shape.ngf, canDown).forEach((b, i) => {
    let out = c(normAct(h, `${b.name}/norm1`), `${b.name}/conv1`, b.dilation);
    out = c(normAct(out, `${b.name}/norm2`), `${b.name}/conv2`, b.dilation);
    let skip = h;
    if (b.down) [out, skip] = [pool(out), pool(h)];
    if (b.cin !== b.cout || b.down) skip = c(skip, `${b.name}/shortcut`);
    h = tf.add(skip, out);
    if (i % 2 === 1) stageOutputs.push(h);
  });
  const [l1, l2, l3, l4] = stageOutputs;
  const refine = (inputs: tf.Tensor4D[], name: string, upsampleLast: boolean) => {
    const parts = inputs.map((input, i) => {
      const y = c(tf.elu(input) as tf.Tensor4D, `${name}/in${i}`);
      return upsampleLast && i === inputs.length - 1 ? upsample(y) : y;
    });
    const sum = (parts.length === 1 ? parts[0] : tf.addN(parts)) as tf.Tensor4D;
    const rcu = c(tf.elu(c(tf.elu(sum) as tf.Tensor4D, `${name}/rcu1`)) as tf.Tensor4D, `${name}/rcu2`);
    return tf.add(sum, rcu) as tf.Tensor4D;
  };
  const r1 = refine([l4], 'refine1', false);
  const r2 = refine([l3, r1], 'refine2', false);
  const r3 = refine([l2, r2], 'refine3', false);
  const r4 = refine([l1, r3], 'refine4', canDown);
  return c(normAct(r4, 'end/norm'), 'end');
}
