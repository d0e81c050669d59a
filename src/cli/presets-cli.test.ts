/**
 * Every shipped preset compiles at its full size, and runs end to end through the CLI with
 * reduced sizes (CI has no GPU; the presets are sized for users who have one).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseGraph, type Graph, type Json } from '../graph';
import { registry } from '../nodes/registry';
import { compile } from '../runtime/compile';
import { runCli } from './run-command';

const dir = join(import.meta.dirname, '../../graphs');
const presets = readdirSync(dir).filter((f) => f.endsWith('.json'));

/** Shrinks each node by its kind: tiny images, a tiny net, a few steps, a few samples. */
const REDUCE: Record<string, Record<string, Json>> = {
  'data.mnist': { size: 7, count: 64 },
  'data.toy2d': { count: 200 },
  'data.mixture': { count: 200 },
  'data.pick': { count: 2, offset: 0 },
  'model.ncsn': { ngf: 4 },
  'model.mlp': { width: 16 },
  'train.fit': { steps: 3, batchSize: 8, logEvery: 1 },
  'sample.langevin': { count: 4, steps: 1 },
  'sample.inpaint': { perImage: 1, steps: 1 },
  'sample.interpolate': { rows: 1, columns: 3, steps: 1 },
  'sample.reconstruct': { perImage: 1, steps: 1, level: 2 },
};

function reductions(graph: Graph): string[] {
  const sets: string[] = [];
  for (const node of graph.nodes)
    for (const [param, value] of Object.entries(REDUCE[node.type] ?? {}))
      if (param in registry.get(node.type)!.params)
        sets.push('--set', `${node.id}.${param}=${JSON.stringify(value)}`);
  return sets;
}

describe.each(presets)('preset %s', (file) => {
  const text = readFileSync(join(dir, file), 'utf8');
  const parsed = parseGraph(text, registry);

  it('compiles at full size', () => {
    expect(parsed.ok ? [] : parsed.problems).toEqual([]);
    if (!parsed.ok) return;
    const compiled = compile(parsed.graph, registry);
    expect(compiled.ok ? [] : compiled.problems).toEqual([]);
  });

  it('runs through the CLI on WASM with reduced sizes and writes every viewer', async () => {
    if (!parsed.ok) return;
    const out = mkdtempSync(join(tmpdir(), 'sg-preset-'));
    const err: string[] = [];
    const code = await runCli(
      ['run', join(dir, file), '--out', out, '--backend', 'wasm', ...reductions(parsed.graph)],
      registry,
      {
        stdout: () => {},
        stderr: (l) => err.push(l),
      },
    );
    expect(code, err.join('\n')).toBe(0);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.status).toBe('done');
    for (const node of parsed.graph.nodes) {
      expect(summary.nodes[node.id].status, node.id).toBe('done');
      if (registry.get(node.type)!.view) expect(existsSync(join(out, `${node.id}.png`)), node.id).toBe(true);
    }
  });
});
