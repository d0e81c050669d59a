/**
 * A direct typed-array Conv2DBackpropFilter for the cpu backend: the stock one reads each
 * element through TensorBuffer.get and takes >140 s for one batch-32 conv step (docs/architecture.md, kernel patches).
 * Loop order b, y, x, kh, kw, ci with co innermost over contiguous memory.
 */
import * as tf from '@tensorflow/tfjs';
import { filterGradInfo } from './filter-grad-info';

export function registerFastCpuConv2DBackpropFilter(): void {
  if (tf.getKernel('Conv2DBackpropFilter', 'cpu')) tf.unregisterKernel('Conv2DBackpropFilter', 'cpu');
  tf.registerKernel({
    kernelName: 'Conv2DBackpropFilter',
    backendName: 'cpu',
    kernelFunc: ({ inputs, backend, attrs }) => {
      const { x, dy } = inputs as { x: tf.TensorInfo; dy: tf.TensorInfo };
      const { info, filterShape } = filterGradInfo(x, attrs);
      const cpu = backend as unknown as {
        data: { get(id: object): { values: Float32Array } };
        makeTensorInfo(shape: number[], dtype: 'float32', values: Float32Array): tf.TensorInfo;
      };
      const xv = cpu.data.get(x.dataId).values;
      const dyv = cpu.data.get(dy.dataId).values;
      const [N, H, W, Ci] = x.shape;
      const [, Ho, Wo, Co] = dy.shape;
      const { filterHeight: KH, filterWidth: KW, strideHeight: SH, strideWidth: SW } = info;
      const { top, left } = info.padInfo;
      const dW = new Float32Array(KH * KW * Ci * Co);
      for (let b = 0; b < N; b++) {
        for (let yr = 0; yr < Ho; yr++) {
          for (let yc = 0; yc < Wo; yc++) {
            const dyOff = ((b * Ho + yr) * Wo + yc) * Co;
            for (let kr = 0; kr < KH; kr++) {
              const xr = yr * SH + kr - top;
              if (xr < 0 || xr >= H) continue;
              for (let kc = 0; kc < KW; kc++) {
                const xc = yc * SW + kc - left;
                if (xc < 0 || xc >= W) continue;
                const xOff = ((b * H + xr) * W + xc) * Ci;
                const wBase = (kr * KW + kc) * Ci * Co;
                for (let ci = 0; ci < Ci; ci++) {
                  const xval = xv[xOff + ci];
                  if (xval === 0) continue;
                  const o = wBase + ci * Co;
                  for (let co = 0; co < Co; co++) dW[o + co] += xval * dyv[dyOff + co];
                }
              }
            }
          }
        }
      }
      return cpu.makeTensorInfo(filterShape, 'float32', dW);
    },
  });
}
