/**
 * Reproducible outputs: the same graph, seed and backend give the same samples bit for bit, and
 * every output says which graph, seed, backend and versions made it.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { registry } from '../nodes/registry';
import { readGraphPng } from '../render/graph-png';
import { runCli } from './run-command';

const tiny = [
  'train.steps=20',
  'train.batchSize=32',
  'sampler.count=64',
  'sampler.steps=3',
  'data.count=100',
].flatMap((set) => ['--set', set]);

async function run(backend: 'wasm' | 'cpu', seed: number) {
  const out = mkdtempSync(join(tmpdir(), `sg-repro-${backend}-`));
  const argv = [
    'run',
    'graphs/toy-swissroll.json',
    '--out',
    out,
    '--backend',
    backend,
    '--seed',
    String(seed),
  ];
  const code = await runCli([...argv, ...tiny, '--save-checkpoints'], registry, {
    stdout: () => {},
    stderr: () => {},
  });
  expect(code).toBe(0);
  const file = (name: string) => readFileSync(join(out, name));
  return {
    samples: file('samples.npy'),
    summary: JSON.parse(file('summary.json').toString()),
    png: readGraphPng(file('samples.png')),
    checkpoint: JSON.parse(file('train.ckpt.json').toString()),
  };
}

describe.each(['wasm', 'cpu'] as const)('the same graph, seed and backend (%s)', (backend) => {
  it('give the same samples bit for bit, and another seed other samples', async () => {
    const a = await run(backend, 5);
    const b = await run(backend, 5);
    const c = await run(backend, 6);
    expect(a.samples.equals(b.samples)).toBe(true);
    expect(a.samples.equals(c.samples)).toBe(false);
    expect(b.summary.nodes.train.summary.finalLoss).toBe(a.summary.nodes.train.summary.finalLoss);

    // One stamp on summary.json, the PNG and the checkpoint; only the seed differs between runs.
    const stamp = {
      graphHash: a.summary.graphHash,
      seed: 5,
      backend,
      scoregraph: a.summary.scoregraph,
      tfjs: a.summary.tfjs,
    };
    expect(stamp.graphHash).toMatch(/^[0-9a-f]{14}$/);
    expect(a.png.ok && a.png.provenance).toEqual(stamp);
    expect(a.checkpoint.provenance).toEqual(stamp);
    expect(c.summary).toMatchObject({ ...stamp, seed: 6 });
  });
});
