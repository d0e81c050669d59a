/** Kernel patches every realm installs before the first backward pass (runtime.md §6). */
import * as tf from '@tensorflow/tfjs';
import { registerComposedConv2DBackpropFilter } from './kernels/conv2d-backprop-filter';
import { registerFastCpuConv2DBackpropFilter } from './kernels/cpu-conv2d-backprop-filter';

const patched = new Set<string>();

export function patchBackend(name: string): void {
  if (patched.has(name)) return;
  if (name === 'wasm' || name === 'webgl') registerComposedConv2DBackpropFilter(name);
  if (name === 'cpu') registerFastCpuConv2DBackpropFilter();
  // Quiet tfjs's "running in Node without tfjs-node" hint and keep float32 math.
  tf.env().set('PROD', true);
  patched.add(name);
}
