/**
 * Issue 6 item 1 in Chromium: on each backend, train.fit through the runtime worker (as the
 * editor runs it) against the hand-written loop in a worker of its own, careful and naive,
 * interleaved. GPU backends here are SwiftShader, so the sizes are tiny. Also the worker's
 * tensor count after each graph run (it must not grow from run to run).
 */
import type { Page } from '@playwright/test';
import * as tf from '@tensorflow/tfjs';
import type { Graph } from '../../src/graph';
import { convNetGradients, maxRelativeError, type GradientCheck } from '../../src/runtime/gradient-check';
import { describeNet } from '../baseline/nets';
import type { TrainCase } from '../cases';
import { TRAIN_NODE, trainGraph } from '../graphs';
import type { Report } from '../lib/report';
import { interleave, median, pairedRatio, spread, StepClock } from '../lib/stats';
import type { BrowserSession } from './chromium';
import type { GraphRunResult } from './page';

type Backend = 'webgpu' | 'webgl' | 'wasm';

let reference: GradientCheck | null = null;

/** The gradient check on Node's stock cpu backend, computed once. */
async function cpuReference(): Promise<GradientCheck> {
  if (!reference) {
    await tf.setBackend('cpu');
    reference = await convNetGradients();
  }
  return reference;
}

const runGraph = (page: Page, graph: Graph) =>
  page.evaluate(
    (g) => window.__bench!.runGraph(g as unknown as Graph),
    graph as unknown as Record<string, unknown>,
  ) as Promise<GraphRunResult>;
const runBaseline = (page: Page, c: TrainCase, readEvery: number | 'library', steps: number) =>
  page.evaluate(([cc, r, s]) => window.__bench!.runBaseline(cc as TrainCase, r as number, s as number), [
    c,
    readEvery,
    steps,
  ] as const);

export async function benchBrowserTraining(
  report: Report,
  session: BrowserSession,
  backend: Backend,
  cases: TrainCase[],
): Promise<Record<string, number>> {
  const where = `chromium/${backend}`;
  const page = await session.open('bench/browser/bench.html');
  const msPerStep: Record<string, number> = {};
  try {
    await page.waitForFunction(() => window.__bench !== undefined);
    const started = await page.evaluate((b) => window.__bench!.start(b as 'wasm'), backend);
    if (started.runtime !== backend || started.baseline !== backend) {
      report.skip(
        'train',
        where,
        `backend did not start: runtime ${started.runtime}, baseline ${started.baseline} (${started.reason})`,
      );
      return msPerStep;
    }
    // Kernel patches must keep gradients right: the runtime's gradient check against CPU here.
    const gradients = await page.evaluate(() => window.__bench!.gradientCheck());
    const error = maxRelativeError(gradients, await cpuReference());
    report.add({
      section: 'check',
      name: 'one-step conv-net gradients in the runtime worker vs CPU (max relative error)',
      where,
      value: error,
      unit: '',
      goal: backend === 'wasm' ? '< 1e-4' : '< 2e-3',
      pass: error < (backend === 'wasm' ? 1e-4 : 2e-3),
      detail: `loss ${gradients.loss.toFixed(5)} on ${gradients.backend}`,
    });
    for (const c of cases) {
      const label = `${describeNet(c.net)} b${c.batch}`;
      let round = 0;
      type Run = { seconds: number; steadyMs: number };
      const tensorsAfter: (number | undefined)[] = [];
      const losses: number[] = [];
      const graph = async (steps = c.steps): Promise<Run> => {
        const run = await runGraph(page, trainGraph({ ...c, steps }, { seed: ++round }));
        if (run.status !== 'done') throw new Error(run.message ?? run.status);
        const summary = run.summaries[TRAIN_NODE] as { finalLoss?: number | null } | undefined;
        tensorsAfter.push(run.numTensors);
        losses.push(summary?.finalLoss ?? NaN);
        const clock = new StepClock();
        for (const [node, fraction, ms] of run.progress)
          if (node === TRAIN_NODE && fraction > 0) clock.mark(Math.round(fraction * steps), ms, NaN);
        return { seconds: run.seconds[TRAIN_NODE], steadyMs: clock.steady()?.wall ?? NaN };
      };
      const variants: Record<string, (steps?: number) => Promise<Run>> = {
        graph,
        library: (steps = c.steps) => runBaseline(page, c, 'library', steps),
        careful: (steps = c.steps) => runBaseline(page, c, c.logEvery, steps),
        naive: (steps = c.steps) => runBaseline(page, c, 1, steps),
      };
      try {
        await graph(1); // the dataset, compiled shaders, wasm operators: warm
      } catch (error) {
        report.skip(
          'train',
          where,
          `${label}: graph did not run (${(error as Error).message.split('\n')[0]})`,
        );
        continue;
      }
      for (const run of Object.values(variants)) await run(Math.min(3, c.steps));
      tensorsAfter.length = 0;
      losses.length = 0;
      const runs = await interleave(
        Object.fromEntries(Object.entries(variants).map(([k, f]) => [k, () => f()])),
        c.rounds,
      );
      const steady = (name: string) => runs[name].map((r) => r.steadyMs);
      const whole = (name: string) => runs[name].map((r) => r.seconds);
      for (const name of Object.keys(runs)) {
        const perStep = (median(whole(name)) * 1000) / c.steps;
        if (name === 'graph') msPerStep[c.id] = median(steady(name));
        report.add({
          section: 'train',
          name: `${label} · ${name}`,
          where,
          value: median(steady(name)),
          unit: 'ms/step',
          detail:
            `steady (after step 1); ${perStep.toFixed(1)} over whole runs (${c.steps} steps × ${c.rounds}, ` +
            `spread ${(spread(whole(name)) * 100).toFixed(0)}%)`,
          raw: runs[name],
        });
      }
      for (const against of ['careful', 'naive', 'library'] as const) {
        const ratio = pairedRatio(steady(against), steady('graph'));
        const wholeRatio = pairedRatio(whole(against), whole('graph'));
        report.add({
          section: 'train',
          name: `${label} · graph ÷ ${against} (steps/s)`,
          where,
          value: ratio.median,
          unit: '× (wall)',
          goal: against === 'careful' ? '≥ 1.0' : undefined,
          pass: against === 'careful' ? ratio.median >= 1 : undefined,
          detail:
            `whole runs ${wholeRatio.median.toFixed(2)}×; per round ` +
            ratio.values.map((v) => v.toFixed(2)).join(' '),
        });
      }
      const hand = await runBaseline(page, c, c.logEvery, c.steps);
      report.add({
        section: 'check',
        name: `${label}: the graph really trains (final loss, hand-written's in detail)`,
        where,
        value: median(losses),
        unit: 'loss',
        goal: '> 0, finite',
        pass: losses.every((l) => Number.isFinite(l) && l > 0),
        detail: `graph runs ${losses.map((l) => l.toFixed(3)).join(' ')}; hand-written ${hand.lastLoss.toFixed(3)}`,
      });
      const known = tensorsAfter.filter((n): n is number => n !== undefined);
      if (known.length >= 2)
        report.add({
          section: 'memory',
          name: `${label}: worker tensors after graph run 1 → ${known.length}`,
          where,
          value: `${known[0]} → ${known[known.length - 1]}`,
          unit: '',
          goal: 'equal',
          pass: known[0] === known[known.length - 1],
        });
    }
  } finally {
    await page.close();
  }
  return msPerStep;
}
