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
import { hasNumpy } from '../../test-support/has-numpy';
import { readGraphPng } from '../render/graph-png';

const run = promisify(execFile);
/** Reduced sizes per backend: the pure-JS cpu backend gets the smallest run that still trains. */
const SIZES = {
  wasm: { steps: 300, batchSize: 256, count: 300, sampleSteps: 20, data: 500 },
  cpu: { steps: 150, batchSize: 32, count: 100, sampleSteps: 10, data: 200 },
};
const small = (size: (typeof SIZES)['wasm']) =>
  [
    `train.steps=${size.steps}`,
    `train.batchSize=${size.batchSize}`,
    `sampler.count=${size.count}`,
    `sampler.steps=${size.sampleSteps}`,
    `data.count=${size.data}`,
  ].flatMap((set) => ['--set', set]);

describe.each(['wasm', 'cpu'] as const)(
  'scoregraph run graphs/toy-swissroll.json --backend %s',
  (backend) => {
    it("exits 0 and writes summary.json, the viewers' PNGs and .npy files NumPy loads", async () => {
      const size = SIZES[backend];
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
          ...small(size),
        ],
        { timeout: 170_000 },
      );
      expect(stdout).toMatch(/^Done in [\d.]+ s\. Wrote \d+ files/m);
      expect(stderr).toMatch(/✓ train [\d.]+ s/);

      const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
      expect(summary).toMatchObject({ backend, seed: 3, status: 'done' });
      expect(summary.nodes.schedule.summary.sigmas).toHaveLength(10);
      expect(summary.nodes.schedule.summary.sigmas[0]).toBe(1);
      expect(summary.nodes.train.summary.step).toBe(size.steps);
      expect(summary.nodes.train.summary.finalLoss).toBeLessThan(1); // an untrained net scores ~D/2 = 1 on average
      // Readable: a net as its architecture, parameter count and steps; a viewer as shapes.
      expect(summary.nodes.net.summary).toEqual({
        architecture: { kind: 'mlp', width: 64, depth: 3, activation: 'silu', divideBySigma: true },
        trainedSteps: 0,
        kind: 'mlp',
      });
      // 2 → 64 (+ log σ input) → 64 → 64 → 2
      expect(summary.nodes.train.summary).toMatchObject({
        trainedSteps: size.steps,
        parameters: 3 * 64 + 64 + 2 * (64 * 64 + 64) + 64 * 2 + 2,
      });
      expect(summary.nodes.samples.summary).toMatchObject({ points: size.count, dataPoints: size.data });

      const png = readFileSync(join(out, 'samples.png'));
      expect(Array.from(png.subarray(1, 4))).toEqual([80, 78, 71]); // "PNG"
      const read = readGraphPng(png);
      expect(read.ok && JSON.parse(read.graphText).nodes).toHaveLength(9);
      expect(read.ok && read.provenance).toEqual({
        graphHash: summary.graphHash,
        seed: 3,
        backend,
        scoregraph: summary.scoregraph,
        tfjs: summary.tfjs,
      });

      if (!hasNumpy) return;
      const { stdout: py } = await run('python3', [
        '-c',
        `import numpy as n; a=n.load(${JSON.stringify(join(out, 'samples.npy'))}); print(a.dtype, a.shape, int(n.isfinite(a).all()))`,
      ]);
      expect(py.trim()).toBe(`float32 (${size.count}, 2) 1`);
    });
  },
);
