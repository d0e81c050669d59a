/**
 * The WASM (CPU) training step of the `mnist-quick` preset's network (compact NCSN, ngf 16,
 * 14-px digits, InstanceNorm++, σ per sample), one thread: where its time goes, for issue 9
 * item 5 and issue 10 item 3 (every ms per step buys training steps).
 *
 *   npx tsx bench/wasm-step.ts                       # step ms (wall, CPU), best of rounds
 *   npx tsx bench/wasm-step.ts --profile             # + tf.profile of one step, per kernel
 *   npx tsx bench/wasm-step.ts --profile --shapes    # + the conv kernels per input shape
 *   npx tsx bench/wasm-step.ts --batch=32 --steps=10 --rounds=3 --size=14 --ngf=16
 *
 * Timings on a shared machine are noisy: compare runs side by side, take the best of rounds.
 */
import * as tf from '@tensorflow/tfjs';
import { useNodeBackend } from '../src/runtime/backend-node';
import { wasmParameterUpdate } from '../src/runtime/kernels/wasm-adam-ema';
import { loadQuickDigits, quickDraws, quickNetwork, quickTrainer } from './lib/quick-step';
import { cpuMs } from './lib/stats';

const arg = (name: string, fallback: number) => {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  return hit ? Number(hit.split('=')[1]) : fallback;
};
const flag = (name: string) => process.argv.includes(`--${name}`);

const batch = arg('batch', 32);
const steps = arg('steps', 10);
const rounds = arg('rounds', 3);
const size = arg('size', 14);
const ngf = arg('ngf', 16);
const CONV_KERNELS = new Set(['FusedConv2D', 'Conv2D', 'Conv2DBackpropFilter', 'Conv2DBackpropInput']);

await useNodeBackend('wasm');
const data = await loadQuickDigits(size);
const trainer = quickTrainer(quickNetwork(ngf, size), data, wasmParameterUpdate);
const draw = quickDraws(batch);
const run = (n: number) => trainer.run(n, draw);

await run(3);
const wall: number[] = [];
const cpu: number[] = [];
for (let r = 0; r < rounds; r++) {
  const [t0, c0] = [performance.now(), cpuMs()];
  await run(steps);
  wall.push((performance.now() - t0) / steps);
  cpu.push((cpuMs() - c0) / steps);
}
const fmt = (v: number[]) => v.map((x) => x.toFixed(1)).join(' ');
console.log(
  `b${batch} ${size} px ngf ${ngf}: best ${Math.min(...wall).toFixed(1)} ms/step wall, ` +
    `${Math.min(...cpu).toFixed(1)} CPU (rounds wall ${fmt(wall)}; CPU ${fmt(cpu)})`,
);

if (flag('profile')) {
  const profile = await tf.profile(() => trainer.step(draw()));
  tf.dispose(profile.result);
  const byName = new Map<string, { ms: number; calls: number }>();
  const byShape = new Map<string, { ms: number; calls: number }>();
  const add = (map: typeof byName, key: string, ms: number) => {
    const e = map.get(key) ?? { ms: 0, calls: 0 };
    e.ms += ms;
    e.calls++;
    map.set(key, e);
  };
  for (const k of profile.kernels) {
    const ms = k.kernelTimeMs as number;
    add(byName, k.name, ms);
    if (CONV_KERNELS.has(k.name))
      add(byShape, `${k.name} ${k.inputShapes.map((s) => `[${s}]`).join(' ')}`, ms);
  }
  const table = (map: typeof byName, rows: number) =>
    [...map]
      .sort((a, b) => b[1].ms - a[1].ms)
      .slice(0, rows)
      .forEach(([name, { ms, calls }]) =>
        console.log(`${name.padEnd(64)} ${ms.toFixed(1).padStart(7)} ms ${String(calls).padStart(5)}`),
      );
  console.log(`tfjs kernels per step ${profile.kernels.length} (profile double counts nested kernels)`);
  table(byName, 25);
  if (flag('shapes')) table(byShape, 60);
}

trainer.dispose();
data.dispose();
