/**
 * InstanceNorm++ (src/score/networks/norms.ts) as two WebGPU programs forward and three backward,
 * instead of ~15 and ~40 elementwise/reduce programs. Per image b and channel c (N = H·W):
 *
 *   μ, v = mean, biased variance of x over H, W;  s = 1/√(v + ε)
 *   μ̃ = (μ − mean_c μ) / √(unbiased var_c μ + ε)
 *   y = γ·s·(x − μ) + β + γ·α·μ̃          (affine [R, 1, 1, 3C] = [γ | α | β], R = 1 or B)
 *
 * Gradient (S1 = Σ dy, S2 = Σ dy·x̂ over H, W; g = γ·α·S1; t = 1/√(var_c μ + ε)):
 *   dμ = t·(g − mean_c g) − t·μ̃/(C − 1)·Σ_c g·μ̃
 *   dx = γ·s·(dy − S1/N − x̂·S2/N) + dμ/N
 *   dγ = S2 + α·μ̃·S1,  dα = γ·μ̃·S1,  dβ = S1   (summed over the images of a row)
 *
 * One workgroup per image computes its channels' statistics (serial over H·W per channel, the
 * across-channel part in workgroup memory); one elementwise program applies them.
 */
import * as tf from '@tensorflow/tfjs';
import type { WebGPUProgram } from '@tensorflow/tfjs-backend-webgpu';
import { INSTANCE_NORM_GRAD_KERNEL, INSTANCE_NORM_KERNEL } from '../../score/networks/fused-instance-norm';

type Info = tf.TensorInfo;
type Uniform = { type: 'int32' | 'float32'; data: number[] };
interface Runner {
  runWebGPUProgram(p: WebGPUProgram, inputs: Info[], dtype: 'float32', uniforms?: Uniform[]): Info;
  disposeData(dataId: object): void;
}

/** Most channels a layer may have (workgroup memory per image). */
export const MAX_CHANNELS = 1024;
const EPS = 1e-5;
const LANES = 64;

const int = (...data: number[]): Uniform => ({ type: 'int32', data });

/** Shared WGSL: channel c's mean and inverse std over image b's N pixels (x is [B, N, C]). */
const STATS = `
  fn channelStats(b : i32, c : i32) -> vec2<f32> {
    let base = b * uniforms.N * uniforms.C + c;
    var sum = 0.0;
    for (var p = 0; p < uniforms.N; p++) { sum += x[base + p * uniforms.C]; }
    let mu = sum / f32(uniforms.N);
    var sq = 0.0;
    for (var p = 0; p < uniforms.N; p++) { let d = x[base + p * uniforms.C] - mu; sq += d * d; }
    return vec2<f32>(mu, inverseSqrt(sq / f32(uniforms.N) + ${EPS}));
  }
  fn row(b : i32) -> i32 { return select(0, b, uniforms.R > 1); }
`;

/** μ̃ of every channel of image b from the channel means in `mus` (workgroup memory). */
const MEAN_TILDE = `
  var<workgroup> mus : array<f32, ${MAX_CHANNELS}>;
  var<workgroup> across : vec2<f32>; // mean of μ, 1/√(unbiased var + ε)
  fn acrossChannels() {
    if (localIndex == 0u) {
      var m = 0.0;
      for (var c = 0; c < uniforms.C; c++) { m += mus[c]; }
      m /= f32(uniforms.C);
      var q = 0.0;
      for (var c = 0; c < uniforms.C; c++) { let d = mus[c] - m; q += d * d; }
      across = vec2<f32>(m, inverseSqrt(q / f32(max(uniforms.C - 1, 1)) + ${EPS}));
    }
    workgroupBarrier();
  }
`;

/** One workgroup per image computing `width` coefficients per channel → [B, C, width]. */
abstract class PerImageCoefProgram implements WebGPUProgram {
  abstract variableNames: string[];
  abstract shaderKey: string;
  uniforms = 'N : i32, C : i32, R : i32,';
  outputShape: number[];
  dispatchLayout = { x: [0], y: [1], z: [2] };
  dispatch: [number, number, number];
  workgroupSize: [number, number, number] = [LANES, 1, 1];
  constructor(B: number, C: number, width: number) {
    this.outputShape = [B, C, width];
    this.dispatch = [B, 1, 1];
  }
  abstract getUserCode(): string;
}

/** Per image and channel: scale γ·s and shift β + γ·α·μ̃ − μ·γ·s → coef [B, C, 2]. */
class NormCoefProgram extends PerImageCoefProgram {
  variableNames = ['x', 'affine'];
  shaderKey = 'sgInstanceNormCoef';
  constructor(B: number, C: number) {
    super(B, C, 2);
  }
  getUserCode(): string {
    return `
      ${STATS}
      ${MEAN_TILDE}
      var<workgroup> inv : array<f32, ${MAX_CHANNELS}>;
      fn main() {
        let b = i32(workgroupId.x);
        let C = uniforms.C;
        for (var c = i32(localIndex); c < C; c += ${LANES}) {
          let st = channelStats(b, c);
          mus[c] = st.x;
          inv[c] = st.y;
        }
        workgroupBarrier();
        acrossChannels();
        let a = row(b) * 3 * C;
        for (var c = i32(localIndex); c < C; c += ${LANES}) {
          let gamma = affine[a + c];
          let alpha = affine[a + C + c];
          let beta = affine[a + 2 * C + c];
          let tilde = (mus[c] - across.x) * across.y;
          let scale = gamma * inv[c];
          result[(b * C + c) * 2] = scale;
          result[(b * C + c) * 2 + 1] = beta + gamma * alpha * tilde - mus[c] * scale;
        }
      }
    `;
  }
}

/** out = x·coef[0] + coef[1] (forward), or dy·k[0] + x·k[1] + k[2] (input gradient). */
class PerChannelAffineProgram implements WebGPUProgram {
  variableNames: string[];
  uniforms = 'C : i32,';
  outputShape: number[];
  shaderKey: string;
  dispatchLayout: { x: number[] };
  dispatch: [number, number, number];
  workgroupSize: [number, number, number] = [LANES, 1, 1];
  size = true;
  constructor(
    shape: number[],
    private readonly gradient: boolean,
  ) {
    this.outputShape = shape;
    this.variableNames = gradient ? ['dy', 'x', 'k'] : ['x', 'k'];
    this.shaderKey = `sgPerChannelAffine_${gradient}`;
    this.dispatchLayout = { x: shape.map((_, i) => i) };
    const size = shape.reduce((p, q) => p * q, 1);
    this.dispatch = [Math.ceil(size / LANES), 1, 1];
  }
  getUserCode(): string {
    const C = 'uniforms.C';
    const value = this.gradient
      ? `let k0 = (b * ${C} + c) * 3; let v = dy[index] * k[k0] + x[index] * k[k0 + 1] + k[k0 + 2];`
      : `let k0 = (b * ${C} + c) * 2; let v = x[index] * k[k0] + k[k0 + 1];`;
    return `
      fn main(index : i32) {
        if (index < uniforms.size) {
          let c = index % ${C};
          let b = index / (uniforms.size / uniforms.xShape[0]);
          ${value}
          setOutputAtIndex(index, v);
        }
      }
    `;
  }
}

/**
 * Per image and channel: the input gradient's coefficients (dx = A·dy + B·x + D) and the
 * affine gradients → [B, C, 6] = (A, B, D, dγ, dα, dβ).
 */
class NormGradCoefProgram extends PerImageCoefProgram {
  variableNames = ['dy', 'x', 'affine'];
  shaderKey = 'sgInstanceNormGradCoef';
  constructor(B: number, C: number) {
    super(B, C, 6);
  }
  getUserCode(): string {
    return `
      ${STATS}
      ${MEAN_TILDE}
      var<workgroup> inv : array<f32, ${MAX_CHANNELS}>;
      var<workgroup> g : array<f32, ${MAX_CHANNELS}>;
      var<workgroup> gSums : vec2<f32>; // mean of g, Σ g·μ̃
      fn main() {
        let b = i32(workgroupId.x);
        let C = uniforms.C;
        let N = f32(uniforms.N);
        let a = row(b) * 3 * C;
        for (var c = i32(localIndex); c < C; c += ${LANES}) {
          let st = channelStats(b, c);
          mus[c] = st.x;
          inv[c] = st.y;
        }
        workgroupBarrier();
        acrossChannels();
        for (var c = i32(localIndex); c < C; c += ${LANES}) {
          let base = b * uniforms.N * C + c;
          var S1 = 0.0;
          var S2 = 0.0;
          for (var p = 0; p < uniforms.N; p++) {
            let d = dy[base + p * C];
            S1 += d;
            S2 += d * (x[base + p * C] - mus[c]) * inv[c];
          }
          let gamma = affine[a + c];
          let alpha = affine[a + C + c];
          let tilde = (mus[c] - across.x) * across.y;
          g[c] = gamma * alpha * S1;
          let o = (b * C + c) * 6;
          result[o] = gamma * inv[c];
          result[o + 1] = -gamma * inv[c] * inv[c] * S2 / N;
          result[o + 2] = -gamma * inv[c] * S1 / N + gamma * inv[c] * inv[c] * S2 * mus[c] / N;
          result[o + 3] = S2 + alpha * tilde * S1;
          result[o + 4] = gamma * tilde * S1;
          result[o + 5] = S1;
        }
        workgroupBarrier();
        if (localIndex == 0u) {
          var gm = 0.0;
          var gt = 0.0;
          for (var c = 0; c < C; c++) {
            gm += g[c];
            gt += g[c] * (mus[c] - across.x) * across.y;
          }
          gSums = vec2<f32>(gm / f32(C), gt);
        }
        workgroupBarrier();
        let t = across.y;
        for (var c = i32(localIndex); c < C; c += ${LANES}) {
          let tilde = (mus[c] - across.x) * t;
          let dMu = t * (g[c] - gSums.x) - t * tilde / f32(max(C - 1, 1)) * gSums.y;
          result[(b * C + c) * 6 + 2] += dMu / N;
        }
      }
    `;
  }
}

/** [B, C, 6] coefficients → the input gradient's [B, C, 3] and the affine gradient [R, 1, 1, 3C]. */
class SplitGradProgram implements WebGPUProgram {
  variableNames = ['k'];
  uniforms = 'B : i32, C : i32, R : i32,';
  outputShape: number[];
  shaderKey: string;
  dispatchLayout: { x: number[] };
  dispatch: [number, number, number];
  workgroupSize: [number, number, number] = [LANES, 1, 1];
  size = true;
  constructor(
    shape: number[],
    private readonly affinePart: boolean,
  ) {
    this.outputShape = shape;
    this.shaderKey = `sgInstanceNormSplit_${affinePart}`;
    this.dispatchLayout = { x: shape.map((_, i) => i) };
    this.dispatch = [Math.ceil(shape.reduce((p, q) => p * q, 1) / LANES), 1, 1];
  }
  getUserCode(): string {
    const body = this.affinePart
      ? `// index = r·3C + part·C + c; rows of one image each, or all images summed into one row.
         let C = uniforms.C;
         let r = index / (3 * C);
         let part = (index - r * 3 * C) / C;
         let c = index % C;
         var v = 0.0;
         let first = select(0, r, uniforms.R > 1);
         let last = select(uniforms.B, r + 1, uniforms.R > 1);
         for (var b = first; b < last; b++) { v += k[(b * C + c) * 6 + 3 + part]; }`
      : `let v = k[(index / 3) * 6 + index % 3];`;
    return `
      fn main(index : i32) {
        if (index < uniforms.size) {
          ${body}
          setOutputAtIndex(index, v);
        }
      }
    `;
  }
}

function shapes(x: Info, affine: Info) {
  const [B, H, W, C] = x.shape;
  const R = affine.shape[0];
  return { B, N: H * W, C, R };
}

/** Registers the forward and gradient kernels on WebGPU; norms.ts uses them when present. */
export function registerWebGpuInstanceNorm(): void {
  for (const name of [INSTANCE_NORM_KERNEL, INSTANCE_NORM_GRAD_KERNEL])
    if (tf.getKernel(name, 'webgpu')) tf.unregisterKernel(name, 'webgpu');
  tf.registerKernel({
    kernelName: INSTANCE_NORM_KERNEL,
    backendName: 'webgpu',
    kernelFunc: ({ inputs, backend }) => {
      const { x, affine } = inputs as { x: Info; affine: Info };
      const gpu = backend as unknown as Runner;
      const { B, N, C, R } = shapes(x, affine);
      const coef = gpu.runWebGPUProgram(new NormCoefProgram(B, C), [x, affine], 'float32', [
        int(N),
        int(C),
        int(R),
      ]);
      const out = gpu.runWebGPUProgram(new PerChannelAffineProgram(x.shape, false), [x, coef], 'float32', [
        int(C),
      ]);
      gpu.disposeData(coef.dataId);
      return out;
    },
  });
  tf.registerKernel({
    kernelName: INSTANCE_NORM_GRAD_KERNEL,
    backendName: 'webgpu',
    kernelFunc: ({ inputs, backend }) => {
      const { dy, x, affine } = inputs as { dy: Info; x: Info; affine: Info };
      const gpu = backend as unknown as Runner;
      const { B, N, C, R } = shapes(x, affine);
      const u = [int(N), int(C), int(R)];
      const k = gpu.runWebGPUProgram(new NormGradCoefProgram(B, C), [dy, x, affine], 'float32', u);
      const split = [int(B), int(C), int(R)];
      const kx = gpu.runWebGPUProgram(new SplitGradProgram([B, C, 3], false), [k], 'float32', split);
      const dAffine = gpu.runWebGPUProgram(new SplitGradProgram(affine.shape, true), [k], 'float32', split);
      const dx = gpu.runWebGPUProgram(new PerChannelAffineProgram(x.shape, true), [dy, x, kx], 'float32', [
        int(C),
      ]);
      gpu.disposeData(k.dataId);
      gpu.disposeData(kx.dataId);
      return [dx, dAffine];
    },
  });
}
