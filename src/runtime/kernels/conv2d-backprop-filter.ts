/**
 * Conv2DBackpropFilter composed from a backend's own Transpose/Conv2D/Slice kernels.
 * WASM has no such kernel (conv nets cannot train there without it); on WebGL it is also
 * faster than the stock one on software GPUs (docs/architecture.md, kernel patches).
 *
 * dW[kh, kw, ci, co] = sum_{n, y, x} xPadded[n, y·s + kh·d, x·s + kw·d, ci] · dy[n, y, x, co]
 * (stride s, dilation d) is a "valid" convolution of x with its batch moved to the channels
 * and dy as the filter: stride d, dilation s, x's zero padding as the conv's own padding.
 * The dilated form serves wasm-conv-op.ts (dilated convs with their own gradient).
 */
import * as tf from '@tensorflow/tfjs';
import { filterGradInfo } from './filter-grad-info';
import { disposeIntermediates } from './dispose-intermediates';

type KernelFunc = tf.KernelConfig['kernelFunc'];
type Info = tf.TensorInfo;

/** The filter gradient on `backendName` (Conv2DBackpropFilter's inputs; attrs may add `dilations`). */
export function composedFilterGradient(backendName: string): KernelFunc {
  const kernel = (name: string): KernelFunc => {
    const k = tf.getKernel(name, backendName);
    if (!k) throw new Error(`Backend ${backendName} lacks ${name}, needed to compose Conv2DBackpropFilter.`);
    return k.kernelFunc;
  };
  const transpose = kernel('Transpose');
  const conv = kernel('Conv2D');
  const slice = kernel('Slice');

  return ({ inputs, backend, attrs }) => {
    const { x, dy } = inputs as { x: Info; dy: Info };
    const { info } = filterGradInfo(x, attrs);
    const { top, bottom, left, right } = info.padInfo;
    if (info.dilationHeight * info.dilationWidth > 1 && info.strideHeight * info.strideWidth > 1)
      throw new Error('Conv2DBackpropFilter: strides and dilations both above 1 are not supported.');
    const temps: Info[] = [];
    const run = (f: KernelFunc, ins: tf.NamedTensorInfoMap, at: tf.NamedAttrMap) => {
      const out = f({ inputs: ins, backend, attrs: at }) as Info | Info[];
      const one = Array.isArray(out) ? out[0] : out;
      temps.push(one);
      return one;
    };

    const xt = run(transpose, { x }, { perm: [3, 1, 2, 0] }); // [Ci, H, W, N]
    const dyt = run(transpose, { x: dy }, { perm: [1, 2, 0, 3] }); // [Ho, Wo, N, Co]
    let c = run(
      conv,
      { x: xt, filter: dyt },
      {
        strides: [info.dilationHeight, info.dilationWidth],
        pad: [
          [0, 0],
          [top, bottom],
          [left, right],
          [0, 0],
        ],
        dataFormat: 'NHWC',
        dilations: [info.strideHeight, info.strideWidth],
      },
    ); // [Ci, ≥kh, ≥kw, Co]
    if (c.shape[1] !== info.filterHeight || c.shape[2] !== info.filterWidth)
      c = run(slice, { x: c }, { begin: [0, 0, 0, 0], size: [-1, info.filterHeight, info.filterWidth, -1] });
    const out = transpose({ inputs: { x: c }, backend, attrs: { perm: [1, 2, 0, 3] } }) as Info; // [kh, kw, Ci, Co]
    disposeIntermediates(backend, temps);
    return out;
  };
}

export function registerComposedConv2DBackpropFilter(backendName: string): void {
  const kernelFunc = composedFilterGradient(backendName);
  if (tf.getKernel('Conv2DBackpropFilter', backendName))
    tf.unregisterKernel('Conv2DBackpropFilter', backendName);
  tf.registerKernel({ kernelName: 'Conv2DBackpropFilter', backendName, kernelFunc });
}
