/**
 * Issue 11 item 5: an exported MNIST preset (graphs/mnist-ncsnv2.json, or mnist-quick.json — the
 * CPU preset — → `scoregraph export --to pytorch`) trained by its own train.py on this machine's CPU, next to the same graph's
 * train.fit in scoregraph (Node, WASM), interleaved round by round. Both times cover the same
 * steps from fresh weights, first step included (train.py's loop timer; train.fit's node time).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { runExport } from '../../src/cli/export-command';
import { parseGraph, type Graph } from '../../src/graph';
import { registry } from '../../src/nodes/registry';
import { compile } from '../../src/runtime/compile';
import { Executor } from '../../src/runtime/execute';
import type { Report } from '../lib/report';
import { median } from '../lib/stats';

const PYTHON = '/usr/bin/python3';
const run = promisify(execFile);

async function torchSeconds(dir: string, steps: number, round: number): Promise<number> {
  const { stdout } = await run(
    PYTHON,
    ['train.py', '--steps', String(steps), '--no-sample', '--out', `runs-${round}`],
    { cwd: dir, timeout: 1_800_000 },
  );
  const m = /(\d+) steps in ([\d.]+) s/.exec(stdout);
  if (!m) throw new Error(`train.py printed no timing: ${stdout.slice(-300)}`);
  return Number(m[2]);
}

async function scoregraphSeconds(graph: Graph, steps: number, round: number): Promise<number> {
  const nodes = graph.nodes.map((n) =>
    n.type === 'train.fit' ? { ...n, params: { ...n.params, steps, seed: round } } : n,
  );
  const trainId = nodes.find((n) => n.type === 'train.fit')!.id;
  const compiled = compile({ ...graph, nodes }, registry, { targets: [trainId] });
  if (!compiled.ok) throw new Error(compiled.problems.map((p) => p.message).join('; '));
  const executor = new Executor('wasm');
  try {
    const result = await executor.execute(compiled.plan, {
      runId: round,
      signal: new AbortController().signal,
    });
    if (result.status !== 'done') throw new Error(result.message);
    return result.nodes.get(trainId)!.seconds!;
  } finally {
    executor.clear();
  }
}

/** "arch refinenet, ngf 32, 28 px, batch 128": what the preset trains. */
function describePreset(graph: Graph): string {
  const params = (type: string) => graph.nodes.find((n) => n.type === type)?.params ?? {};
  const net = params('model.ncsn');
  return `arch ${String(net.arch ?? 'compact')}, ngf ${String(net.ngf)}, ${String(params('data.mnist').size)} px, batch ${String(params('train.fit').batchSize)}`;
}

export async function benchExportedTorch(
  report: Report,
  preset: string,
  steps: number,
  rounds: number,
): Promise<void> {
  const PRESET = `graphs/${preset}.json`;
  const where = 'node/wasm vs exported train.py (cpu)';
  try {
    await run(PYTHON, ['-c', 'import torch']);
  } catch {
    return report.skip('export', where, 'PyTorch is not installed: apt-get install -y python3-torch');
  }
  const parsed = parseGraph(readFileSync(PRESET, 'utf8'), registry);
  if (!parsed.ok) throw new Error(`${PRESET} does not parse`);
  const graph = parsed.graph; // read once: both sides train exactly this graph
  const dir = mkdtempSync(join(tmpdir(), 'sg-bench-export-'));
  const quiet = { stdout: () => {}, stderr: () => {} };
  try {
    writeFileSync(join(dir, 'graph.json'), JSON.stringify(graph));
    if (
      (await runExport(
        [join(dir, 'graph.json'), '--to', 'pytorch', '--out', join(dir, 'project')],
        registry,
        quiet,
      )) !== 0
    )
      throw new Error(`${PRESET} did not export`);
    const project = join(dir, 'project');
    const { stdout: threads } = await run(PYTHON, ['-c', 'import torch; print(torch.get_num_threads())']);
    const ours: number[] = [];
    const theirs: number[] = [];
    for (let r = 1; r <= rounds; r++) {
      // Alternate which goes first, so drift in the machine's load hits both.
      if (r % 2) {
        ours.push(await scoregraphSeconds(graph, steps, r));
        theirs.push(await torchSeconds(project, steps, r));
      } else {
        theirs.push(await torchSeconds(project, steps, r));
        ours.push(await scoregraphSeconds(graph, steps, r));
      }
      report.note(
        `export round ${r}: scoregraph ${ours[r - 1].toFixed(1)} s, PyTorch ${theirs[r - 1].toFixed(1)} s for ${steps} steps`,
      );
    }
    const ratios = ours.map((s, i) => s / theirs[i]);
    const perSecond = (seconds: number[]) => (steps / median(seconds)).toFixed(3);
    report.add({
      section: 'export',
      name: `${preset} exported (${describePreset(graph)}): scoregraph step ÷ PyTorch step`,
      where,
      value: Number(median(ratios).toFixed(2)),
      unit: '×',
      detail:
        `${steps} steps × ${rounds} rounds; scoregraph ${perSecond(ours)} steps/s, PyTorch ${perSecond(theirs)} steps/s ` +
        `(${threads.trim()} thread(s)); ratios ${ratios.map((x) => x.toFixed(2)).join(', ')}`,
      raw: { ours, theirs, steps },
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
