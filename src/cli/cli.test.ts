import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testRegistry } from '../runtime/test-kinds';
import packageJson from '../../package.json';
import { DEFAULT_SEED } from '../runtime/execute';
import { parseArgs } from './args';
import { runCli } from './run-command';

const capture = () => {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (l: string) => out.push(l), stderr: (l: string) => err.push(l) }, out, err };
};

const graphFile = async (graph: unknown) => {
  const dir = await mkdtemp(join(tmpdir(), 'sg-cli-'));
  const path = join(dir, 'g.json');
  await writeFile(path, typeof graph === 'string' ? graph : JSON.stringify(graph));
  return { dir, path };
};

const good = {
  format: 'scoregraph',
  version: 1,
  name: 'cli test',
  nodes: [
    { id: 'src', type: 'test.source', params: { value: 2 } },
    { id: 'plus', type: 'test.add', params: { amount: 3 } },
  ],
  edges: [{ from: 'src.samples', to: 'plus.samples' }],
};

describe('scoregraph run', () => {
  it('exits 0 and writes summary.json with every node', async () => {
    const { dir, path } = await graphFile(good);
    const { io, err } = capture();
    const code = await runCli(
      ['run', path, '--out', join(dir, 'o'), '--backend', 'cpu', '--set', 'plus.amount=4'],
      testRegistry,
      io,
    );
    expect(code).toBe(0);
    const summary = JSON.parse(await readFile(join(dir, 'o', 'summary.json'), 'utf8'));
    expect(summary.status).toBe('done');
    expect(summary.nodes.plus).toMatchObject({ type: 'test.add', status: 'done' });
    expect(summary.nodes.plus.summary.samples.data).toEqual({ shape: [4, 2], dtype: 'float32' });
    expect(err.some((l) => l.startsWith('✓ plus'))).toBe(true);
    // Provenance: the graph's content hash, the seed actually used, the backend and the versions.
    expect(summary).toMatchObject({
      graphHash: expect.stringMatching(/^[0-9a-f]{14}$/),
      seed: DEFAULT_SEED,
      backend: 'cpu',
      scoregraph: packageJson.version,
      tfjs: expect.stringMatching(/^\d+\.\d+\.\d+/),
    });
    for (const seconds of [summary.seconds, summary.nodes.plus.seconds])
      expect(Math.round(seconds * 100) / 100).toBe(seconds);
  });

  it('--help and -h print the usage on stdout and exit 0', async () => {
    for (const argv of [['--help'], ['-h'], ['run', '--help'], ['help']]) {
      const { io, out, err } = capture();
      expect(await runCli(argv, testRegistry, io)).toBe(0);
      expect(out.join('\n')).toMatch(/^Usage: scoregraph run <graph.json>/);
      expect(err).toEqual([]);
    }
  });

  it('exits 2 on an invalid graph and prints every problem, one per line, without a stack', async () => {
    const bad = { ...good, nodes: [...good.nodes, { id: 'x', type: 'test.ad', params: { amount: 500 } }] };
    bad.edges = [...good.edges, { from: 'src.samples', to: 'plus.samples' }];
    const { path } = await graphFile(bad);
    const { io, err } = capture();
    expect(await runCli(['run', path, '--backend', 'cpu'], testRegistry, io)).toBe(2);
    expect(err[0]).toMatch(/is not a valid graph \(2 problems\)/);
    expect(err.slice(1)).toEqual([
      '  - Node "x" has unknown type "test.ad". Did you mean "test.add"?',
      '  - Input plus.samples already has an edge from src.samples; an input takes one edge (this one is from src.samples).',
    ]);
    expect(err.join('\n')).not.toMatch(/at .*\.ts:\d+/);
  });

  it('exits 2 on a param made invalid by --set, on a missing file and on bad flags', async () => {
    const { path } = await graphFile(good);
    let c = capture();
    expect(await runCli(['run', path, '--set', 'plus.amount=1000'], testRegistry, c.io)).toBe(2);
    expect(c.err[1]).toBe('  - Node "plus": amount must be between -100 and 100 (got 1000).');
    c = capture();
    expect(await runCli(['run', '/nonexistent.json'], testRegistry, c.io)).toBe(2);
    expect(c.err[0]).toContain('cannot read the graph file');
    c = capture();
    expect(await runCli(['run', path, '--backend', 'tpu'], testRegistry, c.io)).toBe(2);
    expect(c.err[0]).toBe('scoregraph: --backend must be auto, webgpu, wasm, cpu (got "tpu").');
    for (const bad of ['0', '2.5', 'many']) {
      c = capture();
      expect(await runCli(['run', path, '--threads', bad], testRegistry, c.io)).toBe(2);
      expect(c.err[0]).toBe('scoregraph: --threads must be a whole number from 1 to 64.');
    }
  });

  it('parses --threads', () => {
    expect(parseArgs(['run', 'g.json', '--threads', '3']).threads).toBe(3);
    expect(parseArgs(['run', 'g.json']).threads).toBeUndefined();
  });

  it('exits 1 when a node fails while running and names it', async () => {
    const { dir, path } = await graphFile(good);
    const failing = Object.create(testRegistry) as typeof testRegistry;
    const add = testRegistry.get('test.add')!;
    failing.get = (type: string) =>
      type === 'test.add'
        ? { ...add, run: async () => Promise.reject(new Error('out of memory')) }
        : testRegistry.get(type);
    const { io, err } = capture();
    expect(await runCli(['run', path, '--out', join(dir, 'o'), '--backend', 'cpu'], failing, io)).toBe(1);
    expect(err.at(-1)).toBe('scoregraph: Node "plus" (test.add) failed: out of memory');
    const summary = JSON.parse(await readFile(join(dir, 'o', 'summary.json'), 'utf8'));
    expect(summary.nodes.plus.status).toBe('error');
  });

  it('parses --set values as JSON when they are JSON', () => {
    expect(
      parseArgs(['run', 'g.json', '--set', 'a.b=[0,1]', '--set', 'a.c=auto', '--seed', '7']).sets,
    ).toEqual([
      { nodeId: 'a', param: 'b', value: [0, 1] },
      { nodeId: 'a', param: 'c', value: 'auto' },
    ]);
  });
});
