/**
 * InstanceNorm++ (src/score/networks/norms.ts) on WASM as two loops over the heap, forward and
 * gradient, instead of ~15 and ~40 tfjs ops (composed, the layer was ~45 % of a conv net's
 * training step there). Same equations as the WebGPU kernels (webgpu-instance-norm.ts), per image
 * b and channel c over its N = H·W pixels:
 *
 *   μ, v = mean, biased variance of x;  s = 1/√(v + ε);  x̂ = (x − μ)·s
 *   μ̃ = (μ − mean_c μ)·t,  t = 1/√(unbiased var_c μ + ε)
 *   y = γ·x̂ + β + γ·α·μ̃                 (affine [R, 1, 1, 3C] = [γ | α | β], R = 1 or B)
 *   then ELU(y) when the op asks for it (attr `elu`; its gradient multiplies dy by ELU′(y) first)
 *
 * Gradient (S1 = Σ dy, S2 = Σ dy·x̂ over the pixels; g = γ·α·S1):
 *   dμ = t·(g − mean_c g) − t·μ̃/(C − 1)·Σ_c g·μ̃
 *   dx = γ·s·(dy − S1/N − x̂·S2/N) + dμ/N
 *   dγ = S2 + α·μ̃·S1,  dα = γ·μ̃·S1,  dβ = S1   (summed over the images of a row)
 */
import * as tf from '@tensorflow/tfjs';
import { INSTANCE_NORM_GRAD_KERNEL, INSTANCE_NORM_KERNEL } from '../../score/networks/fused-instance-norm';
import { wasmHeap } from './wasm-heap';

const EPS = 1e-5;

interface Shape {
  B: number;
  N: number;
  C: number;
  /** Affine rows: 1 (shared) or B (one per image, conditional). */
  R: number;
}

/** Per channel of image b: mean μ and inverse std s (two passes, as the composed layer's moments). */
function channelStats(
  x: Float32Array,
  b: number,
  { N, C }: Shape,
  mu: Float64Array,
  inv: Float64Array,
): void {
  mu.fill(0);
  inv.fill(0);
  const base = b * N * C;
  for (let p = 0; p < N; p++) for (let c = 0; c < C; c++) mu[c] += x[base + p * C + c];
  for (let c = 0; c < C; c++) mu[c] /= N;
  for (let p = 0; p < N; p++)
    for (let c = 0; c < C; c++) {
      const d = x[base + p * C + c] - mu[c];
      inv[c] += d * d;
    }
  for (let c = 0; c < C; c++) inv[c] = 1 / Math.sqrt(inv[c] / N + EPS);
}

/** Image b's per-channel y = x·scale + shift (the forward equation above). */
function coefficients(
  affine: Float32Array,
  b: number,
  { C, R }: Shape,
  stats: { mu: Float64Array; inv: Float64Array; tilde: Float64Array },
  scale: Float64Array,
  shift: Float64Array,
): void {
  const a = (R > 1 ? b : 0) * 3 * C;
  for (let c = 0; c < C; c++) {
    const gamma = affine[a + c];
    scale[c] = gamma * stats.inv[c];
    shift[c] = affine[a + 2 * C + c] + gamma * affine[a + C + c] * stats.tilde[c] - stats.mu[c] * scale[c];
  }
}

const eluOf = (y: number) => (y >= 0 ? y : Math.exp(y) - 1);

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

export function instanceNormPlusForward(
  x: Float32Array,
  affine: Float32Array,
  shape: Shape,
  elu: boolean,
  y: Float32Array,
): void {
  const { B, N, C } = shape;
  const [mu, inv, tilde, scale, shift] = Array.from({ length: 5 }, () => new Float64Array(C));
  for (let b = 0; b < B; b++) {
    channelStats(x, b, shape, mu, inv);
    meanTilde(mu, C, tilde);
    coefficients(affine, b, shape, { mu, inv, tilde }, scale, shift);
    const base = b * N * C;
    for (let p = 0; p < N; p++)
      for (let c = 0; c < C; c++) {
        const i = base + p * C + c;
        const v = x[i] * scale[c] + shift[c];
        y[i] = elu ? eluOf(v) : v;
      }
  }
}

/** dx (same layout as x) and dAffine [R, 3C] (zeroed here, then summed into). */
export function instanceNormPlusGradient(
  dyOut: Float32Array,
  x: Float32Array,
  affine: Float32Array,
  shape: Shape,
  elu: boolean,
  dx: Float32Array,
  dAffine: Float32Array,
): void {
  const { B, N, C, R } = shape;
  const [mu, inv, tilde, s1, s2, g, ky, kx, k0, scale, shift] = Array.from(
    { length: 11 },
    () => new Float64Array(C),
  );
  // The gradient at y, before the ELU: one image's worth at a time.
  const dyImage = new Float64Array(N * C);
  dAffine.fill(0);
  for (let b = 0; b < B; b++) {
    channelStats(x, b, shape, mu, inv);
    const t = meanTilde(mu, C, tilde);
    const base = b * N * C;
    if (elu) coefficients(affine, b, shape, { mu, inv, tilde }, scale, shift);
    s1.fill(0);
    s2.fill(0);
    for (let p = 0; p < N; p++)
      for (let c = 0; c < C; c++) {
        const i = base + p * C + c;
        let d = dyOut[i];
        if (elu) {
          const y = x[i] * scale[c] + shift[c];
          if (y < 0) d *= Math.exp(y);
        }
        dyImage[p * C + c] = d;
        s1[c] += d;
        s2[c] += d * (x[i] - mu[c]) * inv[c];
      }
    const a = (R > 1 ? b : 0) * 3 * C;
    let gMean = 0;
    let gTilde = 0;
    for (let c = 0; c < C; c++) {
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
    for (let p = 0; p < N; p++)
      for (let c = 0; c < C; c++) {
        const i = base + p * C + c;
        dx[i] = dyImage[p * C + c] * ky[c] + x[i] * kx[c] + k0[c];
      }
  }
}

const eluAsked = (attrs: tf.NamedAttrMap | undefined) =>
  (attrs as { elu?: boolean } | undefined)?.elu === true;

function shapeOf(x: tf.TensorInfo, affine: tf.TensorInfo): Shape {
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
      const { x, affine } = inputs as { x: tf.TensorInfo; affine: tf.TensorInfo };
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
      const { dy, x, affine } = inputs as { dy: tf.TensorInfo; x: tf.TensorInfo; affine: tf.TensorInfo };
      const heap = wasmHeap(backend);
      const dx = heap.allocate(x.shape);
      const dAffine = heap.allocate(affine.shape);
      const shape = shapeOf(x, affine);
      instanceNormPlusGradient(
        heap.view(dy),
        heap.view(x),
        heap.view(affine),
        shape,
        eluAsked(attrs),
        heap.view(dx),
        heap.view(dAffine),
      );
      return [dx, dAffine];
    },
  });
}
