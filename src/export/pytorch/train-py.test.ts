/**
 * train.py's command line on one CPU process (needs python3-torch; skips with a message without
 * it): --steps and --batch override the graph, --resume continues from the last checkpoint.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runExport } from '../../cli/export-command';
import { registry } from '../../nodes/registry';
import { learningRateAt } from '../../score/lr-schedule';
import { PYTHON, torchMissing } from '../../../test-support/has-torch';

const run = promisify(execFile);
const quiet = { stdout: () => {}, stderr: () => {} };

describe.skipIf(torchMissing)('exported train.py (toy-swissroll)', () => {
  it('overrides steps and batch, and resumes from its checkpoint', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sg-train-py-'));
    expect(
      await runExport(['graphs/toy-swissroll.json', '--to', 'pytorch', '--out', dir], registry, quiet),
    ).toBe(0);
    const train = (...args: string[]) =>
      run(PYTHON, ['train.py', '--no-sample', '--out', 'runs', ...args], { cwd: dir, timeout: 60_000 });
    const header = () => JSON.parse(readFileSync(join(dir, 'runs/model.ckpt.json'), 'utf8'));

    const first = await train('--steps', '40', '--batch', '32');
    expect(first.stdout).toMatch(/^training 40 steps on 1 × cpu, global batch 32$/m);
    expect(first.stdout).toMatch(/^step 40\/40 {2}loss \d+\.\d+/m);
    expect(header().step).toBe(40);

    const second = await train('--resume', '--steps', '60');
    expect(second.stdout).toMatch(/^resumed from runs\/model\.ckpt\.json at step 40$/m);
    expect(second.stdout).toMatch(/^training 20 steps on 1 × cpu, global batch 256$/m);
    expect(second.stdout).not.toMatch(/^step 40\//m);
    expect(header().step).toBe(60);
    const logged = readFileSync(join(dir, 'runs/losses.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line).step);
    expect(logged).toEqual([40, 50, 60]);
  });

  it("sets Adam's rate per step as scoregraph's schedule does", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sg-train-py-lr-'));
    const graph = JSON.parse(readFileSync('graphs/toy-swissroll.json', 'utf8'));
    const schedule = { lrDecay: 'cosine', lrDecayTo: 0.1, warmupSteps: 5 };
    const adam = graph.nodes.find((n: { type: string }) => n.type === 'optim.adam');
    Object.assign(adam.params, schedule);
    writeFileSync(join(dir, 'graph.json'), JSON.stringify(graph));
    const out = join(dir, 'project');
    expect(await runExport([join(dir, 'graph.json'), '--to', 'pytorch', '--out', out], registry, quiet)).toBe(
      0,
    );
    const steps = [1, 3, 5, 6, 20, 40];
    const probe = `import json, train; print(json.dumps([train.learning_rate(s, 40) for s in ${JSON.stringify(steps)}]))`;
    const { stdout } = await run(PYTHON, ['-c', probe], { cwd: out, timeout: 60_000 });
    const expected = steps.map((t) =>
      learningRateAt(adam.params.learningRate, { decay: 'cosine', decayTo: 0.1, warmupSteps: 5 }, t, 40),
    );
    const got = JSON.parse(stdout) as number[];
    got.forEach((lr, i) => expect(lr).toBeCloseTo(expected[i], 12));
    expect(got[5]).toBeCloseTo(0.1 * adam.params.learningRate, 12);
  });
});
