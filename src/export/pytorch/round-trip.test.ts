/**
 * The round trip, end to end (needs python3-torch; skips with a message without it): export
 * toy-swissroll, train it with torchrun on 2 CPU ranks (gloo), load its checkpoint in the CLI
 * through model.load and sample; both our samples and the exported sampler's are within 2× the
 * sliced W₁ of a fresh draw of the data.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runExport } from '../../cli/export-command';
import { runCli } from '../../cli/run-command';
import { registry } from '../../nodes/registry';
import { toyPoints } from '../../score/datasets/toy2d';
import { slicedWasserstein1 } from '../../score/metrics/sliced-wasserstein';
import { geometricSigmas } from '../../score/schedule/geometric';
import { PYTHON, torchMissing } from '../../../test-support/has-torch';

const run = promisify(execFile);
const quiet = { stdout: () => {}, stderr: () => {} };

function readNpy(path: string): Float32Array {
  const bytes = readFileSync(path);
  const start = 10 + bytes.readUInt16LE(8);
  return new Float32Array(bytes.buffer.slice(bytes.byteOffset + start, bytes.byteOffset + bytes.length));
}

const loadGraph = (checkpoint: string, count: number) => ({
  format: 'scoregraph',
  version: 1,
  name: 'Sample a model trained by the exported PyTorch project',
  nodes: [
    { id: 'load', type: 'model.load', params: { checkpoint }, position: [0, 0] },
    {
      id: 'schedule',
      type: 'noise.geometric',
      params: { sigmaMax: 1, sigmaMin: 0.01, levels: 10 },
      position: [0, 200],
    },
    { id: 'sampler', type: 'sample.langevin', params: { count, steps: 20, seed: 3 }, position: [300, 0] },
    { id: 'samples', type: 'view.points', params: {}, position: [600, 0] },
  ],
  edges: [
    { from: 'load.model', to: 'sampler.model' },
    { from: 'schedule.schedule', to: 'sampler.schedule' },
    { from: 'sampler.samples', to: 'samples.samples' },
  ],
});

describe.skipIf(torchMissing)('toy-swissroll → PyTorch → torchrun ×2 (gloo) → scoregraph', () => {
  it('trains on 2 ranks, writes a checkpoint model.load samples well, and samples well itself', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sg-export-'));
    expect(
      await runExport(['graphs/toy-swissroll.json', '--to', 'pytorch', '--out', dir], registry, quiet),
    ).toBe(0);

    const steps = 3000; // the graph says 2000: --steps overrides it, and the samples get a margin
    // --redirects/--tee 1: torch 1.13's torchrun cannot parse its default "0" on Python 3.11.
    const { stdout } = await run(
      PYTHON,
      [
        '-m',
        'torch.distributed.run',
        '--standalone', // a free port: other runs on this machine may hold 29500
        '--nproc_per_node',
        '2',
        '--redirects',
        '1',
        '--tee',
        '1',
        'train.py',
        '--steps',
        String(steps),
      ],
      { cwd: dir, timeout: 150_000, env: { ...process.env, OMP_NUM_THREADS: '1' } },
    );
    expect(stdout).toMatch(/training 3000 steps on 2 × cpu, global batch 256/);
    expect(stdout).toMatch(/step 3000\/3000 {2}loss 0\.\d+ {2}per σ 1:/);

    const header = JSON.parse(readFileSync(join(dir, 'runs/model.ckpt.json'), 'utf8'));
    expect(header).toMatchObject({ format: 'scoregraph-checkpoint', kind: 'mlp', shape: [2], step: steps });
    expect(header.sigmas).toEqual(geometricSigmas(1, 0.01, 10));

    const count = 1000;
    const graphPath = join(dir, 'load.json');
    writeFileSync(graphPath, JSON.stringify(loadGraph(join(dir, 'runs/model.ckpt.json'), count)));
    const out = join(dir, 'cli');
    expect(await runCli(['run', graphPath, '--out', out, '--backend', 'wasm'], registry, quiet)).toBe(0);

    const data = toyPoints('swissroll', 2000, 0.02, 1);
    const sw1 = (a: Float32Array) => slicedWasserstein1(a, data, 2, { projections: 256 });
    const baseline = sw1(toyPoints('swissroll', count, 0.02, 2));
    const ours = sw1(readNpy(join(out, 'samples.npy')));
    const theirs = sw1(readNpy(join(dir, 'runs/samples.npy')));
    console.log(
      `sliced W1 vs data: scoregraph samples ${ours.toFixed(4)}, exported sampler ${theirs.toFixed(4)}, data resample ${baseline.toFixed(4)}`,
    );
    expect(ours).toBeLessThan(2 * baseline);
    expect(theirs).toBeLessThan(2 * baseline);
  });
});
