/**
 * The mnist-quick preset end to end from the CLI on WASM, with its training and sampling cut
 * short (the full run is a bench row, bench/README.md): summary.json carries the quality node's
 * numbers and the sampler's diagnostics. The quality itself is tested on real digits and noise
 * in src/nodes/metric/digits.test.ts.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildClassifierAsset } from '../../scripts/build-classifier-asset';
import { buildMnistAsset } from '../../scripts/build-mnist-asset';
import { registry } from '../nodes/registry';
import { runCli } from './run-command';

beforeAll(async () => {
  await buildMnistAsset(); // no-ops when up to date
  await buildClassifierAsset();
});

describe('mnist-quick from the CLI', () => {
  it('trains, samples and scores its digits, writing the numbers to summary.json', async () => {
    const out = mkdtempSync(join(tmpdir(), 'sg-mnist-quick-'));
    const err: string[] = [];
    const sets = ['digits.count=500', 'train.steps=4', 'sampler.count=12', 'sampler.steps=1'];
    const code = await runCli(
      [
        'run',
        'graphs/mnist-quick.json',
        '--out',
        out,
        '--backend',
        'wasm',
        ...sets.flatMap((s) => ['--set', s]),
      ],
      registry,
      { stdout: () => {}, stderr: (line) => err.push(line) },
    );
    expect(code, err.join('\n')).toBe(0);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    const quality = summary.nodes.quality.summary;
    expect(quality.count).toBe(12);
    expect(quality.perDigit).toHaveLength(10);
    expect(quality.confidentShare).toBeGreaterThanOrEqual(0);
    expect(quality.confidentShare).toBeLessThanOrEqual(1);
    expect(quality.frechetFloor).toBeLessThan(quality.frechetCeiling);
    const sampler = summary.nodes.sampler.summary;
    // The preset sets ε itself (2× Technique 4's, bench/README.md row 8): the sampler uses it as given.
    const preset = JSON.parse(readFileSync('graphs/mnist-quick.json', 'utf8'));
    const epsilon = preset.nodes.find((n: { id: string }) => n.id === 'sampler').params.stepSize;
    expect(typeof epsilon).toBe('number');
    expect(sampler.stepSize).toBe(epsilon);
    expect(sampler.stepSizeUsed).toBe(epsilon);
    expect(sampler.sqrtD).toBe(14);
    expect(sampler.levels).toHaveLength(summary.nodes.schedule.summary.sigmas.length);
    expect(sampler.levels[0].scoreNormTimesSigma).toBeGreaterThan(0);
  });
});
