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

type Info = tf.TensorInfo;

interface Attrs {
  strides: [number, number] | number;
  pad: 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  inputShape: [number, number, number, number];
  dataFormat?: string;
}

/**
 * w [KH, KW, Ci, Co] → w' [KH, KW, Co, Ci], flipped in space, in one loop over the heap (the
 * Reverse + Transpose kernels took ~0.2 ms for a 3×3×32×32 filter, bench/README.md).
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
 * [top, bottom, left, right], on WASM (the flip runs on its heap): the input gradient of a
 * stride-1 conv (the padding as above, with the dilated filter's extent d·(k − 1) + 1 for k).
 */
export function wasmFlippedConv(
  dy: Info,
  filter: Info,
  padding: readonly number[],
  dilation: number,
  backend: unknown,
): Info {
  const conv = tf.getKernel('Conv2D', 'wasm')?.kernelFunc;
  if (!conv) throw new Error('The WASM backend lacks Conv2D, needed for the flipped-filter conv.');
  const swapped = flippedSwapped(filter, backend);
  const out = conv({
    inputs: { x: dy, filter: swapped },
    backend: backend as tf.KernelBackend,
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
  disposeIntermediates(backend as tf.KernelBackend, [swapped]);
  return out;
}

/**
 * Replaces WASM's Conv2DBackpropInput (stride 1 through wasmFlippedConv, strided convs through
 * the stock kernel it wraps). patchBackend (patch-backend.ts) registers it once per realm.
 */
export function registerWasmConv2DBackpropInput(): void {
  const stock = tf.getKernel('Conv2DBackpropInput', 'wasm')?.kernelFunc;
  if (!stock) throw new Error('The WASM backend lacks Conv2DBackpropInput, kept for strided convs.');
  tf.unregisterKernel('Conv2DBackpropInput', 'wasm');
  tf.registerKernel({
    kernelName: 'Conv2DBackpropInput',
    backendName: 'wasm',
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
      return wasmFlippedConv(dy, filter, padding, 1, args.backend);
    },
  });
}
