/**
 * Conv2DBackpropFilter for WebGPU as a tiled implicit GEMM. tfjs 4.22's Conv2DDerFilterProgram
 * gives one thread per filter weight looping over batch × height × width: 92 % of a conv-net
 * training step on an H200 (issue 9). Here
 *
 *   dW[m, n] = Σ_k A[k, m] · B[k, n],   m = (kh·KW + kw)·Ci + ci,  n = co,  k = (b·Ho + y)·Wo + x,
 *   A[k, m] = x[b, y·sh + kh − top, x·sw + kw − left, ci]  (im2col(x), never materialised),
 *   B[k, n] = dy[b, y, x, co]
 *
 * Each workgroup computes a TM × TN tile of dW over one chunk of k (split-K: the B·H·W reduction
 * is spread over many workgroups), staging KT rows of A and B in workgroup memory and keeping a
 * 4 × 4 block of sums per thread; loads are vec4 when Ci (resp. Co) is a multiple of 4. With
 * several chunks, each workgroup adds its tile into the output with atomic compare-exchange (the
 * output buffer cleared by a command first, as tfjs's split-K matMul does with a fill program):
 * one program per call, not a second one summing the chunks (issue 9: programs per step).
 */
import * as tf from '@tensorflow/tfjs';
import type { WebGPUBackend, WebGPUProgram } from '@tensorflow/tfjs-backend-webgpu';
import { filterGradInfo } from './filter-grad-info';
import { FILTER_BIAS_GRAD, FILTER_GRAD } from '../../score/networks/conv-op';

type Info = tf.TensorInfo;
type Uniform = { type: 'int32'; data: number[] };

/** Rows of A and B staged per iteration. */
const KT = 16;
/** Workgroups to aim for when choosing the number of k chunks (enough to fill a large GPU). */
const TARGET_WORKGROUPS = 512;
/**
 * Fewest k values per chunk: below that the atomic adds of a chunk's tile cost more than its
 * share of the reduction saves; a batch-1 conv at 28 px (k = 784) runs in one chunk.
 */
const MIN_CHUNK = 2048;

/** Tile sizes, chunking and dispatch of one call (exported for tests and the bench). */
export interface FilterGradPlan {
  M: number;
  N: number;
  K: number;
  TM: number;
  TN: number;
  chunk: number;
  splits: number;
}

export function planFilterGrad(M: number, N: number, K: number): FilterGradPlan {
  const TN = N >= 64 ? 64 : N > 16 ? 32 : N > 8 ? 16 : N > 4 ? 8 : 4;
  // No taller than M needs (the first conv has M = 9): idle rows cost as much as busy ones.
  const TM = Math.min(TN <= 16 ? 128 : 64, Math.max(16, 2 ** Math.ceil(Math.log2(M))));
  const tiles = Math.ceil(M / TM) * Math.ceil(N / TN);
  const wanted = Math.ceil(TARGET_WORKGROUPS / tiles);
  const splitsMax = Math.max(1, Math.floor(K / MIN_CHUNK));
  const s = Math.max(1, Math.min(wanted, splitsMax));
  const chunk = Math.ceil(Math.ceil(K / s) / KT) * KT;
  return { M, N, K, TM, TN, chunk, splits: Math.ceil(K / chunk) };
}

class FilterGradProgram implements WebGPUProgram {
  variableNames = ['x', 'dy'];
  variableComponents: number[];
  uniforms =
    'M : i32, N : i32, K : i32, chunk : i32, Ho : i32, Wo : i32, KW : i32, Ci : i32, ' +
    'H : i32, W : i32, strideH : i32, strideW : i32, padTop : i32, padLeft : i32, ' +
    'dilationH : i32, dilationW : i32, xRows : i32,';
  outputShape: number[];
  shaderKey: string;
  dispatchLayout = { x: [0], y: [1], z: [2] };
  dispatch: [number, number, number];
  workgroupSize: [number, number, number];

  /** Several chunks add into a zeroed output (tfjs then declares `result` as atomic<i32>). */
  atomic: boolean;

  constructor(
    outputShape: number[],
    private readonly plan: FilterGradPlan,
    private readonly xVec4: boolean,
    private readonly dyVec4: boolean,
    /** Row xRows of A is all ones: row xRows of the result is Σ_k dy, the bias gradient. */
    private readonly bias: boolean,
  ) {
    this.outputShape = outputShape;
    this.variableComponents = [xVec4 ? 4 : 1, dyVec4 ? 4 : 1];
    this.workgroupSize = [plan.TN / 4, plan.TM / 4, 1];
    this.dispatch = [Math.ceil(plan.N / plan.TN), Math.ceil(plan.M / plan.TM), plan.splits];
    this.atomic = plan.splits > 1;
    this.shaderKey = `sgFilterGrad_${plan.TM}_${plan.TN}_${xVec4}_${dyVec4}_${bias}_${this.atomic}`;
  }

  getUserCode(): string {
    const { TM, TN } = this.plan;
    const threads = (TM / 4) * (TN / 4);
    const am = TM / 4; // vec4 columns of the A tile
    const bn = TN / 4;
    // One vec4 of A: 4 consecutive m (same kh, kw when Ci % 4 == 0) at pixel k.
    const loadA = this.xVec4
      ? `${this.bias ? 'if (m >= uniforms.xRows) { return vec4<f32>(1.0, 0.0, 0.0, 0.0); }' : ''}
         let xi = xIndex(k, m);
         if (xi < 0) { return vec4<f32>(0.0); }
         return x[xi / 4];`
      : `var v = vec4<f32>(0.0);
         for (var i = 0; i < 4; i++) {
           if (m + i < uniforms.xRows) {
             let xi = xIndex(k, m + i);
             if (xi >= 0) { v[i] = x[xi]; }
           }${this.bias ? ' else if (m + i == uniforms.xRows) { v[i] = 1.0; }' : ''}
         }
         return v;`;
    const loadB = this.dyVec4
      ? `return dy[(k * uniforms.N + n) / 4];`
      : `var v = vec4<f32>(0.0);
         for (var j = 0; j < 4; j++) {
           if (n + j < uniforms.N) { v[j] = dy[k * uniforms.N + n + j]; }
         }
         return v;`;
    return `
      var<workgroup> tileA : array<vec4<f32>, ${KT * am}>;
      var<workgroup> tileB : array<vec4<f32>, ${KT * bn}>;

      // Flat index into x of im2col element (k, m), or -1 in the zero padding.
      fn xIndex(k : i32, m : i32) -> i32 {
        let pix = uniforms.Ho * uniforms.Wo;
        let b = k / pix;
        let yx = k - b * pix;
        let oy = yx / uniforms.Wo;
        let ox = yx - oy * uniforms.Wo;
        let kk = m / uniforms.Ci;
        let ci = m - kk * uniforms.Ci;
        let kh = kk / uniforms.KW;
        let kw = kk - kh * uniforms.KW;
        let row = oy * uniforms.strideH + kh * uniforms.dilationH - uniforms.padTop;
        let col = ox * uniforms.strideW + kw * uniforms.dilationW - uniforms.padLeft;
        if (row < 0 || row >= uniforms.H || col < 0 || col >= uniforms.W) { return -1; }
        return ((b * uniforms.H + row) * uniforms.W + col) * uniforms.Ci + ci;
      }
      fn loadA(k : i32, m : i32) -> vec4<f32> {
        ${loadA}
      }
      fn loadB(k : i32, n : i32) -> vec4<f32> {
        ${loadB}
      }

      fn main() {
        let tx = i32(localId.x);
        let ty = i32(localId.y);
        let li = i32(localIndex);
        let n0 = i32(workgroupId.x) * ${TN};
        let m0 = i32(workgroupId.y) * ${TM};
        let kStart = i32(workgroupId.z) * uniforms.chunk;
        let kEnd = min(kStart + uniforms.chunk, uniforms.K);
        var acc : array<vec4<f32>, 4>;
        for (var i = 0; i < 4; i++) { acc[i] = vec4<f32>(0.0); }

        // The trip count must be uniform (barriers inside): every chunk runs uniforms.chunk rows,
        // rows past K read as zeros.
        for (var t = 0; t < uniforms.chunk; t += ${KT}) {
          let k0 = kStart + t;
          for (var e = li; e < ${KT * am}; e += ${threads}) {
            let r = e / ${am};
            let k = k0 + r;
            let m = m0 + 4 * (e - r * ${am});
            var a = vec4<f32>(0.0);
            if (k < kEnd && m < uniforms.M) { a = loadA(k, m); }
            tileA[e] = a;
          }
          for (var e = li; e < ${KT * bn}; e += ${threads}) {
            let r = e / ${bn};
            let k = k0 + r;
            let n = n0 + 4 * (e - r * ${bn});
            var b = vec4<f32>(0.0);
            if (k < kEnd && n < uniforms.N) { b = loadB(k, n); }
            tileB[e] = b;
          }
          workgroupBarrier();
          for (var r = 0; r < ${KT}; r++) {
            let a = tileA[r * ${am} + ty];
            let b = tileB[r * ${bn} + tx];
            acc[0] += a.x * b;
            acc[1] += a.y * b;
            acc[2] += a.z * b;
            acc[3] += a.w * b;
          }
          workgroupBarrier();
        }

        for (var i = 0; i < 4; i++) {
          let m = m0 + 4 * ty + i;
          for (var j = 0; j < 4; j++) {
            let n = n0 + 4 * tx + j;
            if (m < uniforms.M && n < uniforms.N) {
              ${this.atomic ? 'addToResult(m * uniforms.N + n, acc[i][j]);' : 'result[m * uniforms.N + n] = acc[i][j];'}
            }
          }
        }
      }
      ${this.atomic ? ATOMIC_ADD : ''}
    `;
  }
}

/** result[i] += v for an f32 in an atomic<i32> buffer: compare-exchange until no other chunk interferes. */
const ATOMIC_ADD = `
  fn addToResult(i : i32, v : f32) {
    var old = atomicLoad(&result[i]);
    loop {
      let r = atomicCompareExchangeWeak(&result[i], old, bitcast<i32>(bitcast<f32>(old) + v));
      if (r.exchanged) { break; }
      old = r.old_value;
    }
  }
`;

const int = (...data: number[]): Uniform => ({ type: 'int32', data });

/** The parts of tfjs's WebGPUBackend (4.22) the bias split uses: buffers and the command stream. */
interface BackendBuffers {
  tensorMap: { get(dataId: object): { resource?: unknown } };
  commandEncoder: GPUCommandEncoder | null;
  commandQueueOwnedIds: WeakSet<object>;
  uploadToGPU(dataId: object): void;
  ensureCommandEncoderReady(): void;
  endComputePassEncoder(): void;
}

/** The GPU buffer behind `t`, allocated if need be and kept alive for the queued commands. */
function gpuBuffer(gpu: WebGPUBackend, t: Info): GPUBuffer {
  const b = gpu as unknown as BackendBuffers;
  b.uploadToGPU(t.dataId);
  b.commandQueueOwnedIds.add(t.dataId);
  return b.tensorMap.get(t.dataId).resource as GPUBuffer;
}

/** A new float32 tensor of zeros, cleared by a command in the stream (no program). */
function zeros(gpu: WebGPUBackend, shape: number[]): Info {
  const b = gpu as unknown as BackendBuffers;
  const out = gpu.makeTensorInfo(shape, 'float32');
  const buf = gpuBuffer(gpu, out);
  b.ensureCommandEncoderReady();
  b.endComputePassEncoder();
  b.commandEncoder!.clearBuffer(buf);
  return out;
}

/** [M + 1, N] → dw (rows 0…M−1, as `filterShape`) and db (row M), by buffer copies (no programs). */
function splitBiasRow(gpu: WebGPUBackend, out: Info, filterShape: number[]): Info[] {
  const b = gpu as unknown as BackendBuffers;
  const N = filterShape[3];
  const wBytes = filterShape.reduce((p, q) => p * q, 1) * 4;
  const dw = gpu.makeTensorInfo(filterShape, 'float32');
  const db = gpu.makeTensorInfo([N], 'float32');
  const [src, wBuf, bBuf] = [gpuBuffer(gpu, out), gpuBuffer(gpu, dw), gpuBuffer(gpu, db)];
  b.ensureCommandEncoderReady();
  b.endComputePassEncoder();
  b.commandEncoder!.copyBufferToBuffer(src, 0, wBuf, 0, wBytes);
  b.commandEncoder!.copyBufferToBuffer(src, wBytes, bBuf, 0, N * 4);
  gpu.disposeData(out.dataId);
  return [dw, db];
}

const filterGradKernel =
  (bias: boolean): tf.KernelFunc =>
  ({ inputs, backend, attrs }) => {
    const { x, dy } = inputs as { x: Info; dy: Info };
    const { info, filterShape } = filterGradInfo(x, attrs);
    const gpu = backend as unknown as WebGPUBackend;
    const [, H, W, Ci] = x.shape;
    const [N, Ho, Wo, Co] = dy.shape;
    const [KH, KW] = filterShape;
    const xRows = KH * KW * Ci;
    const plan = planFilterGrad(xRows + (bias ? 1 : 0), Co, N * Ho * Wo);
    const outShape = bias ? [plan.M, plan.N] : filterShape;
    const program = new FilterGradProgram(outShape, plan, Ci % 4 === 0, Co % 4 === 0, bias);
    const uniforms = [
      int(plan.M),
      int(plan.N),
      int(plan.K),
      int(plan.chunk),
      int(Ho),
      int(Wo),
      int(KW),
      int(Ci),
      int(H),
      int(W),
      int(info.strideHeight),
      int(info.strideWidth),
      int(info.padInfo.top),
      int(info.padInfo.left),
      int(info.dilationHeight),
      int(info.dilationWidth),
      int(xRows),
    ];
    const out = program.atomic
      ? gpu.runWebGPUProgram(program, [x, dy], 'float32', uniforms, zeros(gpu, outShape))
      : gpu.runWebGPUProgram(program, [x, dy], 'float32', uniforms);
    return bias ? splitBiasRow(gpu, out, filterShape) : out;
  };

/**
 * Replaces WebGPU's Conv2DBackpropFilter (NHWC, any stride and padding, dilation 1), and
 * registers the same kernel with dilations as FILTER_GRAD and with dilations and
 * the bias gradient as FILTER_BIAS_GRAD (networks/conv-op.ts).
 */
export function registerWebGpuConv2DBackpropFilter(): void {
  for (const [kernelName, bias] of [
    ['Conv2DBackpropFilter', false],
    [FILTER_GRAD, false],
    [FILTER_BIAS_GRAD, true],
  ] as const) {
    if (tf.getKernel(kernelName, 'webgpu')) tf.unregisterKernel(kernelName, 'webgpu');
    tf.registerKernel({ kernelName, backendName: 'webgpu', kernelFunc: filterGradKernel(bias) });
  }
}
