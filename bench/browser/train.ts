/**
 * Issue 6 item 1 in Chromium: on each backend, train.fit through the runtime worker (as the
 * editor runs it) against the hand-written loop in a worker of its own, careful and naive,
 * interleaved. GPU backends here are SwiftShader, so the sizes are tiny. Also the worker's
 * tensor count after each graph run (it must not grow from run to run).
 */
import type { Page } from '@playwright/test';
import type { Graph } from '../../src/graph';
import { describeNet } from '../baseline/nets';
import type { TrainCase } from '../cases';
import { TRAIN_NODE, trainGraph } from '../graphs';
import type { Report } from '../lib/report';
import { interleave, median, pairedRatio, spread } from '../lib/stats';
import type { BrowserSession } from './chromium';
import type { GraphRunResult } from './page';

type Backend = 'webgpu' | 'webgl' | 'wasm';

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
    for (const c of cases) {
      const label = `${describeNet(c.net)} b${c.batch}`;
      let round = 0;
      const graph = async (steps = c.steps) => {
        const run = await runGraph(page, trainGraph({ ...c, steps }, { seed: ++round }));
        if (run.status !== 'done') throw new Error(run.message ?? run.status);
        const summary = run.summaries[TRAIN_NODE] as { finalLoss?: number | null } | undefined;
        return { seconds: run.seconds[TRAIN_NODE], tensors: run.numTensors, loss: summary?.finalLoss ?? NaN };
      };
      const variants = {
        graph: async (steps?: number) => (await graph(steps)).seconds,
        library: async (steps = c.steps) => (await runBaseline(page, c, 'library', steps)).seconds,
        careful: async (steps = c.steps) => (await runBaseline(page, c, c.logEvery, steps)).seconds,
        naive: async (steps = c.steps) => (await runBaseline(page, c, 1, steps)).seconds,
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
      for (const run of Object.values(variants)) await run(Math.min(2, c.steps));
      const tensorsAfter: (number | undefined)[] = [];
      const losses: number[] = [];
      const seconds = await interleave(
        {
          graph: async () => {
            const r = await graph();
            tensorsAfter.push(r.tensors);
            losses.push(r.loss);
            return r.seconds;
          },
          library: () => variants.library(),
          careful: () => variants.careful(),
          naive: () => variants.naive(),
        },
        c.rounds,
      );
      for (const [name, list] of Object.entries(seconds)) {
        const ms = (median(list) * 1000) / c.steps;
        if (name === 'graph') msPerStep[c.id] = ms;
        report.add({
          section: 'train',
          name: `${label} · ${name}`,
          where,
          value: ms,
          unit: 'ms/step',
          detail: `${c.steps} steps × ${c.rounds} runs, spread ${(spread(list) * 100).toFixed(0)}%`,
          raw: list,
        });
      }
      for (const against of ['careful', 'naive'] as const) {
        const ratio = pairedRatio(seconds[against], seconds.graph);
        report.add({
          section: 'train',
          name: `${label} · graph ÷ ${against} (steps/s)`,
          where,
          value: ratio.median,
          unit: '× (wall)',
          goal: against === 'careful' ? '≥ 1.0' : undefined,
          pass: against === 'careful' ? ratio.median >= 1 : undefined,
          detail: `per round ${ratio.values.map((v) => v.toFixed(2)).join(' ')}`,
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
