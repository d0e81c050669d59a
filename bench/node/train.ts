/**
 * Issue 6 item 1 in Node: train.fit from a graph (compile + Executor) against the hand-written
 * lab-recipe loop, careful (loss read every logEvery steps) and naive (every step), and the
 * library's train() without the runtime, interleaved, same net, batch, steps and backend.
 */
import * as tf from '@tensorflow/tfjs';
import { Executor } from '../../src/runtime/execute';
import { describeNet, itemShape } from '../baseline/nets';
import { trainBaseline } from '../baseline/train-loop';
import type { TrainCase } from '../cases';
import { benchSigmas, TRAIN_NODE, trainGraph } from '../graphs';
import { trainWithLibrary } from '../lib/library-train';
import type { Report } from '../lib/report';
import { interleave, median, pairedRatio, spread, timed, type Timing } from '../lib/stats';
import type { BenchRegistry } from './kinds';
import { runGraph } from './run-graph';

/** Seconds for `c.steps` steps of each variant, including weight creation and the final read. */
export function trainVariants(c: TrainCase, reg: BenchRegistry, data: tf.Tensor) {
  const sigmas = benchSigmas();
  const executor = new Executor(tf.getBackend());
  let round = 0;
  const variants: Record<string, (steps?: number) => Promise<Timing>> = {
    careful: (steps = c.steps) =>
      timed(async () => {
        await trainBaseline({
          net: c.net,
          data,
          sigmas,
          batch: c.batch,
          steps,
          readEvery: c.logEvery,
          seed: 3,
        });
      }),
    naive: (steps = c.steps) =>
      timed(async () => {
        await trainBaseline({ net: c.net, data, sigmas, batch: c.batch, steps, readEvery: 1, seed: 3 });
      }),
    library: (steps = c.steps) =>
      timed(async () => {
        await trainWithLibrary(c, data, steps);
      }),
  };
  if (reg.missing.length === 0) {
    // A new train.fit seed per run: only train.fit re-runs, the dataset and the rest stay cached.
    // Wall time is the node's own; CPU time covers the whole execute (compile and cache hits are tiny).
    variants.graph = (steps = c.steps) =>
      timed(async () => {
        const run = await runGraph(executor, trainGraph({ ...c, steps }, { seed: ++round }), reg.registry);
        if (run.status !== 'done') throw new Error(`graph run ${run.status}: ${run.message}`);
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
): Promise<number | null> {
  const data = tf.randomUniform([c.count, ...itemShape(c.net)], 0, 1, 'float32', 7);
  const { variants, dispose } = trainVariants(c, reg, data);
  try {
    // Warm-up: kernels, XNNPACK operators, the graph's upstream nodes (cached from here on).
    for (const run of Object.values(variants)) await run(Math.min(2, c.steps));
    const runs = await interleave(
      Object.fromEntries(Object.entries(variants).map(([k, f]) => [k, () => f()])),
      c.rounds,
    );
    const label = `${describeNet(c.net)} b${c.batch}`;
    const wall = (name: string) => runs[name].map((t) => t.wall);
    const cpu = (name: string) => runs[name].map((t) => t.cpu);
    const msPerStep = (name: string) => (median(wall(name)) * 1000) / c.steps;
    for (const name of Object.keys(runs))
      report.add({
        section: 'train',
        name: `${label} · ${name}`,
        where,
        value: msPerStep(name),
        unit: 'ms/step',
        detail:
          `CPU ${((median(cpu(name)) * 1000) / c.steps).toFixed(1)} ms/step; ${c.steps} steps × ${c.rounds} runs, ` +
          `wall spread ${(spread(wall(name)) * 100).toFixed(0)}%`,
        raw: runs[name],
      });
    const subject = runs.graph ? 'graph' : 'library';
    if (!runs.graph) report.skip('train', where, `graph variant: kinds missing (${reg.missing.join(', ')})`);
    for (const against of ['careful', 'naive']) {
      // steps/s ratio = their seconds ÷ ours, paired by round; judged on CPU time (shared machine).
      const byCpu = pairedRatio(cpu(against), cpu(subject));
      const byWall = pairedRatio(wall(against), wall(subject));
      report.add({
        section: 'train',
        name: `${label} · ${subject} ÷ ${against} (steps/s)`,
        where,
        value: byCpu.median,
        unit: '× (CPU)',
        goal: against === 'careful' ? '≥ 1.0' : undefined,
        pass: against === 'careful' ? byCpu.median >= 1 : undefined,
        detail: `wall ${byWall.median.toFixed(2)}×; per round CPU ${byCpu.values.map((v) => v.toFixed(2)).join(' ')}`,
      });
    }
    return msPerStep(subject);
  } finally {
    dispose();
    data.dispose();
  }
}
