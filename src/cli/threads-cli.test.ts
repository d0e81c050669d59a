/**
 * The CLI's data-parallel training through the real entry (a child process, as a user runs it):
 * train.fit shares its batches with a helper thread, summary.json says so, the samples match a
 * one-thread run closely, and the process exits (the helper threads are stopped).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const tiny = [
  'train.steps=30',
  'train.batchSize=32',
  'sampler.count=16',
  'sampler.steps=3',
  'data.count=200',
];

async function swissroll(threads: number) {
  const out = mkdtempSync(join(tmpdir(), `sg-threads-${threads}-`));
  const argv = ['bin/scoregraph.js', 'run', 'graphs/toy-swissroll.json', '--out', out, '--backend', 'wasm'];
  const { stderr } = await run(
    process.execPath,
    [...argv, '--threads', String(threads), ...tiny.flatMap((s) => ['--set', s])],
    { timeout: 100_000 }, // a process kept alive by a helper thread fails here
  );
  return { stderr, summary: JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) };
}

describe('scoregraph run --threads', () => {
  it('trains on 2 threads, says so, and exits', async () => {
    const [one, two] = [await swissroll(1), await swissroll(2)];
    expect(two.stderr).toContain('training on up to 2 threads');
    expect(one.stderr).not.toContain('threads');
    expect(two.summary.nodes.train.summary.threads).toBe(2);
    expect(one.summary.nodes.train.summary.threads).toBe(1);
    expect(two.summary.nodes.train.summary.finalLoss).toBeCloseTo(
      one.summary.nodes.train.summary.finalLoss,
      3,
    );
  });
});
