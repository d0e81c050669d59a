/**
 * Sum over the leading axes on WebGPU in one program. tfjs 4.22 reduces only the innermost
 * axis, so a sum over [0] of [B, F] or [0, 1, 2] of [B, H, W, C] (every bias gradient) runs a
 * transpose and then a reduce: 2 programs. Here each workgroup owns 16 adjacent columns
 * (coalesced reads) and 16 lanes per column stride over the rows, then add up in workgroup
 * memory. Other sums go to the stock kernel.
 */
import * as tf from '@tensorflow/tfjs';
import type { WebGPUBackend, WebGPUProgram } from '@tensorflow/tfjs-backend-webgpu';

type Info = tf.TensorInfo;

const COLS = 16;
const LANES = 16;

class LeadingSumProgram implements WebGPUProgram {
  variableNames = ['x'];
  uniforms = 'rows : i32, cols : i32,';
  outputShape: number[];
  shaderKey = 'sgLeadingSum';
  dispatchLayout = { x: [0], y: [1], z: [2] }; // not flat: main() takes no index
  dispatch: [number, number, number];
  workgroupSize: [number, number, number] = [COLS, LANES, 1];
  constructor(outputShape: number[], cols: number) {
    this.outputShape = outputShape;
    this.dispatch = [Math.ceil(cols / COLS), 1, 1];
  }
  getUserCode(): string {
    return `
      var<workgroup> partial : array<f32, ${COLS * LANES}>;
      fn main() {
        let col = i32(workgroupId.x) * ${COLS} + i32(localId.x);
        let lane = i32(localId.y);
        var s = 0.0;
        if (col < uniforms.cols) {
          for (var r = lane; r < uniforms.rows; r += ${LANES}) { s += x[r * uniforms.cols + col]; }
        }
        partial[localId.y * ${COLS}u + localId.x] = s;
        workgroupBarrier();
        if (lane == 0 && col < uniforms.cols) {
          var total = 0.0;
          for (var l = 0u; l < ${LANES}u; l++) { total += partial[l * ${COLS}u + localId.x]; }
          result[col] = total;
        }
      }
    `;
  }
}

/** How many leading axes `axis` names (all of 0…k−1, k < rank), or 0 when it is not such a set. */
export function leadingAxes(axis: number | number[], rank: number): number {
  const axes = [...new Set((Array.isArray(axis) ? axis : [axis]).map((a) => (a < 0 ? a + rank : a)))];
  axes.sort((a, b) => a - b);
  const k = axes.length;
  return k > 0 && k < rank && axes[k - 1] === k - 1 ? k : 0;
}

/** Wraps WebGPU's Sum: float32 sums over leading axes run the one-program kernel above. */
export function registerWebGpuLeadingSum(): void {
  const stock = tf.getKernel('Sum', 'webgpu');
  if (!stock) throw new Error('The WebGPU backend lacks Sum.');
  if ((stock.kernelFunc as { sgLeadingSum?: true }).sgLeadingSum) return;
  const kernelFunc: tf.KernelFunc & { sgLeadingSum?: true } = (args) => {
    const x = args.inputs.x as Info;
    const { axis, keepDims } = args.attrs as unknown as { axis: number | number[]; keepDims: boolean };
    const k = leadingAxes(axis, x.shape.length);
    if (!k || x.dtype !== 'float32') return stock.kernelFunc(args);
    const rows = x.shape.slice(0, k).reduce((p, q) => p * q, 1);
    const cols = x.shape.slice(k).reduce((p, q) => p * q, 1);
    if (rows === 0 || cols === 0) return stock.kernelFunc(args);
    const kept = keepDims ? [...x.shape.slice(0, k).map(() => 1), ...x.shape.slice(k)] : x.shape.slice(k);
    const gpu = args.backend as unknown as WebGPUBackend;
    return gpu.runWebGPUProgram(new LeadingSumProgram(kept, cols), [x], 'float32', [
      { type: 'int32', data: [rows] },
      { type: 'int32', data: [cols] },
    ]);
  };
  kernelFunc.sgLeadingSum = true;
  tf.unregisterKernel('Sum', 'webgpu');
  tf.registerKernel({ ...stock, kernelFunc });
}
