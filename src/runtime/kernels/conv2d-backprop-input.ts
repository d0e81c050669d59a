/**
 * Conv2DBackpropInput for WASM as a forward Conv2D (XNNPACK) of dy with the flipped,
 * in/out-swapped filter. The stock WASM kernel is a plain loop, 7× slower than the forward
 * conv: it was 46% of a conv-net training step (bench/README.md, "where the time goes").
 *
 * Stride 1: dx[p] = sum_k dy[p + top − (kh − 1) + k] · W[kh − 1 − k]ᵀ, i.e. a "valid"
 * correlation of dy padded by (kh − 1 − top, kh − 1 − bottom) with the flipped filter.
 * Strided convs keep the stock kernel (they would need zeros inserted into dy).
 */
import * as tf from '@tensorflow/tfjs';
import { disposeIntermediates } from './dispose-intermediates';
import { wasmHeap } from './wasm-heap';

type KernelFunc = tf.KernelConfig['kernelFunc'];
type Info = tf.TensorInfo;

interface Attrs {
  strides: [number, number] | number;
  pad: 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  inputShape: [number, number, number, number];
  dataFormat?: string;
}

const registered = new Set<string>();

/**
 * w [KH, KW, Ci, Co] → w' [KH, KW, Co, Ci], flipped in space, in one loop over the heap (the
 * Reverse + Transpose kernels took ~250 µs for a 3×3×32×32 filter, a quarter of the conv).
 */
function flippedSwapped(filter: Info, backend: unknown): Info {
  const heap = wasmHeap(backend);
  const [KH, KW, Ci, Co] = filter.shape;
  const out = heap.allocate([KH, KW, Co, Ci]);
  const [w, v] = [heap.view(filter), heap.view(out)];
  for (let kh = 0; kh < KH; kh++)
    for (let kw = 0; kw < KW; kw++) {
      const from = ((KH - 1 - kh) * KW + (KW - 1 - kw)) * Ci * Co;
      const to = (kh * KW + kw) * Co * Ci;
      for (let ci = 0; ci < Ci; ci++)
        for (let co = 0; co < Co; co++) v[to + co * Ci + ci] = w[from + ci * Co + co];
    }
  return out;
}

/**
 * dy convolved with the filter flipped in space and its channels swapped, dilation d, padding
 * [top, bottom, left, right]: the input gradient of a stride-1 conv (the padding as above, with
 * the dilated filter's extent d·(k − 1) + 1 for k).
 */
export function composedFlippedConv(
  backendName: string,
): (dy: Info, filter: Info, padding: number[], dilation: number, backend: unknown) => Info {
  if (backendName !== 'wasm')
    throw new Error(`The flipped-filter conv flips on the WASM heap, not on ${backendName}.`);
  const kernel = (name: string): KernelFunc => {
    const k = tf.getKernel(name, backendName);
    if (!k) throw new Error(`Backend ${backendName} lacks ${name}, needed to compose Conv2DBackpropInput.`);
    return k.kernelFunc;
  };
  const conv = kernel('Conv2D');
  return (dy, filter, padding, dilation, b) => {
    const backend = b as tf.KernelBackend;
    const swapped = flippedSwapped(filter, backend);
    const out = conv({
      inputs: { x: dy, filter: swapped },
      backend,
      attrs: {
        strides: [1, 1],
        pad: [
          [0, 0],
          [padding[0], padding[1]],
          [padding[2], padding[3]],
          [0, 0],
        ],
        dataFormat: 'NHWC',
        dilations: [dilation, dilation],
      },
    }) as Info;
    disposeIntermediates(backend, [swapped]);
    return out;
  };
}

export function registerComposedConv2DBackpropInput(backendName: string): void {
  if (registered.has(backendName)) return;
  const stock = tf.getKernel('Conv2DBackpropInput', backendName)?.kernelFunc;
  if (!stock) throw new Error(`Backend ${backendName} lacks Conv2DBackpropInput, kept for strided convs.`);
  const flippedConv = composedFlippedConv(backendName);

  tf.unregisterKernel('Conv2DBackpropInput', backendName);
  tf.registerKernel({
    kernelName: 'Conv2DBackpropInput',
    backendName,
    kernelFunc: (args) => {
      const { dy, filter } = args.inputs as { dy: Info; filter: Info };
      const a = args.attrs as unknown as Attrs;
      const [kh, kw] = filter.shape;
      const info = tf.backend_util.computeConv2DInfo(
        a.inputShape,
        filter.shape as [number, number, number, number],
        a.strides,
        1,
        a.pad,
        a.dimRoundingMode,
        false,
        'channelsLast',
      );
      const { top, bottom, left, right } = info.padInfo;
      const padding = [kh - 1 - top, kh - 1 - bottom, kw - 1 - left, kw - 1 - right];
      if (
        (a.dataFormat && a.dataFormat !== 'NHWC') ||
        info.strideHeight !== 1 ||
        info.strideWidth !== 1 ||
        padding.some((p) => p < 0)
      )
        return stock(args);
      return flippedConv(dy, filter, padding, 1, args.backend);
    },
  });
  registered.add(backendName);
}
