/**
 * InstanceNorm++ (src/score/networks/norms.ts), optionally followed by ELU, as two WebGPU programs
 * forward and three backward, instead of ~15 and ~40 elementwise/reduce programs (+ ELU and its
 * gradient). Per image b and channel c (N = H·W):
 *
 *   μ, v = mean, biased variance of x over H, W;  s = 1/√(v + ε)
 *   μ̃ = (μ − mean_c μ) / √(unbiased var_c μ + ε)
 *   y = γ·s·(x − μ) + β + γ·α·μ̃          (affine [R, 1, 1, 3C] = [γ | α | β], R = 1 or B)
 *
 * With ELU the output is out = ELU(y), and dy below is the incoming gradient times ELU′ read
 * from the saved output (out + 1 where out < 0, else 1: tfjs's EluGrad, as wasm-instance-norm.ts).
 *
 * Gradient (S1 = Σ dy, S2 = Σ dy·x̂ over H, W; g = γ·α·S1; t = 1/√(var_c μ + ε)):
 *   dμ = t·(g − mean_c g) − t·μ̃/(C − 1)·Σ_c g·μ̃
 *   dx = γ·s·(dy − S1/N − x̂·S2/N) + dμ/N
 *   dγ = S2 + α·μ̃·S1,  dα = γ·μ̃·S1,  dβ = S1   (summed over the images of a row)
 *
 * One workgroup per image computes its channels' statistics (256 lanes: several per channel
 * when C < 256, each summing every K-th pixel, partial sums in workgroup memory; the
 * across-channel part there too); one elementwise program applies them. Backward, the
 * coefficient program writes [B, C, 6] = (A, B, D, dγ, dα, dβ): the input gradient
 * dx = A·dy + B·x + D reads them in place, one small program sums dγ, dα, dβ over the images.
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
/** Lanes of the per-image programs: they share an image's pixels (LANE_SPLIT). */
const STAT_LANES = 256;

const int = (...data: number[]): Uniform => ({ type: 'int32', data });
/** Coefficients per image and channel written by the gradient's first program: (A, B, D, dγ, dα, dβ). */
const GRAD_WIDTH = 6;

/** WGSL: ELU′ from the ELU's output y (tfjs's EluGrad: y + 1 where y < 0, else 1). */
const ELU_GRAD = `fn eluGrad(y : f32) -> f32 { return min(y, 0.0) + 1.0; }`;

/**
 * Shared WGSL: how the per-image programs' lanes share an image (x is [B, N, C]). With C ≤ lanes,
 * K = lanes / C lanes work on each channel, each summing every K-th pixel (neighbouring lanes
 * take neighbouring channels: the loads coalesce), and the K partial sums meet in workgroup
 * memory; wider layers take their channels in passes of `lanes` channels, one lane each.
 */
const LANE_SPLIT = `
  var<workgroup> part : array<vec2<f32>, ${STAT_LANES}>;
  fn lanesPerChannel() -> i32 { return max(1, ${STAT_LANES} / uniforms.C); }
  fn channelsPerPass() -> i32 { return ${STAT_LANES} / lanesPerChannel(); }
  /** The sum of the K lanes' part[] entries of the channel this lane works on (lane l < channelsPerPass). */
  fn laneSum(l : i32) -> vec2<f32> {
    var t = vec2<f32>(0.0);
    for (var j = 0; j < lanesPerChannel(); j++) { t += part[j * channelsPerPass() + l]; }
    return t;
  }
  fn row(b : i32) -> i32 { return select(0, b, uniforms.R > 1); }
`;

/**
 * WGSL (inside main, image b): the channels in passes as LANE_SPLIT says; each pass runs
 * `body` with c (this lane's channel), working (c < C and a lane of it), base (x's index of
 * pixel 0, channel c), sub (which of the channel's K lanes) and l (the lane).
 */
const channelPasses = (body: string) => `
  {
    let K = lanesPerChannel();
    let cpp = channelsPerPass();
    let l = i32(localIndex);
    let sub = l / cpp;
    for (var c0 = 0; c0 < uniforms.C; c0 += cpp) {
      let c = c0 + l % cpp;
      let working = c < uniforms.C && sub < K;
      let base = b * uniforms.N * uniforms.C + c;
      ${body}
    }
  }
`;

/**
 * WGSL (a channelPasses body): the channel's K lanes each sum `term` (a vec2<f32> of pixel
 * index i) over their pixels; the first of them then runs `use` with T, the channel's total.
 */
const laneReduce = (term: string, use: string) => `
  {
    var s = vec2<f32>(0.0);
    if (working) { for (var p = sub; p < uniforms.N; p += K) { let i = base + p * uniforms.C; s += ${term}; } }
    part[l] = s;
    workgroupBarrier();
    if (working && sub == 0) { let T = laneSum(l % cpp); ${use} }
    workgroupBarrier();
  }
`;

/** Shared WGSL: mus[c] and inv[c], image b's channel means and 1/√(biased variance + ε). */
const STATS = `
  ${LANE_SPLIT}
  var<workgroup> inv : array<f32, ${MAX_CHANNELS}>;
  fn imageStats(b : i32) {
    ${channelPasses(
      laneReduce('vec2<f32>(x[i], 0.0)', 'mus[c] = T.x / f32(uniforms.N);') +
        laneReduce(
          'vec2<f32>((x[i] - mus[c]) * (x[i] - mus[c]), 0.0)',
          `inv[c] = inverseSqrt(T.x / f32(uniforms.N) + ${EPS});`,
        ),
    )}
  }
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
  workgroupSize: [number, number, number] = [STAT_LANES, 1, 1];
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
      ${MEAN_TILDE}
      ${STATS}
      fn main() {
        let b = i32(workgroupId.x);
        let C = uniforms.C;
        imageStats(b);
        acrossChannels();
        let a = row(b) * 3 * C;
        for (var c = i32(localIndex); c < C; c += ${STAT_LANES}) {
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

/**
 * out = x·coef[0] + coef[1], then ELU if asked (forward), or A·dy + B·x + D with (A, B, D, …) = k
 * (input gradient; dy times ELU′ of the saved output eluOut if asked).
 */
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
    private readonly elu: boolean,
  ) {
    this.outputShape = shape;
    this.variableNames = gradient ? ['dy', 'x', 'k', ...(elu ? ['eluOut'] : [])] : ['x', 'k'];
    this.shaderKey = `sgPerChannelAffine_${gradient}_${elu}`;
    this.dispatchLayout = { x: shape.map((_, i) => i) };
    const size = shape.reduce((p, q) => p * q, 1);
    this.dispatch = [Math.ceil(size / LANES), 1, 1];
  }
  getUserCode(): string {
    const C = 'uniforms.C';
    const value = this.gradient
      ? `let k0 = (b * ${C} + c) * ${GRAD_WIDTH};
         let xi = x[index];
         let d = dy[index]${this.elu ? ' * eluGrad(eluOut[index])' : ''};
         let v = d * k[k0] + xi * k[k0 + 1] + k[k0 + 2];`
      : `let k0 = (b * ${C} + c) * 2;
         let y = x[index] * k[k0] + k[k0 + 1];
         let v = ${this.elu ? 'select(exp(y) - 1.0, y, y >= 0.0)' : 'y'};`;
    return `
      ${this.elu && this.gradient ? ELU_GRAD : ''}
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
 * Per image and channel: the input gradient's coefficients (dx = A·dy + B·x + D) and the affine
 * gradients → [B, C, 6] = (A, B, D, dγ, dα, dβ).
 */
class NormGradCoefProgram extends PerImageCoefProgram {
  variableNames: string[];
  shaderKey: string;
  constructor(
    B: number,
    C: number,
    private readonly elu: boolean,
  ) {
    super(B, C, GRAD_WIDTH);
    this.variableNames = ['dy', 'x', 'affine', ...(elu ? ['eluOut'] : [])];
    this.shaderKey = `sgInstanceNormGradCoef_${elu}`;
  }
  getUserCode(): string {
    const W = GRAD_WIDTH;
    const d = `dy[i]${this.elu ? ' * eluGrad(eluOut[i])' : ''}`;
    return `
      ${STATS}
      ${MEAN_TILDE}
      ${this.elu ? ELU_GRAD : ''}
      var<workgroup> g : array<f32, ${MAX_CHANNELS}>;
      var<workgroup> gSums : vec2<f32>; // mean of g, Σ g·μ̃
      fn main() {
        let b = i32(workgroupId.x);
        let C = uniforms.C;
        let N = f32(uniforms.N);
        let a = row(b) * 3 * C;
        imageStats(b);
        acrossChannels();
        // S1 = Σ dy, S2 = Σ dy·x̂ per channel.
        ${channelPasses(
          laneReduce(
            `${d} * vec2<f32>(1.0, (x[i] - mus[c]) * inv[c])`,
            `let S1 = T.x;
            let S2 = T.y;
            let gamma = affine[a + c];
            let alpha = affine[a + C + c];
            let tilde = (mus[c] - across.x) * across.y;
            g[c] = gamma * alpha * S1;
            let o = (b * C + c) * ${W};
            result[o] = gamma * inv[c];
            result[o + 1] = -gamma * inv[c] * inv[c] * S2 / N;
            result[o + 2] = -gamma * inv[c] * S1 / N + gamma * inv[c] * inv[c] * S2 * mus[c] / N;
            result[o + 3] = S2 + alpha * tilde * S1;
            result[o + 4] = gamma * tilde * S1;
            result[o + 5] = S1;`,
          ),
        )}
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
        for (var c = i32(localIndex); c < C; c += ${STAT_LANES}) {
          let tilde = (mus[c] - across.x) * t;
          let dMu = t * (g[c] - gSums.x) - t * tilde / f32(max(C - 1, 1)) * gSums.y;
          result[(b * C + c) * ${W} + 2] += dMu / N;
        }
      }
    `;
  }
}

/** [B, C, 6] coefficients → the affine gradient [R, 1, 1, 3C] (summed over the images of a row). */
class AffineGradProgram implements WebGPUProgram {
  variableNames = ['k'];
  uniforms = 'B : i32, C : i32, R : i32,';
  outputShape: number[];
  dispatchLayout: { x: number[] };
  dispatch: [number, number, number];
  workgroupSize: [number, number, number] = [LANES, 1, 1];
  size = true;
  shaderKey = 'sgInstanceNormAffineGrad';
  constructor(shape: number[]) {
    this.outputShape = shape;
    this.dispatchLayout = { x: shape.map((_, i) => i) };
    this.dispatch = [Math.ceil(shape.reduce((p, q) => p * q, 1) / LANES), 1, 1];
  }
  getUserCode(): string {
    return `
      fn main(index : i32) {
        if (index < uniforms.size) {
          // index = r·3C + part·C + c; rows of one image each, or all images summed into one row.
          let C = uniforms.C;
          let r = index / (3 * C);
          let part = (index - r * 3 * C) / C;
          let c = index % C;
          var v = 0.0;
          let first = select(0, r, uniforms.R > 1);
          let last = select(uniforms.B, r + 1, uniforms.R > 1);
          for (var b = first; b < last; b++) { v += k[(b * C + c) * ${GRAD_WIDTH} + 3 + part]; }
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
    kernelFunc: ({ inputs, backend, attrs }) => {
      const { x, affine } = inputs as { x: Info; affine: Info };
      const elu = (attrs as { elu?: boolean } | undefined)?.elu === true;
      const gpu = backend as unknown as Runner;
      const { B, N, C, R } = shapes(x, affine);
      const coef = gpu.runWebGPUProgram(new NormCoefProgram(B, C), [x, affine], 'float32', [
        int(N),
        int(C),
        int(R),
      ]);
      const out = gpu.runWebGPUProgram(
        new PerChannelAffineProgram(x.shape, false, elu),
        [x, coef],
        'float32',
        [int(C)],
      );
      gpu.disposeData(coef.dataId);
      return out;
    },
  });
  tf.registerKernel({
    kernelName: INSTANCE_NORM_GRAD_KERNEL,
    backendName: 'webgpu',
    kernelFunc: ({ inputs, backend, attrs }) => {
      const { dy, x, affine, y } = inputs as { dy: Info; x: Info; affine: Info; y?: Info };
      const elu = (attrs as { elu?: boolean } | undefined)?.elu === true;
      if (elu && !y) throw new Error(`${INSTANCE_NORM_GRAD_KERNEL} with elu needs the output y.`);
      const eluOut = elu && y ? [y] : [];
      const gpu = backend as unknown as Runner;
      const { B, N, C, R } = shapes(x, affine);
      const u = [int(N), int(C), int(R)];
      const k = gpu.runWebGPUProgram(
        new NormGradCoefProgram(B, C, elu),
        [dy, x, affine, ...eluOut],
        'float32',
        u,
      );
      const dAffine = gpu.runWebGPUProgram(new AffineGradProgram(affine.shape), [k], 'float32', [
        int(B),
        int(C),
        int(R),
      ]);
      const dx = gpu.runWebGPUProgram(
        new PerChannelAffineProgram(x.shape, true, elu),
        [dy, x, k, ...eluOut],
        'float32',
        [int(C)],
      );
      gpu.disposeData(k.dataId);
      return [dx, dAffine];
    },
  });
}
