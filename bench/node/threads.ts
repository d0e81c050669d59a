/**
 * Data-parallel WASM training (src/runtime/parallel/, issue 9 item 5 / issue 10 item 3): the
 * steady steps/s of mnist-quick's network (compact NCSN, ngf 16, 14 px, InstanceNorm++, output / σ,
 * σ per sample) trained by the library's train() on this thread alone and with gradient helper
 * threads, interleaved in one process, at batch 16 (the preset's) and 32.
 *
 * Judged on wall time: helpers add CPU time (process CPU counts every thread) to cut wall time,
 * so CPU per step is shown beside it as the cost. The machine's load is noted: on a shared
 * machine a second thread only helps as far as a second core is free. So each run also
 * measures every thread's own CPU time (Linux: /proc/self/task/<tid>/stat): on idle cores a step
 * takes at least as long as its busiest thread, and as the process's CPU time (V8's background
 * threads included) spread over the cores — the speed-up an idle 2-core machine would see.
 */
import * as tf from '@tensorflow/tfjs';
import { threadCpu, threadId } from '../lib/thread-cpu';
import { loadavg } from 'node:os';
import { workerGradientHelpers } from '../../src/runtime/parallel/gradient-helpers';
import { train } from '../../src/score/train';
import { quickNetwork, QUICK_ADAM, QUICK_EMA_DECAY, QUICK_SIGMAS } from '../lib/quick-step';
import type { Report } from '../lib/report';
import { cpuMs, interleave, median, now, pairedRatio } from '../lib/stats';

/** Steps before the steady window: the helpers' start and the first compiles. */
const WARM_STEPS = 3;

/** Per steady step: wall ms, all threads' CPU ms, this thread's, and the busiest other thread's (a helper's). */
interface Steady {
  wall: number;
  cpu: number;
  main: number;
  other: number;
}

/** Marks steps; steady() is the per-step mean from the first mark at step ≥ `from` to the last. */
function stepMarks() {
  const marks: { step: number; wall: number; cpu: number; threads: ReturnType<typeof threadCpu> }[] = [];
  const self = threadId();
  return {
    mark: (step: number) => marks.push({ step, wall: now(), cpu: cpuMs(), threads: threadCpu() }),
    steady(from: number): Steady {
      const first = marks.find((m) => m.step >= from)!;
      const last = marks[marks.length - 1];
      const n = last.step - first.step;
      let other = 0;
      for (const [tid, ms] of last.threads.all)
        if (tid !== self) other = Math.max(other, (ms - (first.threads.all.get(tid) ?? 0)) / n);
      return {
        wall: (last.wall - first.wall) / n,
        cpu: (last.cpu - first.cpu) / n,
        main: (last.threads.self - first.threads.self) / n,
        other,
      };
    },
  };
}

export async function benchThreads(report: Report, quick: boolean, threads = 2): Promise<void> {
  const network = quickNetwork();
  const data = tf.randomUniform([1000, 14, 14, 1], 0, 1, 'float32', 7);
  const steps = quick ? WARM_STEPS + 4 : WARM_STEPS + 30;
  const rounds = quick ? 1 : 3;
  const loadBefore = loadavg()[0];
  try {
    for (const batchSize of [16, 32]) {
      const run = (helpers: number) => async (): Promise<Steady> => {
        const clock = stepMarks();
        const result = await train({
          network,
          data,
          sigmas: QUICK_SIGMAS,
          sigmaPer: 'sample',
          adam: QUICK_ADAM,
          ema: { momentum: QUICK_EMA_DECAY, biasCorrection: true },
          steps,
          batchSize,
          seed: 3,
          logEvery: 100,
          onStep: (i) => clock.mark(i),
          ...(helpers > 1 ? { helpers: workerGradientHelpers(helpers, 'wasm') } : {}),
        });
        result.model.dispose();
        return clock.steady(WARM_STEPS);
      };
      const runs = await interleave({ one: run(1), many: run(threads) }, rounds);
      const label = `mnist-quick net (compact ngf 16, 14 px) b${batchSize}`;
      for (const [name, count] of [
        ['one', 1],
        ['many', threads],
      ] as const)
        report.add({
          section: 'threads',
          name: `${label} · ${count} thread${count > 1 ? 's' : ''}`,
          where: 'node/wasm',
          value: 1000 / median(runs[name].map((r) => r.wall)),
          unit: 'steps/s',
          detail:
            `wall ${median(runs[name].map((r) => r.wall)).toFixed(0)} ms/step steady; CPU ms/step: all threads ` +
            `${median(runs[name].map((r) => r.cpu)).toFixed(0)}, this thread ${median(runs[name].map((r) => r.main)).toFixed(0)}, ` +
            `busiest other ${median(runs[name].map((r) => r.other)).toFixed(0)}; ` +
            `${steps - WARM_STEPS} steps × ${rounds}`,
          raw: runs[name],
        });
      const speedup = pairedRatio(
        runs.one.map((r) => r.wall),
        runs.many.map((r) => r.wall),
      );
      report.add({
        section: 'threads',
        name: `${label} · ${threads} threads ÷ 1 (steps/s)`,
        where: 'node/wasm',
        value: speedup.median,
        unit: '× (wall)',
        detail: `per round ${speedup.values.map((v) => v.toFixed(2)).join(' ')}`,
      });
      // On `threads` idle cores a step lasts at least as long as its busiest thread (this one or
      // a helper) and as all its CPU (V8's GC and compile threads too) spread over the cores.
      const onIdleCores = (r: Steady) => Math.max(r.main, r.other, r.cpu / threads);
      const idle = pairedRatio(runs.one.map(onIdleCores), runs.many.map(onIdleCores));
      report.add({
        section: 'threads',
        name: `${label} · ${threads} threads ÷ 1 on ${threads} idle cores (steps/s, from per-thread CPU)`,
        where: 'node/wasm',
        value: idle.median,
        unit: '× (CPU)',
        detail: `max(busiest thread, all CPU ÷ ${threads} cores) per step, 1 thread ÷ ${threads}; per round ${idle.values.map((v) => v.toFixed(2)).join(' ')}`,
      });
    }
  } finally {
    data.dispose();
  }
  report.note(`threads: load average ${loadBefore.toFixed(1)} before, ${loadavg()[0].toFixed(1)} after`);
}
