/**
 * InstanceNorm++ (src/score/networks/norms.ts) on WASM as two loops over the heap, forward and
 * gradient, instead of ~15 and ~40 tfjs ops (composed, the layer was ~45 % of a conv net's
 * training step there). Same equations as the WebGPU kernels (webgpu-instance-norm.ts), per image
 * b and channel c over its N = H·W pixels:
 *
 *   μ, v = mean, biased variance of x;  s = 1/√(v + ε);  x̂ = (x − μ)·s
 *   μ̃ = (μ − mean_c μ)·t,  t = 1/√(unbiased var_c μ + ε)
 *   y = γ·x̂ + β + γ·α·μ̃                 (affine [R, 1, 1, 3C] = [γ | α | β], R = 1 or B)
 *   then ELU(y) when the op asks for it (attr `elu`; the gradient then gets the output too and
 *   multiplies dy by ELU′ = output + 1 where it is negative, as tfjs's EluGrad does)
 *
 * Gradient (S1 = Σ dy, S2 = Σ dy·x̂ over the pixels; g = γ·α·S1):
 *   dμ = t·(g − mean_c g) − t·μ̃/(C − 1)·Σ_c g·μ̃
 *   dx = γ·s·(dy − S1/N − x̂·S2/N) + dμ/N
 *   dγ = S2 + α·μ̃·S1,  dα = γ·μ̃·S1,  dβ = S1   (summed over the images of a row)
 */
import * as tf from '@tensorflow/tfjs';
import { INSTANCE_NORM_GRAD_KERNEL, INSTANCE_NORM_KERNEL } from '../../score/networks/fused-instance-norm';
import { wasmHeap } from './wasm-heap';

type Info = tf.TensorInfo;

const EPS = 1e-5;
/** Channels handled together by the loops below: one local accumulator each, no scratch arrays (the loops spell out four locals: change them with it). */
const BLOCK = 4;

interface Shape {
  B: number;
  N: number;
  C: number;
  /** Affine rows: 1 (shared) or B (one per image, conditional). */
  R: number;
}

// The loops walk one image [N, C] from `base` channel block by channel block (stride C between
// pixels): the image is small enough to stay in cache, and each channel's sums stay in locals.

/** Per channel of one image: mean μ and inverse std s (two passes, as the composed layer's moments). */
function channelStats(
  x: Float32Array,
  base: number,
  N: number,
  C: number,
  mu: Float64Array,
  inv: Float64Array,
) {
  const end = base + N * C;
  let c = 0;
  for (; c + BLOCK <= C; c += BLOCK) {
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let i = base + c; i < end; i += C) {
      s0 += x[i];
      s1 += x[i + 1];
      s2 += x[i + 2];
      s3 += x[i + 3];
    }
    const [m0, m1, m2, m3] = [s0 / N, s1 / N, s2 / N, s3 / N];
    let q0 = 0;
    let q1 = 0;
    let q2 = 0;
    let q3 = 0;
    for (let i = base + c; i < end; i += C) {
      const d0 = x[i] - m0;
      const d1 = x[i + 1] - m1;
      const d2 = x[i + 2] - m2;
      const d3 = x[i + 3] - m3;
      q0 += d0 * d0;
      q1 += d1 * d1;
      q2 += d2 * d2;
      q3 += d3 * d3;
    }
    mu[c] = m0;
    mu[c + 1] = m1;
    mu[c + 2] = m2;
    mu[c + 3] = m3;
    inv[c] = 1 / Math.sqrt(q0 / N + EPS);
    inv[c + 1] = 1 / Math.sqrt(q1 / N + EPS);
    inv[c + 2] = 1 / Math.sqrt(q2 / N + EPS);
    inv[c + 3] = 1 / Math.sqrt(q3 / N + EPS);
  }
  for (; c < C; c++) {
    let s = 0;
    for (let i = base + c; i < end; i += C) s += x[i];
    const m = s / N;
    let q = 0;
    for (let i = base + c; i < end; i += C) q += (x[i] - m) * (x[i] - m);
    mu[c] = m;
    inv[c] = 1 / Math.sqrt(q / N + EPS);
  }
}

/** μ̃ of every channel into `tilde`; returns t = 1/√(unbiased var_c μ + ε). */
function meanTilde(mu: Float64Array, C: number, tilde: Float64Array): number {
  let m = 0;
  for (let c = 0; c < C; c++) m += mu[c];
  m /= C;
  let q = 0;
  for (let c = 0; c < C; c++) q += (mu[c] - m) ** 2;
  const t = 1 / Math.sqrt(q / Math.max(C - 1, 1) + EPS);
  for (let c = 0; c < C; c++) tilde[c] = (mu[c] - m) * t;
  return t;
}

// ELU without a branch (its sign is a coin flip per element: the mispredicted branch and
// Math.exp cost ~10 ns an element here, this ~6): eᵐ − 1 for m = min(v, 0) through a table of
// 2^(−j/8) and a degree-5 series on |r| ≤ ln2/16 (relative error ~1e-9, below float32's
// rounding: same float32 outputs as Math.exp(v) − 1 on 10⁵ samples), plus max(v, 0).
const POW2_EIGHTHS = Float64Array.from({ length: 8 * 127 + 1 }, (_, j) => 2 ** (-j / 8));
const LN2_HI_8 = 0.6931471803691238 / 8;
const LN2_LO_8 = 1.9082149292705877e-10 / 8;
const EIGHTHS_PER_E = 8 * Math.LOG2E;

function eluOf(v: number): number {
  const a = Math.abs(v); // min(v, 0) = (v − |v|)/2 and max(v, 0) = (v + |v|)/2, both exact
  let m = (v - a) * 0.5;
  if (m < -87) m = -87; // e^−87 is below float32's smallest normal: ELU = −1
  const j = (0.5 - m * EIGHTHS_PER_E) | 0;
  const r = m + j * LN2_HI_8 + j * LN2_LO_8;
  const q = r * (1 + r * (1 / 2 + r * (1 / 6 + r * (1 / 24 + r / 120))));
  return (v + a) * 0.5 + ((1 + q) * POW2_EIGHTHS[j] - 1);
}

/** out[i] = a·x[i] + b per channel (a, b per channel), then ELU when `elu`. */
function affineMap(
  x: Float32Array,
  base: number,
  N: number,
  C: number,
  a: Float64Array,
  b: Float64Array,
  elu: boolean,
  out: Float32Array,
) {
  const end = base + N * C;
  let c = 0;
  for (; c + BLOCK <= C; c += BLOCK) {
    const [a0, a1, a2, a3] = [a[c], a[c + 1], a[c + 2], a[c + 3]];
    const [b0, b1, b2, b3] = [b[c], b[c + 1], b[c + 2], b[c + 3]];
    for (let i = base + c; i < end; i += C) {
      const v0 = x[i] * a0 + b0;
      const v1 = x[i + 1] * a1 + b1;
      const v2 = x[i + 2] * a2 + b2;
      const v3 = x[i + 3] * a3 + b3;
      out[i] = elu ? eluOf(v0) : v0;
      out[i + 1] = elu ? eluOf(v1) : v1;
      out[i + 2] = elu ? eluOf(v2) : v2;
      out[i + 3] = elu ? eluOf(v3) : v3;
    }
  }
  for (; c < C; c++) {
    const [ac, bc] = [a[c], b[c]];
    for (let i = base + c; i < end; i += C) {
      const v = x[i] * ac + bc;
      out[i] = elu ? eluOf(v) : v;
    }
  }
}

export function instanceNormPlusForward(
  x: Float32Array,
  affine: Float32Array,
  shape: Shape,
  elu: boolean,
  y: Float32Array,
): void {
  const { B, N, C, R } = shape;
  const [mu, inv, tilde, scale, shift] = Array.from({ length: 5 }, () => new Float64Array(C));
  for (let b = 0; b < B; b++) {
    const base = b * N * C;
    channelStats(x, base, N, C, mu, inv);
    meanTilde(mu, C, tilde);
    // y = x·scale + shift per channel: the forward equation above.
    const a = (R > 1 ? b : 0) * 3 * C;
    for (let c = 0; c < C; c++) {
      const gamma = affine[a + c];
      scale[c] = gamma * inv[c];
      shift[c] = affine[a + 2 * C + c] + gamma * affine[a + C + c] * tilde[c] - mu[c] * scale[c];
    }
    affineMap(x, base, N, C, scale, shift, elu, y);
  }
}

/**
 * Per channel of one image: S1 = Σ dy and Σ dy·(x − μ) (S2 before the factor s); dy of image
 * pixel p, channel c at d[dBase + p·C + c], x's at x[base + p·C + c].
 */
function gradientSums(
  d: Float32Array,
  dBase: number,
  x: Float32Array,
  base: number,
  N: number,
  C: number,
  mu: Float64Array,
  s1: Float64Array,
  s2: Float64Array,
) {
  const end = base + N * C;
  const shift = dBase - base;
  let c = 0;
  for (; c + BLOCK <= C; c += BLOCK) {
    const [m0, m1, m2, m3] = [mu[c], mu[c + 1], mu[c + 2], mu[c + 3]];
    let a0 = 0;
    let a1 = 0;
    let a2 = 0;
    let a3 = 0;
    let b0 = 0;
    let b1 = 0;
    let b2 = 0;
    let b3 = 0;
    for (let i = base + c; i < end; i += C) {
      const j = i + shift;
      a0 += d[j];
      a1 += d[j + 1];
      a2 += d[j + 2];
      a3 += d[j + 3];
      b0 += d[j] * (x[i] - m0);
      b1 += d[j + 1] * (x[i + 1] - m1);
      b2 += d[j + 2] * (x[i + 2] - m2);
      b3 += d[j + 3] * (x[i + 3] - m3);
    }
    [s1[c], s1[c + 1], s1[c + 2], s1[c + 3]] = [a0, a1, a2, a3];
    [s2[c], s2[c + 1], s2[c + 2], s2[c + 3]] = [b0, b1, b2, b3];
  }
  for (; c < C; c++) {
    let a = 0;
    let b = 0;
    for (let i = base + c; i < end; i += C) {
      a += d[i + shift];
      b += d[i + shift] * (x[i] - mu[c]);
    }
    s1[c] = a;
    s2[c] = b;
  }
}

/** dx[i] = ky·dy + kx·x + k0 per channel (dy and x laid out as in gradientSums). */
function gradientMap(
  d: Float32Array,
  dBase: number,
  x: Float32Array,
  base: number,
  N: number,
  C: number,
  k: { ky: Float64Array; kx: Float64Array; k0: Float64Array },
  dx: Float32Array,
) {
  const { ky, kx, k0 } = k;
  const end = base + N * C;
  const shift = dBase - base;
  let c = 0;
  for (; c + BLOCK <= C; c += BLOCK) {
    const [y0, y1, y2, y3] = [ky[c], ky[c + 1], ky[c + 2], ky[c + 3]];
    const [x0, x1, x2, x3] = [kx[c], kx[c + 1], kx[c + 2], kx[c + 3]];
    const [z0, z1, z2, z3] = [k0[c], k0[c + 1], k0[c + 2], k0[c + 3]];
    for (let i = base + c; i < end; i += C) {
      const j = i + shift;
      dx[i] = d[j] * y0 + x[i] * x0 + z0;
      dx[i + 1] = d[j + 1] * y1 + x[i + 1] * x1 + z1;
      dx[i + 2] = d[j + 2] * y2 + x[i + 2] * x2 + z2;
      dx[i + 3] = d[j + 3] * y3 + x[i + 3] * x3 + z3;
    }
  }
  for (; c < C; c++)
    for (let i = base + c; i < end; i += C) dx[i] = d[i + shift] * ky[c] + x[i] * kx[c] + k0[c];
}

/**
 * dx (same layout as x) and dAffine [R, 3C] (zeroed here, then summed into). `eluOut` is the
 * forward's output when the op applied the ELU (its gradient needs it), else null.
 */
export function instanceNormPlusGradient(
  dyOut: Float32Array,
  x: Float32Array,
  affine: Float32Array,
  shape: Shape,
  eluOut: Float32Array | null,
  dx: Float32Array,
  dAffine: Float32Array,
): void {
  const { B, N, C, R } = shape;
  const [mu, inv, tilde, s1, s2, g, ky, kx, k0] = Array.from({ length: 9 }, () => new Float64Array(C));
  // dy before the ELU, one image at a time: dyOut·ELU′, ELU′ = min(out, 0) + 1 (out + 1 where
  // out < 0), min(v, 0) as (v − |v|)/2: exact, and 5× faster here than Math.min or a branch.
  const dyImage = eluOut ? new Float32Array(N * C) : dyOut;
  dAffine.fill(0);
  for (let b = 0; b < B; b++) {
    const base = b * N * C;
    if (eluOut)
      for (let j = 0, i = base; j < N * C; j++, i++) {
        const e = eluOut[i];
        dyImage[j] = dyOut[i] * ((e - Math.abs(e)) * 0.5 + 1);
      }
    const dBase = eluOut ? 0 : base;
    channelStats(x, base, N, C, mu, inv);
    const t = meanTilde(mu, C, tilde);
    gradientSums(dyImage, dBase, x, base, N, C, mu, s1, s2);
    const a = (R > 1 ? b : 0) * 3 * C;
    let gMean = 0;
    let gTilde = 0;
    for (let c = 0; c < C; c++) {
      s2[c] *= inv[c];
      const gamma = affine[a + c];
      const alpha = affine[a + C + c];
      g[c] = gamma * alpha * s1[c];
      gMean += g[c] / C;
      gTilde += g[c] * tilde[c];
      dAffine[a + c] += s2[c] + alpha * tilde[c] * s1[c];
      dAffine[a + C + c] += gamma * tilde[c] * s1[c];
      dAffine[a + 2 * C + c] += s1[c];
    }
    // dx = ky·dy + kx·x + k0 per channel: the equation above with x̂ = (x − μ)·s expanded.
    for (let c = 0; c < C; c++) {
      const gs = affine[a + c] * inv[c];
      const dMu = t * (g[c] - gMean) - ((t * tilde[c]) / Math.max(C - 1, 1)) * gTilde;
      ky[c] = gs;
      kx[c] = (-gs * inv[c] * s2[c]) / N;
      k0[c] = (-gs * s1[c]) / N + (gs * inv[c] * s2[c] * mu[c]) / N + dMu / N;
    }
    gradientMap(dyImage, dBase, x, base, N, C, { ky, kx, k0 }, dx);
  }
}

const eluAsked = (attrs: tf.NamedAttrMap | undefined) =>
  (attrs as { elu?: boolean } | undefined)?.elu === true;

function shapeOf(x: Info, affine: Info): Shape {
  const [B, H, W, C] = x.shape;
  return { B, N: H * W, C, R: affine.shape[0] };
}

/** Registers the forward and gradient kernels on WASM; norms.ts uses them when present. */
export function registerWasmInstanceNorm(): void {
  for (const name of [INSTANCE_NORM_KERNEL, INSTANCE_NORM_GRAD_KERNEL])
    if (tf.getKernel(name, 'wasm')) tf.unregisterKernel(name, 'wasm');
  tf.registerKernel({
    kernelName: INSTANCE_NORM_KERNEL,
    backendName: 'wasm',
    kernelFunc: ({ inputs, backend, attrs }) => {
      const { x, affine } = inputs as { x: Info; affine: Info };
      const heap = wasmHeap(backend);
      const y = heap.allocate(x.shape);
      instanceNormPlusForward(
        heap.view(x),
        heap.view(affine),
        shapeOf(x, affine),
        eluAsked(attrs),
        heap.view(y),
      );
      return y;
    },
  });
  tf.registerKernel({
    kernelName: INSTANCE_NORM_GRAD_KERNEL,
    backendName: 'wasm',
    kernelFunc: ({ inputs, backend, attrs }) => {
      const { dy, x, affine, y } = inputs as { dy: Info; x: Info; affine: Info; y?: Info };
      if (eluAsked(attrs) && !y) throw new Error(`${INSTANCE_NORM_GRAD_KERNEL} with elu needs the output y.`);
      const heap = wasmHeap(backend);
      const dx = heap.allocate(x.shape);
      const dAffine = heap.allocate(affine.shape);
      instanceNormPlusGradient(
        heap.view(dy),
        heap.view(x),
        heap.view(affine),
        shapeOf(x, affine),
        eluAsked(attrs) && y ? heap.view(y) : null,
        heap.view(dx),
        heap.view(dAffine),
      );
      return [dx, dAffine];
    },
  });
}
