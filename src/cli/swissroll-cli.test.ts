/**
 * The proof of the path: the shipped toy-swissroll preset trains and samples through the real
 * CLI entry (a child process, as a user runs it) on WASM and on CPU, with reduced sizes.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { hasNumpy } from '../runtime/render/has-numpy';

const run = promisify(execFile);
const small = [
  '--set',
  'train.steps=300',
  '--set',
  'sampler.count=300',
  '--set',
  'sampler.steps=20',
  '--set',
  'data.count=500',
];

describe.each(['wasm', 'cpu'] as const)(
  'scoregraph run graphs/toy-swissroll.json --backend %s',
  (backend) => {
    it("exits 0 and writes summary.json, the viewers' PNGs and .npy files NumPy loads", async () => {
      const out = mkdtempSync(join(tmpdir(), `sg-swissroll-${backend}-`));
      const { stdout, stderr } = await run(
        process.execPath,
        [
          'bin/scoregraph.js',
          'run',
          'graphs/toy-swissroll.json',
          '--out',
          out,
          '--backend',
          backend,
          '--seed',
          '3',
          ...small,
        ],
        { timeout: 170_000 },
      );
      expect(stdout).toMatch(/^Done in [\d.]+ s\. Wrote \d+ files/m);
      expect(stderr).toMatch(/✓ train [\d.]+ s/);

      const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
      expect(summary).toMatchObject({ backend, seed: 3, status: 'done' });
      expect(summary.nodes.schedule.summary.sigmas).toHaveLength(10);
      expect(summary.nodes.schedule.summary.sigmas[0]).toBe(1);
      expect(summary.nodes.train.summary.step).toBe(300);
      expect(summary.nodes.train.summary.finalLoss).toBeLessThan(1); // an untrained net scores ~D/2 = 1 on average

      const png = readFileSync(join(out, 'samples.png'));
      expect(Array.from(png.subarray(1, 4))).toEqual([80, 78, 71]); // "PNG"
      expect(png.includes(Buffer.from('scoregraph\0{"format":"scoregraph"'))).toBe(true);

      if (!hasNumpy) return;
      const { stdout: py } = await run('python3', [
        '-c',
        `import numpy as n; a=n.load(${JSON.stringify(join(out, 'samples.npy'))}); print(a.dtype, a.shape, int(n.isfinite(a).all()))`,
      ]);
      expect(py.trim()).toBe('float32 (300, 2) 1');
    });
  },
);
