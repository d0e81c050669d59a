import { describe, expect, it } from 'vitest';
import { toyTrainingGraph } from '../../test-support/toy-training';
import { registry } from '../nodes/registry';
import { useNodeBackend } from './backend-node';
import { compile } from './compile';
import { Calibration, describeEstimate } from './estimate';
import type { RunEvent } from './events';
import { Executor } from './execute';

/**
 * A toy training run of a few seconds: the estimate is checked against its real length. It must
 * outlast the 1-s calibration with room to spare (400 steps, ~1.8 s, sometimes ended inside it).
 */
const graph = toyTrainingGraph({ train: { steps: 1000, batchSize: 64, logEvery: 50 } });

describe('Calibration', () => {
  it('estimates a training run within 2× of its measured length, from a short calibration', async () => {
    const backend = await useNodeBackend('wasm');
    const compiled = compile(graph, registry);
    if (!compiled.ok) throw new Error(compiled.problems.map((p) => p.message).join('; '));

    // The real run first, so both runs find tfjs's kernels equally warm.
    const full = new Executor(backend);
    const measured = await full.execute(compiled.plan, { runId: 1, signal: new AbortController().signal });
    full.clear();
    expect(measured.status).toBe('done');
    const calibration = new Calibration(1000);
    const abort = new AbortController();
    const probe = new Executor(backend);
    const calibrated = await probe.execute(compiled.plan, {
      runId: 2,
      signal: abort.signal,
      throttleMs: 50,
      onEvent: (e: RunEvent) => calibration.handle(e) && abort.abort(),
    });
    probe.clear();
    expect(calibrated.status).toBe('cancelled');
    const estimate = calibration.result!;
    expect(estimate).toMatchObject({ nodeId: 'train', notMeasured: 0 });
    expect(estimate.stepsPerSecond).toBeGreaterThan(0);

    const ratio = estimate.seconds / measured.seconds;
    expect(
      ratio,
      `estimated ${estimate.seconds.toFixed(2)} s, measured ${measured.seconds.toFixed(2)} s`,
    ).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });

  it('reports a run that ends within the calibration as measured, and advises on long ones', () => {
    let t = 0;
    const c = new Calibration(1000, () => t);
    c.handle({ type: 'run-started', runId: 1, nodeIds: ['a'], backend: 'wasm', seed: 1 });
    t = 400;
    expect(c.handle({ type: 'run-finished', runId: 1, status: 'done', seconds: 0.4 })).toBe(true);
    expect(c.result).toEqual({ seconds: 0.4, nodeId: null, notMeasured: 0 });
    expect(describeEstimate(c.result!, 'wasm')).toBe('≈ 1 s on WASM here (measured: the whole run).');
    expect(describeEstimate({ seconds: 3 * 3600 + 300, nodeId: 'train', notMeasured: 2 }, 'wasm')).toBe(
      '≈ 3 h 05 min on WASM here (to the end of "train"; 2 later nodes not measured) — try mnist-quick, fewer steps or a smaller batch, or a GPU.',
    );
  });
});
