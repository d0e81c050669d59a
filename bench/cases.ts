/**
 * What the bench measures, at two sizes: full (minutes, the numbers to report) and quick
 * (a ~30 s smoke that every code path still runs). Both nets are the library's defaults in
 * kind (model.mlp 3×128 ELU; model.ncsn InstanceNorm++, output / σ), at bench sizes.
 */
import type { BenchNet } from './baseline/nets';

export interface TrainCase {
  id: 'mlp' | 'conv';
  net: BenchNet;
  batch: number;
  /** Optimiser steps per timed run. */
  steps: number;
  /** The graph's train.fit logEvery, and the careful baseline's read interval. */
  logEvery: number;
  /** Dataset size. */
  count: number;
  /** Interleaved A/B rounds. */
  rounds: number;
}

export interface SampleCase {
  id: 'mlp' | 'conv';
  count: number;
  levels: number;
  stepsPerSigma: number;
  rounds: number;
}

export interface BenchSizes {
  train: Record<'wasm' | 'cpu', TrainCase[]>;
  sample: Record<'wasm' | 'cpu', SampleCase[]>;
  /** Steps of the memory runs: memory is compared after step 10 and after the last. */
  memorySteps: number;
  /** PyTorch comparison: `steps` per timed chunk, `rounds` chunks per side, interleaved. */
  torch: TrainCase[];
  /** Chromium, per backend: GPU backends are SwiftShader here, so tiny sizes there. */
  browser: Record<'webgpu' | 'webgl' | 'wasm', TrainCase[]>;
  /** Training steps of the swissroll preset while frames are recorded, per backend. */
  smoothSteps: Record<'webgpu' | 'wasm', number>;
  /**
   * Kernel profile of the library's step (issue 9's cases; `steps` = the profiled window,
   * `logEvery` its reads), and the conv gradient shape [B, H, W, C] → C. On a software WebGPU
   * adapter the quick sizes are used: lavapipe takes minutes per full-size conv step.
   */
  profile: { cases: TrainCase[]; convGradient: [number, number, number, number] };
}

const mlp = (width = 128): BenchNet => ({ kind: 'mlp', mlp: { dim: 2, width, depth: 3 } });
const conv = (size: number, ngf: number): BenchNet => ({ kind: 'conv', conv: { size, channels: 1, ngf } });

const FULL: BenchSizes = {
  train: {
    wasm: [
      { id: 'mlp', net: mlp(), batch: 256, steps: 200, logEvery: 50, count: 2000, rounds: 5 },
      { id: 'conv', net: conv(28, 16), batch: 32, steps: 6, logEvery: 3, count: 512, rounds: 3 },
    ],
    cpu: [
      { id: 'mlp', net: mlp(), batch: 256, steps: 40, logEvery: 20, count: 2000, rounds: 3 },
      { id: 'conv', net: conv(14, 8), batch: 16, steps: 3, logEvery: 3, count: 256, rounds: 3 },
    ],
  },
  sample: {
    wasm: [
      { id: 'mlp', count: 1000, levels: 10, stepsPerSigma: 20, rounds: 5 },
      { id: 'conv', count: 16, levels: 10, stepsPerSigma: 2, rounds: 3 },
    ],
    cpu: [{ id: 'mlp', count: 1000, levels: 10, stepsPerSigma: 5, rounds: 3 }],
  },
  memorySteps: 1000,
  torch: [
    { id: 'mlp', net: mlp(), batch: 256, steps: 50, logEvery: 50, count: 2000, rounds: 5 },
    { id: 'conv', net: conv(28, 16), batch: 32, steps: 4, logEvery: 4, count: 512, rounds: 3 },
  ],
  browser: {
    wasm: [
      { id: 'mlp', net: mlp(), batch: 256, steps: 100, logEvery: 20, count: 2000, rounds: 3 },
      { id: 'conv', net: conv(28, 16), batch: 32, steps: 3, logEvery: 3, count: 512, rounds: 3 },
    ],
    webgl: [
      { id: 'mlp', net: mlp(), batch: 256, steps: 20, logEvery: 10, count: 2000, rounds: 3 },
      { id: 'conv', net: conv(7, 4), batch: 8, steps: 6, logEvery: 3, count: 64, rounds: 2 },
    ],
    webgpu: [
      { id: 'mlp', net: mlp(), batch: 256, steps: 6, logEvery: 3, count: 2000, rounds: 3 },
      { id: 'conv', net: conv(7, 4), batch: 8, steps: 4, logEvery: 2, count: 64, rounds: 2 },
    ],
  },
  smoothSteps: { webgpu: 30, wasm: 600 },
  profile: {
    cases: [
      { id: 'mlp', net: mlp(), batch: 256, steps: 100, logEvery: 50, count: 2000, rounds: 1 },
      { id: 'conv', net: conv(28, 16), batch: 32, steps: 4, logEvery: 2, count: 512, rounds: 1 },
      { id: 'conv', net: conv(28, 32), batch: 128, steps: 4, logEvery: 2, count: 1024, rounds: 1 },
    ],
    convGradient: [32, 28, 28, 16],
  },
};

const QUICK: BenchSizes = {
  train: {
    wasm: [
      { id: 'mlp', net: mlp(32), batch: 64, steps: 20, logEvery: 10, count: 500, rounds: 2 },
      { id: 'conv', net: conv(7, 4), batch: 4, steps: 2, logEvery: 2, count: 32, rounds: 1 },
    ],
    cpu: [],
  },
  sample: {
    wasm: [{ id: 'mlp', count: 200, levels: 4, stepsPerSigma: 5, rounds: 2 }],
    cpu: [],
  },
  memorySteps: 60,
  torch: [{ id: 'mlp', net: mlp(32), batch: 64, steps: 20, logEvery: 20, count: 500, rounds: 2 }],
  browser: {
    wasm: [{ id: 'mlp', net: mlp(32), batch: 64, steps: 10, logEvery: 5, count: 500, rounds: 1 }],
    webgl: [],
    webgpu: [],
  },
  smoothSteps: { webgpu: 3, wasm: 50 },
  profile: {
    cases: [
      { id: 'mlp', net: mlp(32), batch: 64, steps: 10, logEvery: 5, count: 500, rounds: 1 },
      { id: 'conv', net: conv(7, 4), batch: 4, steps: 2, logEvery: 2, count: 32, rounds: 1 },
    ],
    convGradient: [32, 28, 28, 16], // the real shape even here: ~6 s on lavapipe
  },
};

/** The sizes of a mode, keeping only the cases named in `only` (all when absent). */
export function benchSizes(quick: boolean, only?: readonly string[]): BenchSizes {
  const sizes = quick ? QUICK : FULL;
  if (!only) return sizes;
  const keep = <T extends { id: string }>(list: T[]) => list.filter((c) => only.includes(c.id));
  return {
    ...sizes,
    train: { wasm: keep(sizes.train.wasm), cpu: keep(sizes.train.cpu) },
    sample: { wasm: keep(sizes.sample.wasm), cpu: keep(sizes.sample.cpu) },
    torch: keep(sizes.torch),
    browser: {
      wasm: keep(sizes.browser.wasm),
      webgl: keep(sizes.browser.webgl),
      webgpu: keep(sizes.browser.webgpu),
    },
    profile: { ...sizes.profile, cases: keep(sizes.profile.cases) },
  };
}
