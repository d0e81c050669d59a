/**
 * Sample quality through the real path: toy presets trained and sampled from the CLI on WASM
 * at their shipped settings. The sliced Wasserstein-1 distance of the samples to held-out
 * data must be within 2× that of a fresh data resample of the same size.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { registry } from '../nodes/registry';
import { toyPoints, type ToyShape } from '../score/datasets/toy2d';
import { slicedWasserstein1 } from '../score/metrics/sliced-wasserstein';
import { runCli } from './run-command';

/** Reads a float32 .npy written by our writer (v1.0 header). */
function readNpy(path: string): Float32Array {
  const bytes = readFileSync(path);
  const headerLength = bytes.readUInt16LE(8);
  return new Float32Array(
    bytes.buffer.slice(bytes.byteOffset + 10 + headerLength, bytes.byteOffset + bytes.length),
  );
}

describe.each([
  ['toy-swissroll', 'swissroll'],
  ['toy-8gaussians', '8gaussians'],
] as [string, ToyShape][])('%s trained from the CLI on WASM', (preset, shape) => {
  it('samples within 2× the sliced W1 of a fresh data resample', async () => {
    const out = mkdtempSync(join(tmpdir(), `sg-quality-${preset}-`));
    const code = await runCli(['run', `graphs/${preset}.json`, '--out', out, '--backend', 'wasm'], registry, {
      stdout: () => {},
      stderr: () => {},
    });
    expect(code).toBe(0);
    const samples = readNpy(join(out, 'samples.npy'));
    const count = samples.length / 2;
    const heldOut = toyPoints(shape, count, 0.02, 9001);
    const resample = toyPoints(shape, count, 0.02, 9002);
    const model = slicedWasserstein1(samples, heldOut, 2, { projections: 256 });
    const baseline = slicedWasserstein1(resample, heldOut, 2, { projections: 256 });
    expect(model / baseline, `SW1 ${model.toFixed(4)} vs resample ${baseline.toFixed(4)}`).toBeLessThan(2);
    // and an untrained-looking answer would fail: uniform noise in the unit square is far off
    const uniform = toyPoints(shape, count, 0.3, 9003);
    expect(slicedWasserstein1(uniform, heldOut, 2, { projections: 256 }) / baseline).toBeGreaterThan(2);
  });
});
