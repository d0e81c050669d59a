/**
 * Issue 6 items 4, 6 and 7 in the production editor (index.html), through its test hooks
 * (window.__scoregraph): main-thread frame intervals and long tasks while the worker trains,
 * opening and panning a 300-node graph, and time to first samples of the default preset.
 */
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Graph, GraphEdge, GraphNode } from '../../src/graph';
import type { Report } from '../lib/report';
import { quantile } from '../lib/stats';
import { ROOT, type BrowserSession } from './chromium';

/** Records requestAnimationFrame intervals and long tasks in the page (plain JS: it is injected). */
const FRAME_PROBE = `(() => {
  if (window.__frames) return;
  const probe = { intervals: [], longtasks: [], running: false, last: 0, generation: 0 };
  new PerformanceObserver((list) => {
    if (probe.running) for (const e of list.getEntries()) probe.longtasks.push(e.duration);
  }).observe({ type: 'longtask' });
  const loop = (generation) => {
    const tick = (t) => {
      if (!probe.running || generation !== probe.generation) return;
      if (probe.last) probe.intervals.push(t - probe.last);
      probe.last = t;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  };
  probe.start = () => {
    probe.intervals = []; probe.longtasks = []; probe.last = 0; probe.running = true;
    loop(++probe.generation);
  };
  probe.stop = () => { probe.running = false; return { intervals: probe.intervals, longtasks: probe.longtasks }; };
  window.__frames = probe;
})()`;

interface FrameStats {
  intervals: number[];
  longtasks: number[];
}

function frameRow(report: Report, name: string, where: string, stats: FrameStats, extra = '') {
  const p95 = quantile(stats.intervals, 0.95);
  report.add({
    section: 'smooth',
    name,
    where,
    value: p95,
    unit: 'ms p95 frame',
    goal: '< 50',
    pass: p95 < 50,
    detail:
      `p50 ${quantile(stats.intervals, 0.5).toFixed(1)}, max ${Math.max(0, ...stats.intervals).toFixed(0)} ms over ` +
      `${stats.intervals.length} frames; longest main-thread task ${Math.max(0, ...stats.longtasks).toFixed(0)} ms ` +
      `(${stats.longtasks.length} long tasks)${extra}`,
    raw: stats,
  });
}

async function openEditor(session: BrowserSession, query = ''): Promise<Page | string> {
  const page = await session.open(`index.html${query}`);
  try {
    await page.waitForFunction(() => window.__scoregraph?.ready === true, null, { timeout: 60_000 });
  } catch {
    await page.close();
    return 'the editor did not report ready (window.__scoregraph.ready)';
  }
  await page.evaluate(FRAME_PROBE);
  return page;
}

const startFrames = (page: Page) =>
  page.evaluate(() => (window as unknown as { __frames: { start(): void } }).__frames.start());
const stopFrames = (page: Page) =>
  page.evaluate(() => (window as unknown as { __frames: { stop(): FrameStats } }).__frames.stop());

/** Waits until Run is enabled (the runtime worker has started and the graph is valid). */
async function whenRunnable(page: Page) {
  await page.waitForFunction(
    () => window.__scoregraph!.commands().find((c) => c.id === 'run.start')?.disabled === null,
    null,
    { timeout: 120_000, polling: 100 },
  );
}

/** Runs the open graph to the end; resolves with the run's final status and wall milliseconds. */
async function runToEnd(page: Page, timeoutMs: number, watch?: string) {
  await whenRunnable(page);
  const t0 = Date.now();
  await page.evaluate(() => window.__scoregraph!.command('run.start'));
  await page
    .waitForFunction(() => window.__scoregraph!.runStatus() === 'running', null, { timeout: 30_000 })
    .catch(() => {});
  let watchedMs: number | null = null;
  if (watch) {
    await page.waitForFunction((id) => window.__scoregraph!.nodeStatus(id) === 'done', watch, {
      timeout: timeoutMs,
      polling: 50,
    });
    watchedMs = Date.now() - t0;
  }
  await page.waitForFunction(() => window.__scoregraph!.runStatus() !== 'running', null, {
    timeout: timeoutMs,
    polling: 100,
  });
  return {
    status: await page.evaluate(() => window.__scoregraph!.runStatus()),
    ms: Date.now() - t0,
    watchedMs,
  };
}

function preset(name: string): Graph {
  return JSON.parse(readFileSync(join(ROOT, 'graphs', `${name}.json`), 'utf8')) as Graph;
}

/** A copy of `graph` with some params changed: { nodeId: { param: value } }. */
function withParams(graph: Graph, changes: Record<string, Record<string, unknown>>): Graph {
  return {
    ...graph,
    nodes: graph.nodes.map((n) => (changes[n.id] ? { ...n, params: { ...n.params, ...changes[n.id] } } : n)),
  } as Graph;
}

export async function benchSmoothness(
  report: Report,
  session: BrowserSession,
  backend: string,
  trainSteps: number,
) {
  const where = `chromium/editor ?backend=${backend}`;
  const page = await openEditor(session, `?backend=${backend}`);
  if (typeof page === 'string') return report.skip('smooth', where, page);
  try {
    const graph = withParams(preset('toy-swissroll'), {
      train: { steps: trainSteps, logEvery: 10 },
      sampler: { steps: 2 },
    });
    await page.evaluate((g) => window.__scoregraph!.load(g), graph as unknown as object);
    await page.evaluate(() => window.__scoregraph!.settled());
    await whenRunnable(page);
    await startFrames(page);
    const idle = await new Promise((r) => setTimeout(r, 1000)).then(() => stopFrames(page));
    await startFrames(page);
    const run = await runToEnd(page, 300_000);
    const stats = await stopFrames(page);
    frameRow(
      report,
      `frames while training (swissroll, ${trainSteps} steps)`,
      where,
      stats,
      `; run ${run.status} in ${(run.ms / 1000).toFixed(1)} s`,
    );
    frameRow(report, 'frames when idle (reference)', where, idle);
  } finally {
    await page.close();
  }
}

/** 50 chains of data → schedule → net → loss → adam → train: 300 nodes, 250 edges, on a grid. */
export function bigGraph(chains = 50): Graph {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const kinds = [
    ['data', 'data.toy2d'],
    ['sched', 'noise.geometric'],
    ['net', 'model.mlp'],
    ['loss', 'loss.dsm'],
    ['opt', 'optim.adam'],
    ['fit', 'train.fit'],
  ] as const;
  for (let i = 0; i < chains; i++) {
    const x0 = (i % 10) * 1800;
    const y0 = Math.floor(i / 10) * 900;
    kinds.forEach(([id, type], k) =>
      nodes.push({
        id: `${id}${i}`,
        type,
        params: {},
        position: [x0 + (k % 3) * 300, y0 + Math.floor(k / 3) * 420],
      }),
    );
    for (const socket of ['dataset', 'schedule', 'model', 'loss', 'optimizer']) {
      const from = { dataset: 'data', schedule: 'sched', model: 'net', loss: 'loss', optimizer: 'opt' }[
        socket
      ];
      edges.push({ from: `${from}${i}.${socket}`, to: `fit${i}.${socket}` });
    }
  }
  return { format: 'scoregraph', version: 1, name: `${nodes.length} nodes`, nodes, edges };
}

export async function benchEditorScale(report: Report, session: BrowserSession) {
  const where = 'chromium/editor';
  const page = await openEditor(session);
  if (typeof page === 'string') return report.skip('editor', where, page);
  try {
    const graph = bigGraph();
    const openMs = await page.evaluate(
      async (g) => {
        const t0 = performance.now();
        await window.__scoregraph!.load(g);
        await window.__scoregraph!.settled();
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        return performance.now() - t0;
      },
      graph as unknown as object,
    );
    report.add({
      section: 'editor',
      name: `open a ${graph.nodes.length}-node, ${graph.edges.length}-edge graph (load → painted)`,
      where,
      value: openMs,
      unit: 'ms',
    });
    // Pan: drag the background from a spot that moves the view (not a node).
    const box = (await page
      .locator('canvas, [data-testid=canvas], sg-canvas, .canvas')
      .first()
      .boundingBox()) ?? {
      x: 0,
      y: 60,
      width: 1400,
      height: 840,
    };
    const before = await page.evaluate(() => window.__scoregraph!.transform());
    let panned = false;
    for (const [fx, fy] of [
      [0.98, 0.95],
      [0.5, 0.98],
      [0.02, 0.95],
      [0.98, 0.5],
    ]) {
      const x = box.x + box.width * fx;
      const y = box.y + box.height * fy;
      await startFrames(page);
      const t0 = Date.now();
      await page.mouse.move(x, y);
      await page.mouse.down();
      await page.mouse.move(x - 400, y - 300, { steps: 40 });
      await page.mouse.up();
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const ms = Date.now() - t0;
      const stats = await stopFrames(page);
      const after = await page.evaluate(() => window.__scoregraph!.transform());
      if (before && after && (after.x !== before.x || after.y !== before.y)) {
        panned = true;
        frameRow(
          report,
          `pan the ${graph.nodes.length}-node graph (40 mouse moves)`,
          where,
          stats,
          `; drag took ${ms} ms`,
        );
        break;
      }
    }
    if (!panned) report.skip('editor', where, 'pan: no drag moved the view (transform unchanged)');
  } finally {
    await page.close();
  }
}

export async function benchFirstSamplesBrowser(report: Report, session: BrowserSession, quick: boolean) {
  const where = 'chromium/editor (auto backend)';
  const page = await openEditor(session);
  if (typeof page === 'string') return report.skip('first', where, page);
  try {
    const shipped = preset('toy-swissroll');
    const graph = quick ? withParams(shipped, { train: { steps: 20 }, sampler: { steps: 2 } }) : shipped;
    await page.evaluate((g) => window.__scoregraph!.load(g), graph as unknown as object);
    const run = await runToEnd(page, 600_000, 'sampler');
    const backend = ((await page.getByTestId('backend').first().textContent()) ?? '?').trim();
    report.add({
      section: 'first',
      name: `toy-swissroll${quick ? ' (20 steps)' : ' as shipped'}: Run → sampler done`,
      where,
      value: (run.watchedMs ?? run.ms) / 1000,
      unit: 's',
      detail: `run ${run.status} after ${(run.ms / 1000).toFixed(1)} s; backend ${backend}`,
    });
  } finally {
    await page.close();
  }
}
