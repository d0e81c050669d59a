/**
 * What the GPU pack measures: issue 9's three training cases (the same shapes as the PyTorch
 * twin, bench/torch/gpu_twin.py) and the two presets it samples from, at full and tiny sizes.
 */
import type { BenchNet } from '../baseline/nets';
import type { TrainCase } from '../cases';

const mlp = (width: number): BenchNet => ({ kind: 'mlp', mlp: { dim: 2, width, depth: 3 } });
const conv = (size: number, ngf: number): BenchNet => ({ kind: 'conv', conv: { size, channels: 1, ngf } });

export interface GpuCase {
  /** The twin's name for it: mlp, conv-bench, conv-mnist. */
  label: string;
  /** `steps` caps a timed run; the harness sizes runs to its time budget. */
  c: TrainCase;
}

export const GPU_CASES: GpuCase[] = [
  {
    label: 'mlp',
    c: { id: 'mlp', net: mlp(128), batch: 256, steps: 400, logEvery: 50, count: 2000, rounds: 2 },
  },
  {
    label: 'conv-bench',
    c: { id: 'conv', net: conv(28, 16), batch: 32, steps: 60, logEvery: 10, count: 512, rounds: 2 },
  },
  {
    label: 'conv-mnist',
    c: { id: 'conv', net: conv(28, 32), batch: 128, steps: 60, logEvery: 10, count: 10000, rounds: 2 },
  },
];

export const TINY_GPU_CASES: GpuCase[] = [
  { label: 'mlp', c: { id: 'mlp', net: mlp(32), batch: 64, steps: 20, logEvery: 5, count: 500, rounds: 1 } },
  {
    label: 'conv-bench',
    c: { id: 'conv', net: conv(7, 4), batch: 4, steps: 4, logEvery: 2, count: 32, rounds: 1 },
  },
  {
    label: 'conv-mnist',
    c: { id: 'conv', net: conv(14, 4), batch: 8, steps: 4, logEvery: 2, count: 64, rounds: 1 },
  },
];

/** The presets run through the CLI path, with `--set` caps (graph paths relative to the pack). */
export function presetRuns(tiny: boolean): { name: string; graph: string; sets: string[] }[] {
  return [
    {
      name: 'toy-swissroll',
      graph: 'graphs/toy-swissroll.json',
      sets: tiny
        ? ['train.steps=20', 'train.logEvery=10', 'sampler.count=64', 'sampler.steps=2', 'data.count=256']
        : ['train.steps=2000'],
    },
    {
      name: 'mnist-ncsnv2',
      graph: 'graphs/mnist-ncsnv2.json',
      sets: tiny
        ? [
            'digits.count=64',
            'schedule.sigmaMin=5', // a few levels: lavapipe samples slowly
            'net.ngf=4',
            'train.steps=2',
            'train.batchSize=4',
            'train.logEvery=1',
            'sampler.count=4',
            'sampler.steps=1',
          ]
        : ['train.steps=300', 'train.logEvery=50', 'sampler.count=64', 'sampler.steps=3'],
    },
  ];
}
