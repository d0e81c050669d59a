/**
 * The input gradient of a stride-1 'same' dilated conv on WebGPU (src/score/networks/dilated-conv.ts):
 * the forward conv of dy with the filter flipped in space and its channels swapped,
 *
 *   dx = conv_d(dy, w'),   w'[kh, kw, co, ci] = w[KH − 1 − kh, KW − 1 − kw, ci, co],
 *
 * w' written by one small program (instead of a reverse and a transpose) and the conv run by
 * tfjs's own WebGPU Conv2D kernel, which takes dilations.
 */
import * as tf from '@tensorflow/tfjs';
import type { WebGPUBackend, WebGPUProgram } from '@tensorflow/tfjs-backend-webgpu';
import { INPUT_GRAD } from '../../score/networks/conv-op';

type Info = tf.TensorInfo;

const LANES = 64;

/** w [KH, KW, Ci, Co] → w' [KH, KW, Co, Ci] flipped in space. */
class FlipFilterProgram implements WebGPUProgram {
  variableNames = ['w'];
  uniforms = 'KH : i32, KW : i32, Ci : i32, Co : i32,';
  outputShape: number[];
  shaderKey = 'sgFlipFilter';
  dispatchLayout: { x: number[] };
  dispatch: [number, number, number];
  workgroupSize: [number, number, number] = [LANES, 1, 1];
  size = true;
  constructor(shape: number[]) {
    const [KH, KW, Ci, Co] = shape;
    this.outputShape = [KH, KW, Co, Ci];
    this.dispatchLayout = { x: [0, 1, 2, 3] };
    this.dispatch = [Math.ceil((KH * KW * Ci * Co) / LANES), 1, 1];
  }
  getUserCode(): string {
    return `
      fn main(index : i32) {
        if (index < uniforms.size) {
          let ci = index % uniforms.Ci;
          let co = (index / uniforms.Ci) % uniforms.Co;
          let kk = index / (uniforms.Ci * uniforms.Co);
          let kw = kk % uniforms.KW;
          let kh = kk / uniforms.KW;
          let source = ((uniforms.KH - 1 - kh) * uniforms.KW + (uniforms.KW - 1 - kw)) * uniforms.Ci * uniforms.Co;
          setOutputAtIndex(index, w[source + ci * uniforms.Co + co]);
        }
      }
    `;
  }
}

/** Inputs dy [B, H, W, Co] and filter [KH, KW, Ci, Co]; attrs dilations (stride 1, 'same'). */
export function registerWebGpuDilatedConv2DBackpropInput(): void {
  const conv = tf.getKernel('Conv2D', 'webgpu');
  if (!conv) throw new Error('The WebGPU backend lacks Conv2D.');
  if (tf.getKernel(INPUT_GRAD, 'webgpu')) tf.unregisterKernel(INPUT_GRAD, 'webgpu');
  tf.registerKernel({
    kernelName: INPUT_GRAD,
    backendName: 'webgpu',
    kernelFunc: ({ inputs, backend, attrs }) => {
      const { dy, filter } = inputs as { dy: Info; filter: Info };
      const { dilations } = attrs as unknown as { dilations: number | [number, number] };
      const gpu = backend as unknown as WebGPUBackend;
      const [KH, KW, Ci, Co] = filter.shape;
      const flipped = gpu.runWebGPUProgram(new FlipFilterProgram(filter.shape), [filter], 'float32', [
        { type: 'int32', data: [KH] },
        { type: 'int32', data: [KW] },
        { type: 'int32', data: [Ci] },
        { type: 'int32', data: [Co] },
      ]);
      const dx = conv.kernelFunc({
        inputs: { x: dy, filter: flipped },
        backend,
        attrs: {
          strides: 1,
          pad: 'same',
          dataFormat: 'NHWC',
          dilations,
          dimRoundingMode: undefined,
        } as unknown as tf.NamedAttrMap,
      }) as Info;
      gpu.disposeData(flipped.dataId);
      return dx;
    },
  });
}
