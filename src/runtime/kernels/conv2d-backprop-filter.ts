/**
 * Conv2DBackpropFilter composed from a backend's own Pad/Transpose/Conv2D/Slice kernels.
 * WASM has no such kernel (conv nets cannot train there without it); on WebGL it is also
 * faster than the stock one on software GPUs (docs/architecture.md, kernel patches).
 *
 * dW[kh, kw, ci, co] = sum_{n, y, x} xPadded[n, y*s + kh, x*s + kw, ci] * dy[n, y, x, co]
 * is a dilated "valid" convolution of x (batch moved to channels) with dy as the filter.
 */
import * as tf from '@tensorflow/tfjs';
import { filterGradInfo } from './filter-grad-info';

type KernelFunc = tf.KernelConfig['kernelFunc'];
type Info = tf.TensorInfo;

export function registerComposedConv2DBackpropFilter(backendName: string): void {
  const kernel = (name: string): KernelFunc => {
    const k = tf.getKernel(name, backendName);
    if (!k) throw new Error(`Backend ${backendName} lacks ${name}, needed to compose Conv2DBackpropFilter.`);
    return k.kernelFunc;
  };
  const transpose = kernel('Transpose');
  const pad = kernel('PadV2');
  const conv = kernel('Conv2D');
  const slice = kernel('Slice');

  if (tf.getKernel('Conv2DBackpropFilter', backendName))
    tf.unregisterKernel('Conv2DBackpropFilter', backendName);
  tf.registerKernel({
    kernelName: 'Conv2DBackpropFilter',
    backendName,
    kernelFunc: ({ inputs, backend, attrs }) => {
      const { x, dy } = inputs as { x: Info; dy: Info };
      const { info } = filterGradInfo(x, attrs);
      const { top, bottom, left, right } = info.padInfo;
      const temps: Info[] = [];
      const keep = (t: Info | Info[]): Info => {
        const one = Array.isArray(t) ? t[0] : t;
        temps.push(one);
        return one;
      };
      const run = (f: KernelFunc, ins: tf.NamedTensorInfoMap, at: tf.NamedAttrMap) =>
        keep(f({ inputs: ins, backend, attrs: at }) as Info | Info[]);

      const xp = run(
        pad,
        { x },
        {
          paddings: [
            [0, 0],
            [top, bottom],
            [left, right],
            [0, 0],
          ],
          constantValue: 0,
        },
      );
      const xt = run(transpose, { x: xp }, { perm: [3, 1, 2, 0] }); // [Ci, Hp, Wp, N]
      const dyt = run(transpose, { x: dy }, { perm: [1, 2, 0, 3] }); // [Ho, Wo, N, Co]
      const c = run(
        conv,
        { x: xt, filter: dyt },
        {
          strides: [1, 1],
          pad: 'valid',
          dataFormat: 'NHWC',
          dilations: [info.strideHeight, info.strideWidth],
        },
      ); // [Ci, >=kh, >=kw, Co]
      const s = run(
        slice,
        { x: c },
        { begin: [0, 0, 0, 0], size: [-1, info.filterHeight, info.filterWidth, -1] },
      );
      const out = transpose({ inputs: { x: s }, backend, attrs: { perm: [1, 2, 0, 3] } }) as Info; // [kh, kw, Ci, Co]
      const b = backend as tf.KernelBackend & { disposeIntermediateTensorInfo?: (t: Info) => void };
      for (const t of temps) {
        if (b.disposeIntermediateTensorInfo) b.disposeIntermediateTensorInfo(t);
        else b.disposeData(t.dataId);
      }
      return out;
    },
  });
}
