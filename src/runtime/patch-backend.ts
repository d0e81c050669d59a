/** Kernel patches every realm installs before the first backward pass (docs/architecture.md, kernel patches). */
import * as tf from '@tensorflow/tfjs';
import { registerChunkedAddN } from './kernels/chunked-add-n';
import { registerComposedConv2DBackpropFilter } from './kernels/conv2d-backprop-filter';
import { registerWasmConv2DBackpropInput } from './kernels/conv2d-backprop-input';
import { registerFastCpuConv2DBackpropFilter } from './kernels/cpu-conv2d-backprop-filter';
import { registerTransposeFreeMatMul } from './kernels/matmul-transpose';
import { registerWasmParameterUpdate } from './kernels/wasm-adam-ema';
import { registerWasmAvgPoolGrad } from './kernels/wasm-avg-pool-grad';
import { registerWasmConvOp } from './kernels/wasm-conv-op';
import { registerSharedWasmIdentity } from './kernels/wasm-identity';
import { registerWasmInstanceNorm } from './kernels/wasm-instance-norm';
import { registerWebGpuParameterUpdate } from './kernels/webgpu-adam-ema';
import { registerWebGpuConv2DBackpropFilter } from './kernels/webgpu-conv2d-backprop-filter';
import { registerWebGpuDilatedConv2DBackpropInput } from './kernels/webgpu-dilated-conv2d-backprop-input';
import { registerWebGpuDsmLoss } from './kernels/webgpu-dsm-loss';
import { registerWebGpuInstanceNorm } from './kernels/webgpu-instance-norm';
import { registerWebGpuLeadingSum } from './kernels/webgpu-leading-sum';
import { useFusedElu } from '../score/networks/fused-elu';

const patched = new Set<string>();

export function patchBackend(name: string): void {
  if (patched.has(name)) return;
  if (name === 'wasm' || name === 'webgl') registerComposedConv2DBackpropFilter(name);
  if (name === 'wasm') {
    // WASM's conv input gradient and transposed matMuls are plain loops, 7–10× slower than
    // its XNNPACK paths; both are what backward passes run.
    registerWasmConv2DBackpropInput();
    registerTransposeFreeMatMul(name);
    // Convs + bias (dilated too) with their own gradient: XNNPACK's dilated conv both ways.
    registerWasmConvOp();
    // InstanceNorm++ forward and gradient as two loops over the heap instead of ~55 small ops.
    registerWasmInstanceNorm();
    // Adam + EMA as one loop per weight instead of ~15 ops per weight.
    registerWasmParameterUpdate();
    // Tensors saved for the backward pass are cloned through Identity: share, do not copy.
    registerSharedWasmIdentity();
    // The stock average-pool gradient is 15× its forward (a mean pool's: 0.83 ms at b32).
    registerWasmAvgPoolGrad();
  }
  if (name === 'cpu') registerFastCpuConv2DBackpropFilter();
  // WebGPU's AddN binds all its inputs at once and breaks past the device's storage-buffer limit.
  if (name === 'webgpu') {
    registerChunkedAddN(name);
    // The stock filter gradient loops over batch × pixels per weight: 92 % of a conv step.
    registerWebGpuConv2DBackpropFilter();
    // Dilated convs as one op (tfjs has no gradient for them): its input gradient.
    registerWebGpuDilatedConv2DBackpropInput();
    // Adam + EMA of all weights in one kernel instead of ~14 programs per weight.
    registerWebGpuParameterUpdate();
    // InstanceNorm++ forward and gradient in ~5 programs instead of ~55.
    registerWebGpuInstanceNorm();
    // Bias gradients (sums over leading axes) in one program instead of transpose + reduce.
    registerWebGpuLeadingSum();
    // The DSM loss's per-sample sums and their gradient in one program each instead of ~12.
    registerWebGpuDsmLoss();
    // ELU inside the matMul / conv program that feeds it (one program fewer per such layer).
    useFusedElu(name);
  }
  // Quiet tfjs's "running in Node without tfjs-node" hint and keep float32 math.
  tf.env().set('PROD', true);
  patched.add(name);
}
