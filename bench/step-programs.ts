/**
 * Which tfjs kernel emits which WebGPU programs in one plain training step of src/score/train
 * (issue 9: programs per step). Prints "kernel:program count" pairs, most first.
 *
 *   npx tsx bench/step-programs.ts [--mlp] [--ngf=8] [--batch=1]
 */
import * as tf from '@tensorflow/tfjs';
import { benchSigmas } from './graphs';
import { releaseNodeBackends, useNodeBackend } from '../src/runtime/backend-node';
import { buildNetwork } from '../src/score/networks/build';
import { train } from '../src/score/train';

const argv = process.argv.slice(2);
const opt = (name: string, fallback: number) => {
  const hit = argv.find((a) => a.startsWith(`--${name}=`));
  return hit ? Number(hit.slice(name.length + 3)) : fallback;
};
const MLP = argv.includes('--mlp');
await useNodeBackend('webgpu');

const stack: string[] = [];
for (const k of tf.getKernelsForBackend('webgpu')) {
  const run = k.kernelFunc;
  tf.unregisterKernel(k.kernelName, 'webgpu');
  tf.registerKernel({
    ...k,
    kernelFunc: (args) => {
      stack.push(k.kernelName);
      try {
        return run(args);
      } finally {
        stack.pop();
      }
    },
  });
}
const counts = new Map<string, number>();
let counting = false;
const b = tf.backend() as unknown as { runWebGPUProgram(p: object, ...rest: unknown[]): unknown };
const runProgram = b.runWebGPUProgram.bind(b);
b.runWebGPUProgram = (p: object, ...rest: unknown[]) => {
  if (counting) {
    const key = `${stack.join('>') || '(none)'}:${p.constructor.name}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return runProgram(p, ...rest);
};

const sigmas = benchSigmas();
const shape = MLP ? [2] : [28, 28, 1];
const net = MLP
  ? buildNetwork('mlp', { width: 128, depth: 3 }, shape, sigmas.length)
  : buildNetwork(
      'ncsn',
      { ngf: opt('ngf', 8), norm: 'instance++', conditioning: 'divide-by-sigma' },
      shape,
      sigmas.length,
    );
const data = tf.randomUniform([64, ...shape], 0, 1, 'float32', 4);
let steps = 0;
const tensors: number[] = [];
const result = await train({
  network: net,
  data,
  sigmas,
  sigmaPer: 'step',
  adam: { learningRate: 1e-3, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 },
  ema: { momentum: 0.999, biasCorrection: false },
  steps: 4,
  batchSize: opt('batch', MLP ? 256 : 1),
  seed: 3,
  logEvery: 10_000,
  onStep: () => {
    steps++;
    counting = steps === 1;
    tensors.push(tf.memory().numTensors);
  },
});
result.model.dispose();
data.dispose();
const total = [...counts.values()].reduce((p, q) => p + q, 0);
console.log(
  `${MLP ? 'mlp' : 'conv'}: ${total} programs in step 2 (tfjs programs only); tensors after steps: ${tensors}`,
);
for (const [k, n] of [...counts].sort((p, q) => q[1] - p[1])) console.log(`${n}\t${k}`);
await releaseNodeBackends();
