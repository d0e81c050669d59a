/**
 * Issue 6 item 2 in Node: sample.langevin from a graph against the hand-written annealed
 * Langevin loop and the library sampler without the runtime, same trained model (the graph's
 * own train.fit output, EMA weights), same count, levels and steps, interleaved.
 */
import * as tf from '@tensorflow/tfjs';
import { Executor } from '../../src/runtime/execute';
import { makeAnnealedLangevin } from '../../src/score/sampling';
import type { TrainedNetwork } from '../../src/score/trained';
import { describeNet, itemShape } from '../baseline/nets';
import { sampleBaseline } from '../baseline/langevin';
import type { SampleCase, TrainCase } from '../cases';
import { benchSigmas, SAMPLE_NODE, TRAIN_NODE, trainGraph } from '../graphs';
import type { Report } from '../lib/report';
import { interleave, median, pairedRatio, spread, timed } from '../lib/stats';
import type { BenchRegistry } from './kinds';
import { runGraph } from './run-graph';

const EPSILON = 2e-5; // the graph's stepSize (a fixed number, so every variant takes the same steps)

export async function benchSampling(
  report: Report,
  where: string,
  s: SampleCase,
  train: TrainCase,
  reg: BenchRegistry,
): Promise<void> {
  const label = `${describeNet(train.net)} × ${s.count}, ${s.levels}×${s.stepsPerSigma} steps`;
  if (reg.missing.length) {
    report.skip('sample', where, `${label}: kinds missing (${reg.missing.join(', ')})`);
    return;
  }
  const executor = new Executor(tf.getBackend());
  const sigmas = benchSigmas(s.levels);
  const graph = (samplerSeed: number) => trainGraph({ ...train, steps: 2 }, { sample: s, samplerSeed });
  try {
    // Train once (2 steps: the weights' values do not change the cost); later runs re-sample only.
    const first = await runGraph(executor, graph(1), reg.registry);
    if (first.status !== 'done') throw new Error(`graph run ${first.status}: ${first.message}`);
    const model = executor.outputsOf(TRAIN_NODE)!.model as TrainedNetwork;
    let round = 1;
    const variants = {
      graph: () =>
        timed(async () => {
          const run = await runGraph(executor, graph(++round), reg.registry);
          if (run.status !== 'done') throw new Error(`graph run ${run.status}: ${run.message}`);
          return run.seconds[SAMPLE_NODE];
        }),
      library: () =>
        timed(async () => {
          const sample = makeAnnealedLangevin((x, sigma, labels) => model.score(x, sigma, labels), sigmas, {
            stepSize: EPSILON,
            stepsPerSigma: s.stepsPerSigma,
          });
          const x0 = tf.randomUniform([s.count, ...itemShape(train.net)], 0, 1, 'float32', 17);
          const { x } = await sample(x0, { seed: 5 });
          await x.data();
          tf.dispose([x0, x]);
        }),
      baseline: () =>
        timed(async () => {
          await sampleBaseline({
            net: train.net,
            weights: model.ema,
            sigmas,
            count: s.count,
            stepsPerSigma: s.stepsPerSigma,
            epsilon: EPSILON,
            seed: 5,
          });
        }),
    };
    for (const run of Object.values(variants)) await run(); // warm-up
    const runs = await interleave(variants, s.rounds);
    const steps = s.levels * s.stepsPerSigma + 1;
    for (const [name, list] of Object.entries(runs))
      report.add({
        section: 'sample',
        name: `${label} · ${name}`,
        where,
        value: (median(list.map((t) => t.wall)) * 1000) / steps,
        unit: 'ms/step',
        detail: `CPU ${((median(list.map((t) => t.cpu)) * 1000) / steps).toFixed(2)} ms/step; ${s.rounds} runs, wall spread ${(spread(list.map((t) => t.wall)) * 100).toFixed(0)}%`,
        raw: list,
      });
    const byCpu = pairedRatio(
      runs.baseline.map((t) => t.cpu),
      runs.graph.map((t) => t.cpu),
    );
    const byWall = pairedRatio(
      runs.baseline.map((t) => t.wall),
      runs.graph.map((t) => t.wall),
    );
    report.add({
      section: 'sample',
      name: `${label} · graph ÷ hand-written (steps/s)`,
      where,
      value: byCpu.median,
      unit: '× (CPU)',
      goal: '≥ 1.0',
      pass: byCpu.median >= 1,
      detail: `wall ${byWall.median.toFixed(2)}×; per round CPU ${byCpu.values.map((v) => v.toFixed(2)).join(' ')}`,
    });
  } finally {
    executor.clear();
  }
}
