/**
 * The GPU pack's measuring program (bundled into one file by bench/gpu/pack.ts; run by run.sh):
 *   --stage=probe    start WebGPU on Dawn, print the adapter (and whether it is hardware)
 *   --stage=speed    issue 9's three cases on WebGPU: steady ms/step of the graph (train.fit
 *                    through compile + Executor), the library's train() and the hand-written loop
 *   --stage=profile  the bench's kernel profile section (bench/node/profile.ts) on WebGPU
 *   --stage=presets  toy-swissroll and mnist-ncsnv2 through the CLI's own runCli, steps capped
 * Each stage appends its results to <out>/results.json (rewritten atomically) and prints one
 * line per result; run.sh gives each stage its own time limit.
 */
import * as tf from '@tensorflow/tfjs';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../src/cli/run-command';
import { registry } from '../../src/nodes/registry';
import { chooseNodeBackend, releaseNodeBackends } from '../../src/runtime/backend-node';
import { itemShape } from '../baseline/nets';
import type { TrainCase } from '../cases';
import { Report } from '../lib/report';
import { median } from '../lib/stats';
import { benchRegistry } from '../node/kinds';
import { benchConvGradient, benchProfile } from '../node/profile';
import { trainVariants } from '../node/train';
import { GPU_CASES, TINY_GPU_CASES, presetRuns } from './cases';

const argv = process.argv.slice(2);
const opt = (name: string, fallback: string) =>
  argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const tiny = argv.includes('--tiny');
const out = opt('out', 'gpu-out');
const stage = opt('stage', 'probe');
/** Seconds this stage may spend measuring (run.sh's limit minus a margin for the last write). */
const budget = Number(opt('budget-s', '120'));
const started = performance.now();
const elapsed = () => (performance.now() - started) / 1000;

function log(line: string): void {
  process.stdout.write(`[${elapsed().toFixed(1).padStart(6)}s] ${line}\n`);
}

function save(key: string, value: unknown): void {
  mkdirSync(out, { recursive: true });
  const file = join(out, 'results.json');
  const doc = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  doc[key] = value;
  writeFileSync(`${file}.tmp`, JSON.stringify(doc, null, 1) + '\n');
  renameSync(`${file}.tmp`, file);
}

async function probe(): Promise<void> {
  const choice = await chooseNodeBackend('webgpu');
  log(`WebGPU: ${choice.reason}`);
  if (choice.adapter?.software) log('WARNING: a software adapter: these are not GPU figures.');
  const sum = tf.tidy(() => tf.addN(Array.from({ length: 20 }, (_, i) => tf.fill([64], i + 1))));
  const smoke = (await sum.data())[0];
  sum.dispose();
  log(`smoke: addN of 1..20 = ${smoke} (want 210)`);
  save('adapter', { ...choice.adapter, smokeOk: smoke === 210, node: process.version });
}

/** Steady ms/step (median over rounds) of graph, library and hand-written on one case. */
async function speedCase(label: string, c: TrainCase, until: number) {
  const data = tf.randomUniform([c.count, ...itemShape(c.net)], 0, 1, 'float32', 7);
  const { variants: all, dispose } = trainVariants(c, benchRegistry(), data);
  // The table's three: the graph, the library without the runtime, the careful hand-written loop.
  const variants = Object.fromEntries(
    ['graph', 'library', 'careful'].filter((k) => all[k]).map((k) => [k, all[k]]),
  );
  try {
    const warm = performance.now();
    for (const run of Object.values(variants)) await run(Math.min(3, c.logEvery + 1));
    const perStep = (performance.now() - warm) / 3 / Object.keys(variants).length;
    // Steps per run: what fits in a third of the time left for this case, at least 2 reads.
    const left = Math.max(5, until - elapsed());
    const steps = Math.max(
      2 * c.logEvery,
      Math.min(c.steps, Math.floor((left * 1000) / c.rounds / 3 / perStep)),
    );
    const rows: Record<string, number[]> = {};
    for (let round = 0; round < c.rounds && (round === 0 || elapsed() < until); round++)
      for (const [name, run] of Object.entries(variants)) {
        const r = await run(steps);
        (rows[name] ??= []).push(r.steady.wall);
      }
    const result = Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, median(v)]));
    log(`${label}: ${steps} steps/run; steady ms/step ${JSON.stringify(result)}`);
    return { steps, msPerStep: result, rounds: rows };
  } finally {
    dispose();
    data.dispose();
  }
}

async function speed(): Promise<void> {
  await chooseNodeBackend('webgpu');
  const cases = tiny ? TINY_GPU_CASES : GPU_CASES;
  const results: Record<string, unknown> = {};
  for (const [i, { label, c }] of cases.entries()) {
    const until = elapsed() + (budget - elapsed()) / (cases.length - i);
    try {
      results[label] = await speedCase(label, c, until);
    } catch (error) {
      results[label] = { error: (error as Error).message };
      log(`${label}: ERROR ${(error as Error).message}`);
    }
    save('speed', results);
  }
}

async function profile(): Promise<void> {
  const choice = await chooseNodeBackend('webgpu');
  const report = new Report();
  // Tiny (a software adapter): the two bench cases; lavapipe takes minutes for the third.
  const cases = tiny ? TINY_GPU_CASES.slice(0, 2) : GPU_CASES;
  for (const { c } of cases) {
    if (elapsed() > budget * 0.7) break;
    await benchProfile(report, 'node/webgpu', c, tiny ? c.logEvery : Math.max(c.logEvery, 4));
    save('profile', report.rows);
  }
  await benchConvGradient(report, 'node/webgpu', [32, 28, 28, 16], 16, tiny ? 2 : 5);
  save('profile', { adapter: choice.adapter, rows: report.rows });
}

async function presets(): Promise<void> {
  const results: Record<string, unknown> = {};
  for (const p of presetRuns(tiny)) {
    const dir = join(out, p.name);
    const lines: string[] = [];
    const t0 = performance.now();
    const code = await runCli(
      [
        'run',
        p.graph,
        '--out',
        dir,
        '--backend',
        'webgpu',
        '--seed',
        '1',
        ...p.sets.flatMap((s) => ['--set', s]),
      ],
      registry,
      { stdout: (l) => lines.push(l), stderr: (l) => lines.push(l) },
    );
    const seconds = (performance.now() - t0) / 1000;
    const summaryFile = join(dir, 'summary.json');
    const summary = existsSync(summaryFile)
      ? (JSON.parse(readFileSync(summaryFile, 'utf8')) as unknown)
      : null;
    results[p.name] = { code, seconds, sets: p.sets, summary, tail: lines.slice(-4) };
    log(`${p.name}: exit ${code} in ${seconds.toFixed(1)} s → ${dir}/ (${lines.slice(-1)[0] ?? ''})`);
    save('presets', results);
  }
}

const stages: Record<string, () => Promise<void>> = { probe, speed, profile, presets };
const run = stages[stage];
if (!run) throw new Error(`Unknown --stage=${stage} (one of ${Object.keys(stages).join(', ')}).`);
try {
  await run();
} catch (error) {
  log(`stage ${stage} FAILED: ${(error as Error).stack ?? String(error)}`);
  save(`${stage}Error`, (error as Error).message);
  process.exitCode = 1;
} finally {
  await releaseNodeBackends();
}
