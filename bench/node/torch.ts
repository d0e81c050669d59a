/**
 * Issue 6 item 5: the same net and DSM + Adam + EMA step in PyTorch (Debian's python3-torch,
 * system python), timed in the same run, interleaved chunk by chunk with train.fit from a graph
 * on WASM. Step times are the gaps between per-step progress events (after the first step),
 * against PyTorch's per-step times (after the first of each chunk).
 */
import * as tf from '@tensorflow/tfjs';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { Executor } from '../../src/runtime/execute';
import { countParameters } from '../../src/score/networks/weights';
import { describeNet } from '../baseline/nets';
import type { TrainCase } from '../cases';
import { TRAIN_NODE, trainGraph } from '../graphs';
import type { Report } from '../lib/report';
import { cpuMs, median } from '../lib/stats';
import type { BenchRegistry } from './kinds';
import { runGraph, stepIntervals } from './run-graph';
import { libraryNetwork } from './same-network';

const PYTHON = '/usr/bin/python3';
/** scoregraph step ÷ PyTorch step at equal threads: issue 6's 1.5 for the MLP, issue 9 item 5's 2 for the conv net. */
const STEP_RATIO_GOAL: Record<TrainCase['id'], number> = { mlp: 1.5, conv: 2 };
const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), '..', 'torch', 'dsm_step.py');

/** The PyTorch side: one long-lived process answering JSON-line requests. */
class Torch {
  private readonly lines: AsyncIterator<string>;
  private constructor(private readonly child: ChildProcessWithoutNullStreams) {
    this.lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  }

  static async start(): Promise<Torch | string> {
    if (!existsSync(PYTHON)) return `${PYTHON} not found`;
    const child = spawn(PYTHON, [SCRIPT], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const torch = new Torch(child);
    try {
      await torch.ask({ cmd: 'setup', net: { kind: 'mlp', mlp: { dim: 2, width: 8, depth: 1 } }, batch: 4 });
      return torch;
    } catch {
      child.kill();
      return /No module named 'torch'/.test(stderr)
        ? 'PyTorch is not installed: apt-get install -y python3-torch'
        : `PyTorch did not start: ${stderr.trim().split('\n').pop()}`;
    }
  }

  async ask(request: object): Promise<Record<string, unknown>> {
    this.child.stdin.write(JSON.stringify(request) + '\n');
    const next = await this.lines.next();
    if (next.done) throw new Error('PyTorch process ended');
    return JSON.parse(next.value) as Record<string, unknown>;
  }

  stop(): void {
    this.child.kill();
  }
}

/** Median CPU milliseconds of one 'same' 3×3 conv forward on the current tfjs backend. */
async function tfjsConvMs(
  shape: [number, number, number, number],
  cout: number,
  reps: number,
): Promise<number> {
  const x = tf.randomUniform(shape) as tf.Tensor4D;
  const w = tf.randomUniform([3, 3, shape[3], cout]) as tf.Tensor4D;
  const times: number[] = [];
  for (let i = 0; i < reps + 3; i++) {
    const c0 = cpuMs();
    const y = tf.conv2d(x, w, 1, 'same');
    await y.data();
    y.dispose();
    if (i >= 3) times.push(cpuMs() - c0);
  }
  tf.dispose([x, w]);
  return median(times);
}

/**
 * The floor under the step ratio: one conv layer of the bench net, tfjs vs PyTorch. When the
 * kernel alone is N× slower, no runtime work brings the step under N×.
 */
async function convKernelRow(report: Report, torch: Torch, c: TrainCase): Promise<void> {
  if (c.net.kind !== 'conv') return;
  const { size, ngf } = c.net.conv;
  const shape: [number, number, number, number] = [c.batch, size, size, ngf];
  const ours = await tfjsConvMs(shape, ngf, 20);
  const theirs = (await torch.ask({ cmd: 'conv', x: shape, cout: ngf, reps: 20 })).cpu_ms as number;
  report.add({
    section: 'torch',
    name: `one 3×3 conv [${shape}] → ${ngf} ch, forward: tfjs ÷ PyTorch`,
    where: `node/${tf.getBackend()} vs torch`,
    value: ours / theirs,
    unit: '× (CPU)',
    detail: `tfjs ${ours.toFixed(2)} ms (XNNPACK, WASM SIMD, 1 thread), PyTorch ${theirs.toFixed(2)} ms (oneDNN, channels-last)`,
  });
}

export async function benchTorch(report: Report, cases: TrainCase[], reg: BenchRegistry): Promise<void> {
  if (reg.missing.length) {
    report.skip('torch', 'node/wasm', `kinds missing (${reg.missing.join(', ')})`);
    return;
  }
  const torch = await Torch.start();
  if (typeof torch === 'string') {
    report.skip('torch', 'python3', torch);
    return;
  }
  try {
    for (const c of cases) {
      const label = `${describeNet(c.net)} b${c.batch}`;
      // Equal thread counts: tfjs-backend-wasm runs single-threaded in Node (see bench/README.md).
      const setup = await torch.ask({
        cmd: 'setup',
        net: c.net,
        batch: c.batch,
        levels: 10,
        count: c.count,
        threads: 1,
      });
      const ours = countParameters(libraryNetwork(c.net, 10).weightSpecs);
      report.add({
        section: 'torch',
        name: `${label}: PyTorch twin has the same parameter count`,
        where: `python3/torch ${setup.torch}`,
        value: setup.params as number,
        unit: 'params',
        goal: `= ${ours}`,
        pass: setup.params === ours,
        detail: `${setup.threads} thread(s), BLAS: ${(setup.blas as string[]).join(' ') || 'none loaded'}`,
      });
      await convKernelRow(report, torch, c);
      const executor = new Executor(tf.getBackend());
      const ms = {
        sgWall: [] as number[],
        sgCpu: [] as number[],
        ptWall: [] as number[],
        ptCpu: [] as number[],
      };
      try {
        for (let round = 0; round <= c.rounds; round++) {
          // Round 0 warms both sides up and is not counted.
          const run = await runGraph(
            executor,
            trainGraph({ ...c, steps: c.steps + 1 }, { seed: round + 1 }),
            reg.registry,
            {
              throttleMs: 0,
            },
          );
          const pt = await torch.ask({ cmd: 'time', steps: c.steps + 1 });
          if (round === 0) continue;
          const gaps = stepIntervals(run, TRAIN_NODE);
          ms.sgWall.push(...gaps.wall);
          ms.sgCpu.push(...gaps.cpu);
          ms.ptWall.push(...(pt.ms as number[]).slice(1));
          ms.ptCpu.push(...(pt.cpu_ms as number[]).slice(1));
        }
      } finally {
        executor.clear();
      }
      const ratio = median(ms.sgCpu) / median(ms.ptCpu);
      const goal = STEP_RATIO_GOAL[c.id];
      report.add({
        section: 'torch',
        name: `${label}: scoregraph step ÷ PyTorch step`,
        where: `node/${tf.getBackend()} vs torch`,
        value: ratio,
        unit: '× (CPU)',
        goal: `≤ ${goal}`,
        pass: ratio <= goal,
        detail:
          `scoregraph ${median(ms.sgCpu).toFixed(1)} ms CPU (${median(ms.sgWall).toFixed(1)} wall), ` +
          `PyTorch ${median(ms.ptCpu).toFixed(1)} ms CPU (${median(ms.ptWall).toFixed(1)} wall); wall ratio ` +
          `${(median(ms.sgWall) / median(ms.ptWall)).toFixed(2)}×; ${ms.sgCpu.length} steps each`,
        raw: ms,
      });
    }
  } finally {
    torch.stop();
  }
}
