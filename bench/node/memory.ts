/**
 * Issue 6 item 3: tf.memory() inside long runs of the real runtime — after step 10 and after
 * the last step of train.fit and of sample.langevin, and before a run vs after it was cancelled
 * at step 10 (upstream outputs already cached, so "before" holds them too). Goal: equal.
 */
import * as tf from '@tensorflow/tfjs';
import { Executor } from '../../src/runtime/execute';
import type { SampleCase, TrainCase } from '../cases';
import { SAMPLE_NODE, TRAIN_NODE, trainGraph } from '../graphs';
import type { Report } from '../lib/report';
import type { BenchRegistry } from './kinds';
import { runGraph, type ProgressSample } from './run-graph';

const UPSTREAM = ['data', 'sched', 'net', 'loss', 'opt'];

export async function benchMemory(
  report: Report,
  where: string,
  train: TrainCase,
  steps: number,
  reg: BenchRegistry,
): Promise<void> {
  if (reg.missing.length) {
    report.skip('memory', where, `kinds missing (${reg.missing.join(', ')})`);
    return;
  }
  const fit: TrainCase = { ...train, steps };
  // 1000 sampler steps too: 10 levels × steps/10, a few chains.
  const sampler: SampleCase = {
    id: train.id,
    count: 16,
    levels: 10,
    stepsPerSigma: Math.max(2, steps / 10),
    rounds: 1,
  };
  const executor = new Executor(tf.getBackend());
  const stepOf = (p: ProgressSample, total: number) => Math.round(p.fraction * total);
  const compare = (
    what: string,
    a: { label: string; m: tf.MemoryInfo },
    b: { label: string; m: tf.MemoryInfo },
  ) =>
    report.add({
      section: 'memory',
      name: `${what}: tensors ${a.label} → ${b.label}`,
      where,
      value: `${a.m.numTensors} → ${b.m.numTensors}`,
      unit: '',
      goal: 'equal',
      pass:
        a.m.numTensors === b.m.numTensors && a.m.numBytes === b.m.numBytes && !what.includes('(run done)'),
      detail: `bytes ${a.m.numBytes} → ${b.m.numBytes}`,
    });
  const at = (p: ProgressSample): tf.MemoryInfo =>
    ({ numTensors: p.numTensors, numBytes: p.numBytes }) as tf.MemoryInfo;
  try {
    // Training: step 10 vs the last step, every step reported.
    const trained = await runGraph(executor, trainGraph(fit), reg.registry, { throttleMs: 0, memory: true });
    const fitEvents = trained.progress.filter((p) => p.nodeId === TRAIN_NODE);
    const t10 = fitEvents.find((p) => stepOf(p, steps) >= 10)!;
    const tEnd = fitEvents[fitEvents.length - 1];
    compare(
      `train.fit ${train.id}`,
      { label: `step ${stepOf(t10, steps)}`, m: at(t10) },
      { label: `step ${stepOf(tEnd, steps)}`, m: at(tEnd) },
    );

    // Sampling: the sampler reports at most every 100 ms, so: first report past step 10 vs the last.
    const total = sampler.levels * sampler.stepsPerSigma;
    const sampled = await runGraph(executor, trainGraph(fit, { sample: sampler }), reg.registry, {
      throttleMs: 0,
      memory: true,
    });
    const sampleEvents = sampled.progress.filter((p) => p.nodeId === SAMPLE_NODE && stepOf(p, total) >= 10);
    const s10 = sampleEvents[0];
    const sEnd = sampleEvents[sampleEvents.length - 1];
    compare(
      `sample.langevin ${train.id}`,
      { label: `step ${stepOf(s10, total)}`, m: at(s10) },
      { label: `step ${stepOf(sEnd, total)}`, m: at(sEnd) },
    );

    // Cancel: a fresh runtime with the nodes upstream of the cancelled one cached, then a run
    // cancelled at its first report from step `from` on (the sampler reports every 100 ms).
    const cancelCheck = async (
      what: string,
      prime: string[],
      nodeId: string,
      total: number,
      from: number,
      graph = trainGraph(fit),
    ) => {
      const fresh = new Executor(tf.getBackend());
      try {
        await runGraph(fresh, graph, reg.registry, { targets: prime });
        const before = tf.memory();
        const run = await runGraph(fresh, graph, reg.registry, {
          throttleMs: 0,
          cancelWhen: (p) => p.nodeId === nodeId && stepOf(p, total) >= from,
        });
        const after = tf.memory();
        compare(
          `cancel ${what} (run ${run.status})`,
          { label: 'before', m: before },
          { label: 'after', m: after },
        );
      } finally {
        fresh.clear();
      }
    };
    await cancelCheck('train.fit', UPSTREAM, TRAIN_NODE, steps, 10);
    await cancelCheck(
      'sample.langevin',
      [TRAIN_NODE],
      SAMPLE_NODE,
      total,
      0,
      trainGraph(fit, { sample: sampler }),
    );
  } finally {
    executor.clear();
  }
}
