/**
 * WebGPU kernels bench (issue 9 item 1): our kernel patches against stock tfjs 4.22 on whatever
 * adapter Dawn finds (lavapipe here, a real GPU elsewhere), side by side in one run.
 *
 *   npx tsx bench/gpu-kernels.ts            # ~3 min on lavapipe (2 cores)
 *   npx tsx bench/gpu-kernels.ts --tiny     # ~1 min smoke: tiny batches
 *   npx tsx bench/gpu-kernels.ts --batch=128 --reps=10   # the issue's sizes on a real GPU
 *   npx tsx bench/gpu-kernels.ts --only=norm,step          # some sections: conv, adam, norm, step
 *
 * 1. Per kernel, awaited time (median of reps, each ending in a read-back): the filter gradient
 *    (stock Conv2DDerFilterProgram vs our implicit GEMM) at the MNIST net's conv shapes, beside
 *    the forward conv and the input gradient of the same shape; Adam + EMA of all the MNIST
 *    net's weights (tf.train.adam + updateEma vs the fused kernel); InstanceNorm++ + ELU
 *    forward and gradients (composed vs fused).
 * 2. Per training step of src/score/train (the mnist-ncsnv2 net, ngf 32 at 28 px, and the MLP
 *    3×128): GPU programs (compute dispatches) and queue submits, counted on Dawn's encoder, and
 *    the step time, stock vs ours. Programs per step do not depend on the adapter (little on the batch).
 */
import * as tf from '@tensorflow/tfjs';
import { itemShape, type BenchNet } from './baseline/nets';
import type { TrainCase } from './cases';
import { benchSigmas } from './graphs';
import { libraryConfig } from './lib/library-train';
import { interleave, median, pairedRatio } from './lib/stats';
import { releaseNodeBackends, useNodeBackend } from '../src/runtime/backend-node';
import { webGpuParameterUpdate } from '../src/runtime/kernels/webgpu-adam-ema';
import { FILTER_BIAS_GRAD } from '../src/score/networks/conv-op';
import {
  DSM_LOSS_GRAD_KERNEL,
  DSM_LOSS_KERNEL,
  registerWebGpuDsmLoss,
} from '../src/runtime/kernels/webgpu-dsm-loss';
import { registerWebGpuInstanceNorm } from '../src/runtime/kernels/webgpu-instance-norm';
import { buildNetwork } from '../src/score/networks/build';
import { useFusedElu } from '../src/score/networks/fused-elu';
import { INSTANCE_NORM_GRAD_KERNEL, INSTANCE_NORM_KERNEL } from '../src/score/networks/fused-instance-norm';
import { normalizeElu } from '../src/score/networks/norms';
import { createWeights, copyWeights, disposeWeights } from '../src/score/networks/weights';
import {
  composedParameterUpdate,
  registerParameterUpdate,
  type ParameterUpdateFactory,
} from '../src/score/parameter-update';
import { train } from '../src/score/train';

const argv = process.argv.slice(2);
const opt = (name: string, fallback: number) => {
  const hit = argv.find((a) => a.startsWith(`--${name}=`));
  return hit ? Number(hit.slice(name.length + 3)) : fallback;
};
const TINY = argv.includes('--tiny');
const BATCH = opt('batch', TINY ? 1 : 8);
const REPS = opt('reps', TINY ? 3 : 5);
const STEPS = opt('steps', TINY ? 2 : 3);
const ONLY = argv
  .find((a) => a.startsWith('--only='))
  ?.slice(7)
  .split(',');
const runs = (section: 'conv' | 'adam' | 'norm' | 'step') =>
  (!ONLY || ONLY.includes(section)) && !(section === 'conv' && argv.includes('--no-kernels'));

const r = (v: number, d = 2) => Number(v.toFixed(d));

// ------------------------------------------------------------------ stock vs ours switches
await import('@tensorflow/tfjs-backend-webgpu'); // registers tfjs's stock WebGPU kernels
const stockFilterGrad = { ...tf.getKernel('Conv2DBackpropFilter', 'webgpu')! };
const stockSum = { ...tf.getKernel('Sum', 'webgpu')! };
await useNodeBackend('webgpu'); // + the runtime's patches, as the CLI and the browser run them
const oursFilterGrad = { ...tf.getKernel('Conv2DBackpropFilter', 'webgpu')! };
const oursFilterBiasGrad = { ...tf.getKernel(FILTER_BIAS_GRAD, 'webgpu')! };
const oursSum = { ...tf.getKernel('Sum', 'webgpu')! };
const adapter = (tf.backend() as unknown as { device: GPUDevice }).device;

function useFilterGrad(config: tf.KernelConfig): void {
  tf.unregisterKernel('Conv2DBackpropFilter', 'webgpu');
  tf.registerKernel(config);
}
function useUpdate(factory: ParameterUpdateFactory): void {
  registerParameterUpdate('webgpu', factory);
}
function useStock(stock: boolean): void {
  useFilterGrad(stock ? stockFilterGrad : oursFilterGrad);
  tf.unregisterKernel('Sum', 'webgpu');
  tf.registerKernel(stock ? stockSum : oursSum);
  useUpdate(stock ? composedParameterUpdate : webGpuParameterUpdate);
  // Without the fused InstanceNorm++ (+ ELU) kernels, norms.ts composes the layer from tfjs ops
  // (its ELU a separate op too), and without the filter + bias gradient conv.ts runs tfjs's fused
  // conv (dilated: space-to-batch). Without the fused DSM loss dsm.ts composes it; without fused
  // ELU the matMuls' and convs' ELU is a separate op. (Idempotent: the sides may run twice in a row.)
  const drop = (k: string) => {
    if (tf.getKernel(k, 'webgpu')) tf.unregisterKernel(k, 'webgpu');
  };
  if (stock) drop(FILTER_BIAS_GRAD);
  else if (!tf.getKernel(FILTER_BIAS_GRAD, 'webgpu'))
    tf.registerKernel({ ...oursFilterBiasGrad, kernelName: FILTER_BIAS_GRAD });
  if (stock)
    for (const k of [INSTANCE_NORM_KERNEL, INSTANCE_NORM_GRAD_KERNEL, DSM_LOSS_KERNEL, DSM_LOSS_GRAD_KERNEL])
      drop(k);
  else {
    registerWebGpuInstanceNorm();
    registerWebGpuDsmLoss();
  }
  useFusedElu('webgpu', !stock);
}

// ------------------------------------------------------------------ dispatch / submit counters
let dispatches = 0;
let submits = 0;
const passProto = (globalThis as unknown as { GPUComputePassEncoder: { prototype: GPUComputePassEncoder } })
  .GPUComputePassEncoder.prototype;
const queueProto = (globalThis as unknown as { GPUQueue: { prototype: GPUQueue } }).GPUQueue.prototype;
const dispatch = passProto.dispatchWorkgroups;
passProto.dispatchWorkgroups = function (this: GPUComputePassEncoder, ...a: Parameters<typeof dispatch>) {
  dispatches++;
  return dispatch.apply(this, a);
};
const submit = queueProto.submit;
queueProto.submit = function (this: GPUQueue, ...a: Parameters<typeof submit>) {
  submits++;
  return submit.apply(this, a);
};

/** Programs per tfjs program class (our own dispatches count under their kernel's name). */
const byProgram = new Map<string, number>();
{
  const b = tf.backend() as unknown as { runWebGPUProgram(p: object, ...rest: unknown[]): unknown };
  const run = b.runWebGPUProgram.bind(b);
  b.runWebGPUProgram = (p: object, ...rest: unknown[]) => {
    const name = p.constructor.name;
    byProgram.set(name, (byProgram.get(name) ?? 0) + 1);
    return run(p, ...rest);
  };
}
const BREAKDOWN = argv.includes('--breakdown');

// ------------------------------------------------------------------ timing
/** ms of one run of fn, ending in a read-back of its result: the work is done when it returns. */
async function onceMs(fn: () => tf.Tensor): Promise<number> {
  const t0 = performance.now();
  const out = tf.tidy(fn);
  await out.data();
  out.dispose();
  return performance.now() - t0;
}

/** Median ms of `reps` runs after one untimed run (the programs compile). */
async function awaitedMs(fn: () => tf.Tensor, reps = REPS): Promise<number> {
  await onceMs(fn);
  const times: number[] = [];
  for (let i = 0; i < reps; i++) times.push(await onceMs(fn));
  return median(times);
}

/** Resolves when everything enqueued so far has run on the GPU (tfjs's open encoder submitted first). */
async function drained(): Promise<void> {
  const b = tf.backend() as unknown as { commandEncoder: unknown; submitQueue(): void; device: GPUDevice };
  // (ending tfjs's open compute pass first, as its own read-backs do)
  if (b.commandEncoder) {
    (b as unknown as { endComputePassEncoder(): void }).endComputePassEncoder();
    b.submitQueue();
  }
  await b.device.queue.onSubmittedWorkDone();
}

const rows: string[][] = [];
const row = (...cells: (string | number)[]) => {
  rows.push(cells.map(String));
  console.log(cells.join(' | '));
};

const info = (adapter as unknown as { adapterInfo?: GPUAdapterInfo }).adapterInfo;
console.log(`# WebGPU kernels bench — ${new Date().toISOString()} — batch ${BATCH}, ${REPS} reps`);
console.log(`adapter: ${tf.backend().constructor.name} ${JSON.stringify(info ?? {})}`);

// ------------------------------------------------------------------ 1. kernels
const F = 32; // the mnist-ncsnv2 net's ngf
type Shape4 = [number, number, number, number];
const convs0: { label: string; x: Shape4; w: Shape4; pad: 'same' | 'valid' }[] = [
  { label: `28px 1→${F} (begin)`, x: [BATCH, 28, 28, 1], w: [3, 3, 1, F], pad: 'same' },
  { label: `28px ${F}→${F}`, x: [BATCH, 28, 28, F], w: [3, 3, F, F], pad: 'same' },
  { label: `14px ${2 * F}→${2 * F}`, x: [BATCH, 14, 14, 2 * F], w: [3, 3, 2 * F, 2 * F], pad: 'same' },
  {
    label: `dil-2 phases ${2 * F}→${2 * F}`,
    x: [4 * BATCH, 8, 8, 2 * F],
    w: [3, 3, 2 * F, 2 * F],
    pad: 'valid',
  },
  { label: `1×1 14px ${F}→${2 * F}`, x: [BATCH, 14, 14, F], w: [1, 1, F, 2 * F], pad: 'same' },
  { label: `28px ${F}→1 (end)`, x: [BATCH, 28, 28, F], w: [3, 3, F, 1], pad: 'same' },
];
console.log('\n## Conv kernels (awaited ms; ratios in one run)');
row(
  'shape',
  'forward',
  'input grad',
  'filter grad stock',
  'filter grad ours',
  'stock ÷ ours',
  'ours ÷ forward',
  'stock ÷ forward',
);
const convs = runs('conv') ? convs0 : [];
for (const c of convs) {
  const x = tf.randomNormal(c.x, 0, 1, 'float32', 1) as tf.Tensor4D;
  const w = tf.randomNormal(c.w, 0, 0.1, 'float32', 2) as tf.Tensor4D;
  const bias = tf.zeros([c.w[3]]) as tf.Tensor1D;
  const dy = tf.tidy(() =>
    tf.randomNormal(tf.conv2d(x, w, 1, c.pad).shape, 0, 1, 'float32', 3),
  ) as tf.Tensor4D;
  const attrs = { strides: [1, 1], pad: c.pad, dataFormat: 'NHWC' };
  const forward = await awaitedMs(() => tf.fused.conv2d({ x, filter: w, bias, strides: 1, pad: c.pad }));
  const input = await awaitedMs(
    () =>
      tf
        .engine()
        .runKernel('Conv2DBackpropInput', { dy, filter: w }, { ...attrs, inputShape: c.x }) as tf.Tensor,
  );
  const filterGrad = () =>
    tf.engine().runKernel('Conv2DBackpropFilter', { x, dy }, { ...attrs, filterShape: c.w }) as tf.Tensor;
  useFilterGrad(stockFilterGrad);
  const stock = await awaitedMs(filterGrad);
  useFilterGrad(oursFilterGrad);
  const ours = await awaitedMs(filterGrad);
  row(
    c.label,
    r(forward),
    r(input),
    r(stock),
    r(ours),
    r(stock / ours, 1),
    r(ours / forward, 1),
    r(stock / forward, 1),
  );
  tf.dispose([x, w, bias, dy]);
}

console.log('\n## Adam + EMA of every weight of the mnist-ncsnv2 net (one update, awaited ms)');
if (runs('adam')) {
  const sigmas = benchSigmas();
  const net = buildNetwork(
    'ncsn',
    { ngf: F, norm: 'instance++', conditioning: 'divide-by-sigma' },
    [28, 28, 1],
    sigmas.length,
  );
  const params = createWeights(net.weightSpecs, 5, 'bench-params');
  const ema = copyWeights(params, false, 'bench-ema');
  const grads = tf.tidy(() =>
    Object.fromEntries(
      Object.entries(params).map(([n, p]) => [n, tf.keep(tf.randomNormal(p.shape, 0, 1e-3, 'float32', 9))]),
    ),
  );
  const adam = { learningRate: 1e-4, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 };
  row('weights', 'tf.train.adam + updateEma', 'fused', 'stock ÷ ours', 'programs stock', 'programs ours');
  const measure = async (factory: ParameterUpdateFactory) => {
    const update = factory(params, ema, adam);
    const first = params[Object.keys(params)[0]];
    const ms = await awaitedMs(() => {
      update.apply(grads, 0.999, adam.learningRate);
      return tf.sum(first); // reads the updated weight: waits for the update
    });
    const d0 = dispatches;
    tf.tidy(() => update.apply(grads, 0.999, adam.learningRate));
    const programs = dispatches - d0; // apply() alone
    update.dispose();
    return { ms, programs };
  };
  const stock = await measure(composedParameterUpdate);
  const ours = await measure(webGpuParameterUpdate);
  row(
    `${Object.keys(params).length} tensors`,
    r(stock.ms),
    r(ours.ms),
    r(stock.ms / ours.ms, 1),
    stock.programs,
    ours.programs,
  );
  tf.dispose(Object.values(grads));
  disposeWeights(params);
  disposeWeights(ema);
}

console.log(
  '\n## InstanceNorm++ + ELU, forward and both gradients (awaited ms; composed and fused alternate, ratio = median of the pairs)',
);
row('shape', 'composed', 'fused', 'composed ÷ fused', 'programs composed', 'programs fused');
for (const shape of (runs('norm')
  ? [
      [BATCH, 28, 28, F],
      [BATCH, 14, 14, 2 * F],
    ]
  : []) as [number, number, number, number][]) {
  const x = tf.randomNormal(shape, 0, 1, 'float32', 6);
  const affine = tf.randomNormal([3 * shape[3]], 1, 0.1, 'float32', 7);
  const g = tf.grads((a: tf.Tensor, b: tf.Tensor) =>
    normalizeElu('instance++', a as tf.Tensor4D, { 'n/affine': b }, 'n', null),
  );
  const programs = (stock: boolean) => {
    useStock(stock);
    const d0 = dispatches;
    tf.dispose(g([x, affine]));
    return dispatches - d0;
  };
  const side = (stock: boolean) => () => {
    useStock(stock);
    return onceMs(() => tf.addN(g([x, affine]).map((t) => tf.sum(t))));
  };
  // Each side compiles once per row; then one rep each, interleaved, so a load change on the
  // shared machine hits both sides alike.
  await side(true)();
  await side(false)();
  const { composed, fused } = await interleave({ composed: side(true), fused: side(false) }, REPS);
  row(
    `[${shape}]`,
    r(median(composed)),
    r(median(fused)),
    r(pairedRatio(composed, fused).median, 1),
    programs(true),
    programs(false),
  );
  tf.dispose([x, affine]);
}

// ------------------------------------------------------------------ 2. per training step
console.log(
  '\n## Per training step of src/score/train (programs and submits per step; ms/step on this adapter)',
);
row(
  'net',
  'batch',
  'programs stock',
  'programs ours',
  'submits stock',
  'submits ours',
  'ms/step stock',
  'ms/step ours',
  'stock ÷ ours',
);
const cases: { id: string; net: BenchNet; batch: number }[] = [
  {
    id: 'conv 28px ngf 32 (mnist-ncsnv2)',
    net: { kind: 'conv', conv: { size: 28, channels: 1, ngf: F } },
    batch: BATCH,
  },
  { id: 'mlp 3×128', net: { kind: 'mlp', mlp: { dim: 2, width: 128, depth: 3 } }, batch: 256 },
];
for (const c of runs('step') ? cases : []) {
  const data = tf.randomUniform([Math.max(64, c.batch), ...itemShape(c.net)], 0, 1, 'float32', 4);
  const per: Record<string, { programs: number; submits: number; ms: number }> = {};
  for (const variant of ['stock', 'ours']) {
    useStock(variant === 'stock');
    const sigmas = benchSigmas();
    const { kind, config } = libraryConfig({ net: c.net } as TrainCase);
    // One read-back at the end (logEvery > steps): programs counted between onStep(1) and
    // onStep(2) are one plain step; the time from step 1's end to the end is steps 2… + that read.
    let t1 = 0;
    const marks: { programs: number; submits: number }[] = [];
    const result = await train({
      network: buildNetwork(kind, config, itemShape(c.net), sigmas.length),
      data,
      sigmas,
      sigmaPer: 'step',
      adam: { learningRate: 1e-3, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 },
      ema: { momentum: 0.999, biasCorrection: false },
      steps: STEPS + 1,
      batchSize: c.batch,
      seed: 3,
      logEvery: 10_000,
      onStep: () => {
        marks.push({ programs: dispatches, submits });
        if (marks.length === 1) byProgram.clear();
        if (marks.length === 2 && BREAKDOWN)
          console.log(
            `  ${variant} ${c.id}: ${[...byProgram]
              .sort((a, b) => b[1] - a[1])
              .map(([n, k]) => `${n} ${k}`)
              .join(', ')}`,
          );
      },
      checkpoint: async () => {
        if (t1) return;
        await drained(); // step 1 (compiles) done before the clock starts
        t1 = performance.now();
      },
    });
    const ms = (performance.now() - t1) / STEPS;
    result.model.dispose();
    per[variant] = {
      programs: marks[1].programs - marks[0].programs,
      submits: marks[1].submits - marks[0].submits,
      ms,
    };
  }
  const { stock, ours } = per;
  row(
    c.id,
    c.batch,
    stock.programs,
    ours.programs,
    stock.submits,
    ours.submits,
    r(stock.ms, 0),
    r(ours.ms, 0),
    r(stock.ms / ours.ms, 2),
  );
  data.dispose();
}
useStock(false);
await releaseNodeBackends();
console.log('\n(programs per step do not depend on the adapter, and little on the batch)');
