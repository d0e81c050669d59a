/**
 * The kernels networks/conv-op.ts asks for, on WASM: with them a 'same' stride-1 conv + bias,
 * dilated or not, runs as XNNPACK's own dilated conv forward and backward, instead of moving
 * the d×d phases into the batch (a pad, four transposes and a crop each way; on mnist-quick's
 * 7-px maps the phases' input gradient did 2–4× the forward's work, all zeros, bench/wasm-step.ts).
 *
 *   dx = conv_d(dy, w flipped in space, channels swapped), padding d·(k − 1)/2 each side
 *   dw = the composed filter gradient with dilation d (conv2d-backprop-filter.ts)
 *   db = Σ dy over batch and pixels, one loop over the heap
 */
import * as tf from '@tensorflow/tfjs';
import { FILTER_BIAS_GRAD, FILTER_GRAD, INPUT_GRAD } from '../../score/networks/conv-op';
import { composedFilterGradient } from './conv2d-backprop-filter';
import { wasmFlippedConv } from './conv2d-backprop-input';
import { wasmHeap } from './wasm-heap';

type Info = tf.TensorInfo;

/** db[c] = Σ dy[…, c], summed in float64, four channels at a time in locals. */
function biasGradient(dy: Float32Array, channels: number, db: Float32Array): void {
  let c = 0;
  for (; c + 4 <= channels; c += 4) {
    let [s0, s1, s2, s3] = [0, 0, 0, 0];
    for (let i = c; i < dy.length; i += channels) {
      s0 += dy[i];
      s1 += dy[i + 1];
      s2 += dy[i + 2];
      s3 += dy[i + 3];
    }
    [db[c], db[c + 1], db[c + 2], db[c + 3]] = [s0, s1, s2, s3];
  }
  for (; c < channels; c++) {
    let sum = 0;
    for (let i = c; i < dy.length; i += channels) sum += dy[i];
    db[c] = sum;
  }
}

export function registerWasmConvOp(): void {
  const filterGradient = composedFilterGradient('wasm');
  const kernels: tf.KernelConfig[] = [
    { kernelName: FILTER_GRAD, backendName: 'wasm', kernelFunc: filterGradient },
    {
      kernelName: FILTER_BIAS_GRAD,
      backendName: 'wasm',
      kernelFunc: (args) => {
        const dw = filterGradient(args) as Info;
        const { dy } = args.inputs as { dy: Info };
        const heap = wasmHeap(args.backend);
        const channels = dy.shape[3];
        const db = heap.allocate([channels]);
        biasGradient(heap.view(dy), channels, heap.view(db));
        return [dw, db];
      },
    },
    {
      kernelName: INPUT_GRAD,
      backendName: 'wasm',
      kernelFunc: ({ inputs, backend, attrs }) => {
        const { dy, filter } = inputs as { dy: Info; filter: Info };
        const d = Number((attrs as { dilations?: number } | undefined)?.dilations ?? 1);
        const [kh, kw] = filter.shape;
        if (kh % 2 === 0 || kw % 2 === 0)
          throw new Error(`${INPUT_GRAD}: odd filter sizes only (got ${kh}×${kw}).`);
        const [ph, pw] = [(d * (kh - 1)) / 2, (d * (kw - 1)) / 2];
        return wasmFlippedConv(dy, filter, [ph, ph, pw, pw], d, backend);
      },
    },
  ];
  for (const k of kernels) {
    if (tf.getKernel(k.kernelName, 'wasm')) tf.unregisterKernel(k.kernelName, 'wasm');
    tf.registerKernel(k);
  }
}
