/**
 * The DSM loss's per-sample half-squared residual (src/score/dsm.ts) and its gradient as one
 * WebGPU program each, instead of ~6 forward and ~6 backward elementwise/reduce programs:
 *
 *   r = s·out + z   (s = σ_b, or 1 for a network that divides by σ)
 *   loss_b = ½ Σ_i r_bi²          (one workgroup per sample, its lanes striding over the dims)
 *   d out_bi = dy_b · r_bi · s
 */
import * as tf from '@tensorflow/tfjs';
import type { WebGPUBackend, WebGPUProgram } from '@tensorflow/tfjs-backend-webgpu';

type Info = tf.TensorInfo;

export const DSM_LOSS_KERNEL = 'SgDsmPerSample';
export const DSM_LOSS_GRAD_KERNEL = 'SgDsmPerSampleGrad';
const LANES = 64;

/** WGSL: the residual r at flat index i of sample b (the network output is bound as `score`: tfjs names a uniform outShape). */
const residual = (scaled: boolean) =>
  `fn residual(b : i32, i : i32) -> f32 { return ${scaled ? 'sigma[b] * ' : ''}score[i] + noise[i]; }`;

class DsmLossProgram implements WebGPUProgram {
  variableNames: string[];
  uniforms = 'D : i32,';
  outputShape: number[];
  shaderKey: string;
  dispatchLayout = { x: [0], y: [1], z: [2] }; // not flat: main() takes no index
  dispatch: [number, number, number];
  workgroupSize: [number, number, number] = [LANES, 1, 1];
  constructor(
    B: number,
    private readonly scaled: boolean,
  ) {
    this.outputShape = [B];
    this.variableNames = scaled ? ['score', 'noise', 'sigma'] : ['score', 'noise'];
    this.shaderKey = `sgDsmLoss_${scaled}`;
    this.dispatch = [B, 1, 1];
  }
  getUserCode(): string {
    return `
      ${residual(this.scaled)}
      var<workgroup> partial : array<f32, ${LANES}>;
      fn main() {
        let b = i32(workgroupId.x);
        let lane = i32(localIndex);
        var s = 0.0;
        for (var i = lane; i < uniforms.D; i += ${LANES}) {
          let r = residual(b, b * uniforms.D + i);
          s += r * r;
        }
        partial[lane] = s;
        workgroupBarrier();
        for (var half = ${LANES / 2}; half > 0; half /= 2) {
          if (lane < half) { partial[lane] += partial[lane + half]; }
          workgroupBarrier();
        }
        if (lane == 0) { result[b] = 0.5 * partial[0]; }
      }
    `;
  }
}

class DsmLossGradProgram implements WebGPUProgram {
  variableNames: string[];
  uniforms = 'D : i32,';
  outputShape: number[];
  shaderKey: string;
  dispatchLayout: { x: number[] };
  dispatch: [number, number, number];
  workgroupSize: [number, number, number] = [LANES, 1, 1];
  size = true;
  constructor(
    shape: number[],
    private readonly scaled: boolean,
  ) {
    this.outputShape = shape;
    this.variableNames = scaled ? ['dy', 'score', 'noise', 'sigma'] : ['dy', 'score', 'noise'];
    this.shaderKey = `sgDsmLossGrad_${scaled}`;
    this.dispatchLayout = { x: shape.map((_, i) => i) };
    this.dispatch = [Math.ceil(shape.reduce((p, q) => p * q, 1) / LANES), 1, 1];
  }
  getUserCode(): string {
    return `
      ${residual(this.scaled)}
      fn main(index : i32) {
        if (index < uniforms.size) {
          let b = index / uniforms.D;
          setOutputAtIndex(index, dy[b] * residual(b, index)${this.scaled ? ' * sigma[b]' : ''});
        }
      }
    `;
  }
}

/** Inputs out, noise [B, …] and, for a network that does not divide by σ, sigma [B]. */
export function registerWebGpuDsmLoss(): void {
  for (const name of [DSM_LOSS_KERNEL, DSM_LOSS_GRAD_KERNEL])
    if (tf.getKernel(name, 'webgpu')) tf.unregisterKernel(name, 'webgpu');
  const dims = (out: Info) => ({
    type: 'int32' as const,
    data: [out.shape.slice(1).reduce((p, q) => p * q, 1)],
  });
  tf.registerKernel({
    kernelName: DSM_LOSS_KERNEL,
    backendName: 'webgpu',
    kernelFunc: ({ inputs, backend }) => {
      const { out, noise, sigma } = inputs as { out: Info; noise: Info; sigma?: Info };
      const gpu = backend as unknown as WebGPUBackend;
      const program = new DsmLossProgram(out.shape[0], sigma !== undefined);
      return gpu.runWebGPUProgram(program, sigma ? [out, noise, sigma] : [out, noise], 'float32', [
        dims(out),
      ]);
    },
  });
  tf.registerKernel({
    kernelName: DSM_LOSS_GRAD_KERNEL,
    backendName: 'webgpu',
    kernelFunc: ({ inputs, backend }) => {
      const { dy, out, noise, sigma } = inputs as { dy: Info; out: Info; noise: Info; sigma?: Info };
      const gpu = backend as unknown as WebGPUBackend;
      const program = new DsmLossGradProgram(out.shape, sigma !== undefined);
      const all = sigma ? [dy, out, noise, sigma] : [dy, out, noise];
      return gpu.runWebGPUProgram(program, all, 'float32', [dims(out)]);
    },
  });
}
