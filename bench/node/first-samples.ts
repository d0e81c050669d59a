/**
 * Issue 6 item 7 from the CLI: wall time of `scoregraph run graphs/toy-swissroll.json --backend
 * wasm` (process start to exit, samples written), with the per-node seconds from summary.json.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Report } from '../lib/report';

const ROOT = join(import.meta.dirname, '..', '..');

export async function benchFirstSamplesCli(
  report: Report,
  backend: 'wasm' | 'cpu',
  quick: boolean,
): Promise<void> {
  const out = mkdtempSync(join(tmpdir(), 'scoregraph-bench-'));
  const sets = quick ? ['--set', 'train.steps=20', '--set', 'sampler.steps=2'] : [];
  const args = [
    'src/cli/main.ts',
    'run',
    'graphs/toy-swissroll.json',
    '--out',
    out,
    '--backend',
    backend,
    ...sets,
  ];
  const t0 = performance.now();
  try {
    const code = await new Promise<number>((resolve) => {
      const child = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), args, { cwd: ROOT, stdio: 'ignore' });
      child.on('exit', (c) => resolve(c ?? 1));
    });
    const seconds = (performance.now() - t0) / 1000;
    if (code !== 0) {
      report.skip('first', `cli/${backend}`, `scoregraph run exited with ${code}`);
      return;
    }
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as {
      nodes?: Record<string, { seconds?: number }>;
    };
    const node = (id: string) => summary.nodes?.[id]?.seconds;
    const parts = ['train', 'sampler', 'samples']
      .filter((id) => node(id) !== undefined)
      .map((id) => `${id} ${node(id)!.toFixed(1)} s`);
    report.add({
      section: 'first',
      name: `toy-swissroll${quick ? ' (20 steps)' : ' as shipped'}: scoregraph run → samples written`,
      where: `cli/${backend}`,
      value: seconds,
      unit: 's',
      detail: parts.join(', ') || 'no per-node seconds in summary.json',
    });
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
