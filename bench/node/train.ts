/**
 * Issue 6 item 1 in Node: train.fit from a graph (compile + Executor) against the hand-written
 * lab-recipe loop, careful (loss read every logEvery steps) and naive (every step), and the
 * library's train() without the runtime, interleaved, same net, batch, steps and backend.
 *
 * Two measures per run: the steady step time (after step 1 to the last, the throughput of a long
 * run) and the whole run (weights, compiles and the final read included). Ratios are judged on
 * steady CPU time: the machine is shared, and CPU time moves far less than wall time there.
 */
import * as tf from '@tensorflow/tfjs';
import { Executor } from '../../src/runtime/execute';
import { describeNet, itemShape } from '../baseline/nets';
import { trainBaseline } from '../baseline/train-loop';
import type { TrainCase } from '../cases';
import { benchSigmas, TRAIN_NODE, trainGraph } from '../graphs';
import { trainWithLibrary } from '../lib/library-train';
import type { Report } from '../lib/report';
import { interleave, median, pairedRatio, spread, StepClock, timed, type Timing } from '../lib/stats';
import type { BenchRegistry } from './kinds';
import { runGraph } from './run-graph';

export interface TrainRun {
  /** Whole run, seconds. */
  run: Timing;
  /** Steady milliseconds per step. */
  steady: Timing;
}

export function trainVariants(c: TrainCase, reg: BenchRegistry, data: tf.Tensor) {
  const sigmas = benchSigmas();
  const executor = new Executor(tf.getBackend());
  let round = 0;
  const measure = async (body: (clock: StepClock) => Promise<number | void>): Promise<TrainRun> => {
    const clock = new StepClock();
    const run = await timed(() => body(clock));
    const steady = clock.steady() ?? { wall: NaN, cpu: NaN };
    return { run, steady };
  };
  const variants: Record<string, (steps?: number) => Promise<TrainRun>> = {
    careful: (steps = c.steps) =>
      measure(async (clock) => {
        const r = { net: c.net, data, sigmas, batch: c.batch, steps, readEvery: c.logEvery, seed: 3 };
        await trainBaseline({ ...r, onStep: (i) => clock.mark(i) });
      }),
    naive: (steps = c.steps) =>
      measure(async (clock) => {
        const r = { net: c.net, data, sigmas, batch: c.batch, steps, readEvery: 1, seed: 3 };
        await trainBaseline({ ...r, onStep: (i) => clock.mark(i) });
      }),
    library: (steps = c.steps) =>
      measure(async (clock) => {
        await trainWithLibrary(c, data, steps, (i) => clock.mark(i));
      }),
  };
  if (reg.missing.length === 0) {
    // A new train.fit seed per run: only train.fit re-runs, the dataset and the rest stay cached.
    // The whole-run wall time is the node's own; steps are timed by its progress events.
    variants.graph = (steps = c.steps) =>
      measure(async (clock) => {
        const run = await runGraph(executor, trainGraph({ ...c, steps }, { seed: ++round }), reg.registry);
        if (run.status !== 'done') throw new Error(`graph run ${run.status}: ${run.message}`);
        for (const p of run.progress)
          if (p.nodeId === TRAIN_NODE) clock.mark(Math.round(p.fraction * steps), p.at, p.cpu);
        return run.seconds[TRAIN_NODE];
      });
  }
  return { variants, dispose: () => executor.clear() };
}

export async function benchTraining(
  report: Report,
  where: string,
  c: TrainCase,
  reg: BenchRegistry,
): Promise<void> {
  const data = tf.randomUniform([c.count, ...itemShape(c.net)], 0, 1, 'float32', 7);
  const { variants, dispose } = trainVariants(c, reg, data);
  try {
    // Warm-up: kernels, XNNPACK operators, the graph's upstream nodes (cached from here on).
    for (const run of Object.values(variants)) await run(Math.min(3, c.steps));
    const runs = await interleave(
      Object.fromEntries(Object.entries(variants).map(([k, f]) => [k, () => f()])),
      c.rounds,
    );
    const label = `${describeNet(c.net)} b${c.batch}`;
    const steadyCpu = (name: string) => runs[name].map((r) => r.steady.cpu);
    const steadyWall = (name: string) => runs[name].map((r) => r.steady.wall);
    const runWall = (name: string) => runs[name].map((r) => r.run.wall);
    for (const name of Object.keys(runs)) {
      const perStepRun = (median(runWall(name)) * 1000) / c.steps;
      report.add({
        section: 'train',
        name: `${label} · ${name}`,
        where,
        value: median(steadyCpu(name)),
        unit: 'ms/step CPU',
        detail:
          `wall ${median(steadyWall(name)).toFixed(1)} ms/step steady, ${perStepRun.toFixed(1)} over whole runs ` +
          `(${c.steps} steps × ${c.rounds}, wall spread ${(spread(runWall(name)) * 100).toFixed(0)}%)`,
        raw: runs[name],
      });
    }
    const subject = runs.graph ? 'graph' : 'library';
    if (!runs.graph) report.skip('train', where, `graph variant: kinds missing (${reg.missing.join(', ')})`);
    for (const against of ['careful', 'naive', ...(subject === 'graph' ? ['library'] : [])]) {
      // steps/s ratio = their step time ÷ ours, paired by round.
      const byCpu = pairedRatio(steadyCpu(against), steadyCpu(subject));
      const byWall = pairedRatio(steadyWall(against), steadyWall(subject));
      const whole = pairedRatio(runWall(against), runWall(subject));
      report.add({
        section: 'train',
        name: `${label} · ${subject} ÷ ${against} (steps/s)`,
        where,
        value: byCpu.median,
        unit: '× (CPU)',
        goal: against === 'careful' ? '≥ 1.0' : undefined,
        pass: against === 'careful' ? byCpu.median >= 1 : undefined,
        detail:
          `steady wall ${byWall.median.toFixed(2)}×, whole runs ${whole.median.toFixed(2)}×; per round CPU ` +
          byCpu.values.map((v) => v.toFixed(2)).join(' '),
      });
    }
  } finally {
    dispose();
    data.dispose();
  }
}
