import { describe, expect, it } from 'vitest';
import { scheduleRatio } from './geometric';
import { RELEASED_CONFIG_OVERLAP, ncsnv2Schedule, shellOverlap, solveRatio } from './levels';

const configRatio = (sigmaMax: number, levels: number) => Math.pow(sigmaMax / 0.01, 1 / (levels - 1));

describe('Technique 2: the ratio gamma and the number of levels', () => {
  it('solves gamma* at overlap 0.5 (docs/science.md §3)', () => {
    expect(solveRatio(784)).toBeCloseTo(1.08197, 5);
    expect(solveRatio(3072)).toBeCloseTo(1.0398, 4);
    expect(solveRatio(12288)).toBeCloseTo(1.01951, 5);
    expect(shellOverlap(solveRatio(3072), 3072)).toBeCloseTo(0.5, 10);
  });

  it('gives the released configs an overlap of ≈ 0.567', () => {
    expect(shellOverlap(configRatio(50, 232), 3072)).toBeCloseTo(0.567, 3);
    expect(shellOverlap(configRatio(90, 500), 12288)).toBeCloseTo(0.567, 3);
    expect(shellOverlap(configRatio(348, 2311), 256 * 256 * 3)).toBeCloseTo(0.567, 3);
  });

  it('CIFAR-10 (D = 3072, 50 -> 0.01): L = 220 at 0.5, L = 232 at the released-config overlap', () => {
    expect(ncsnv2Schedule(50, 0.01, 3072, 0.5).levels).toBe(220);
    const released = ncsnv2Schedule(50, 0.01, 3072, RELEASED_CONFIG_OVERLAP);
    expect(released.levels).toBe(232);
    expect(released.gamma).toBeCloseTo(configRatio(50, 232), 12);
    expect(scheduleRatio(released.sigmas)).toBeCloseTo(released.gamma, 12);
    // At exactly 0.567 the ceiling adds one level: the config's own overlap is 0.56697 < 0.567.
    expect(ncsnv2Schedule(50, 0.01, 3072, 0.567).levels).toBe(233);
  });

  it('CelebA (D = 12288, 90 -> 0.01) and FFHQ reproduce their configs', () => {
    expect(ncsnv2Schedule(90, 0.01, 12288, 0.5).levels).toBe(473);
    expect(ncsnv2Schedule(90, 0.01, 12288, RELEASED_CONFIG_OVERLAP).levels).toBe(500);
    expect(ncsnv2Schedule(348, 0.01, 256 * 256 * 3, RELEASED_CONFIG_OVERLAP).levels).toBe(2311);
  });

  it.each([
    [16, 95, 1.08165, 0.5047],
    [20, 98, 1.08151, 0.5067],
    [1, 60, 1.08118, 0.5115],
  ])('MNIST (D = 784) sigma_1 = %f -> L = %i, gamma %f, overlap %f', (sigmaMax, levels, gamma, overlap) => {
    const s = ncsnv2Schedule(sigmaMax, 0.01, 784);
    expect(s.levels).toBe(levels);
    expect(s.gamma).toBeCloseTo(gamma, 5);
    expect(s.overlap).toBeCloseTo(overlap, 4);
    expect(s.sigmas[0]).toBe(sigmaMax);
    expect(s.sigmas[levels - 1]).toBe(0.01);
  });

  it('has no solution for 2-D data and says so', () => {
    expect(() => solveRatio(2)).toThrow(/no solution for D = 2/);
    expect(() => ncsnv2Schedule(0.01, 1, 784)).toThrow(/must be larger/);
  });
});

describe('modules that node kinds import in infer()', () => {
  it('stay free of tfjs and of other science modules (eslint allows exactly these three)', async () => {
    const { readFile } = await import('node:fs/promises');
    for (const name of ['levels', 'geometric', 'erfc']) {
      const source = await readFile(new URL(`./${name}.ts`, import.meta.url), 'utf8');
      const imports = [...source.matchAll(/^import[^;]*from '([^']+)'/gm)].map((m) => m[1]);
      expect(
        imports.every((i) => ['./erfc', './geometric'].includes(i)),
        `${name}: ${imports}`,
      ).toBe(true);
    }
  });
});
