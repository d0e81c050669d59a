/**
 * `scoregraph run --backend webgpu` through the real CLI entry (a child process, which must exit
 * by itself once Dawn is released): a tiny MLP graph trains on WebGPU, its loss is finite, falls,
 * and follows the WASM run of the same seed. Without an adapter: a clear message, exit 1; `auto`
 * falls back to WASM and says why.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { findDawnAdapter, releaseDawn } from '../runtime/webgpu-node';

const run = promisify(execFile);

const found = await findDawnAdapter();
releaseDawn(); // the CLI runs in its own process
if (!found.adapter) console.warn(`Skipping the WebGPU CLI run: no adapter (${found.why}).`);

/** data → schedule → MLP → DSM → Adam → train.fit (60 steps, loss logged every 10) → loss view. */
const tinyGraph = {
  format: 'scoregraph',
  version: 1,
  name: 'tiny MLP on WebGPU',
  nodes: [
    { id: 'data', type: 'data.toy2d', params: { shape: 'swissroll', count: 256, noise: 0.02, seed: 1 } },
    { id: 'schedule', type: 'noise.geometric', params: { sigmaMax: 1, sigmaMin: 0.01, levels: 10 } },
    {
      id: 'net',
      type: 'model.mlp',
      params: { width: 16, depth: 2, activation: 'silu', divideBySigma: true },
    },
    { id: 'loss', type: 'loss.dsm', params: { sigmaPer: 'sample' } },
    { id: 'adam', type: 'optim.adam', params: { learningRate: 0.01, ema: 0.99, emaBiasCorrection: true } },
    { id: 'train', type: 'train.fit', params: { steps: 60, batchSize: 128, seed: 1, logEvery: 10 } },
    { id: 'lossCurve', type: 'view.loss', params: { perLevel: false } },
  ].map((n, i) => ({ ...n, position: [0, 200 * i] })),
  edges: [
    { from: 'data.dataset', to: 'train.dataset' },
    { from: 'schedule.schedule', to: 'train.schedule' },
    { from: 'net.model', to: 'train.model' },
    { from: 'loss.loss', to: 'train.loss' },
    { from: 'adam.optimizer', to: 'train.optimizer' },
    { from: 'train.losses', to: 'lossCurve.losses' },
  ],
};

function writeGraph(): { dir: string; graph: string } {
  const dir = mkdtempSync(join(tmpdir(), 'sg-webgpu-cli-'));
  const graph = join(dir, 'tiny.json');
  writeFileSync(graph, JSON.stringify(tinyGraph));
  return { dir, graph };
}

async function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/scoregraph.js', 'run', ...args], {
      timeout: 110_000,
      env: { ...process.env, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string; killed?: boolean };
    if (e.killed || typeof e.code !== 'number') throw error; // a hang (Dawn kept it alive) fails here
    return { code: e.code, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

/** The loss view's .npy: rows of [step, loss], float32 little-endian (NumPy format 1.0). */
function lossCurve(path: string): { steps: number[]; losses: number[] } {
  const bytes = readFileSync(path);
  const headerLength = bytes.readUInt16LE(8);
  const header = bytes.subarray(10, 10 + headerLength).toString('latin1');
  expect(header).toContain("'descr': '<f4'");
  const body = bytes.subarray(10 + headerLength);
  const values = new Float32Array(body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength));
  const rows = Array.from({ length: values.length / 2 }, (_, i) => [values[2 * i], values[2 * i + 1]]);
  return { steps: rows.map((r) => r[0]), losses: rows.map((r) => r[1]) };
}

describe('scoregraph run --backend webgpu', () => {
  it.skipIf(!found.adapter)(
    'trains a tiny graph on WebGPU: finite, falling loss that follows WASM',
    async () => {
      const { dir, graph } = writeGraph();
      const gpu = await cli([graph, '--out', join(dir, 'gpu'), '--backend', 'webgpu', '--seed', '3']);
      expect(gpu.code, gpu.stderr).toBe(0);
      expect(gpu.stderr).toMatch(/on webgpu \(7 nodes; WebGPU on .+ (software|hardware) adapter\)/);
      const summary = JSON.parse(readFileSync(join(dir, 'gpu', 'summary.json'), 'utf8'));
      expect(summary).toMatchObject({ backend: 'webgpu', status: 'done' });
      expect(summary.adapter.description).toBe(found.adapter ? found.report.description : '?');

      const curve = lossCurve(join(dir, 'gpu', 'lossCurve.npy'));
      expect(curve.steps).toEqual([10, 20, 30, 40, 50, 60]);
      expect(curve.losses.every(Number.isFinite)).toBe(true);
      // an untrained net scores ~D/2 = 1; 60 Adam steps at lr 0.01 bring it well below
      expect(curve.losses[5]).toBeLessThan(0.85 * curve.losses[0]);

      const wasm = await cli([graph, '--out', join(dir, 'wasm'), '--backend', 'wasm', '--seed', '3']);
      expect(wasm.code, wasm.stderr).toBe(0);
      const reference = lossCurve(join(dir, 'wasm', 'lossCurve.npy'));
      for (let i = 0; i < curve.losses.length; i++)
        expect(Math.abs(curve.losses[i] - reference.losses[i]), `step ${curve.steps[i]}`).toBeLessThan(
          1e-3 * reference.losses[i],
        );
    },
  );

  it('without an adapter: a clear message and exit 1; auto falls back to WASM and says why', async () => {
    const { dir, graph } = writeGraph();
    const none = { SG_DAWN_FLAGS: 'adapter=no-such-gpu' };
    const gpu = await cli([graph, '--out', join(dir, 'gpu'), '--backend', 'webgpu'], none);
    expect(gpu.code).toBe(1);
    expect(gpu.stderr).toMatch(
      /^scoregraph: WebGPU: Dawn found no GPU adapter \(.+\)\. .*--backend wasm\.$/m,
    );

    const auto = await cli([graph, '--out', join(dir, 'auto'), '--set', 'train.steps=10'], none);
    expect(auto.code, auto.stderr).toBe(0);
    expect(auto.stderr).toMatch(/on wasm \(7 nodes; auto: WASM, since Dawn found no WebGPU adapter/);
  });
});
