import { describe, expect, it } from 'vitest';
import type { DisplayPayload } from '../../nodes/display';
import { RunState } from './run-state';

const points: DisplayPayload = { kind: 'points', points: new Float32Array([0, 1]), bounds: [0, 1, 0, 1] };

describe('run state', () => {
  it('follows a run: queued → running with progress → done, and keeps the display', () => {
    const state = new RunState();
    let heard = 0;
    state.nodes.listenKey('a', () => heard++);
    state.apply({ type: 'run-started', runId: 1, nodeIds: ['a', 'b'], backend: 'wasm', seed: 1 });
    state.apply({ type: 'queued', runId: 1, nodeId: 'a' });
    state.apply({ type: 'started', runId: 1, nodeId: 'a' });
    state.apply({ type: 'progress', runId: 1, nodeId: 'a', fraction: 0.5, text: 'step 5/10' });
    expect(state.nodes.get('a')).toMatchObject({ status: 'running', fraction: 0.5, text: 'step 5/10' });
    state.apply({ type: 'preview', runId: 1, nodeId: 'b', payload: points });
    state.apply({ type: 'done', runId: 1, nodeId: 'a', seconds: 2 });
    expect(state.nodes.get('a')).toMatchObject({ status: 'done', seconds: 2 });
    expect(state.displays.get('b')).toBe(points);
    expect(state.origins.madeBy('b')).toMatchObject({ runId: 1, backend: 'wasm', seed: 1 });
    state.apply({ type: 'run-finished', runId: 1, status: 'done', seconds: 2 });
    expect(state.run.value).toMatchObject({ running: false, status: 'done' });
    expect(heard).toBeGreaterThanOrEqual(5);
  });

  it('marks unfinished nodes stopped on cancel, and ignores events of an older run', () => {
    const state = new RunState();
    state.apply({ type: 'run-started', runId: 2, nodeIds: ['a'], backend: 'cpu', seed: 1 });
    state.apply({ type: 'started', runId: 2, nodeId: 'a' });
    state.apply({ type: 'progress', runId: 1, nodeId: 'a', fraction: 0.9 });
    expect(state.nodes.get('a')!.fraction).toBe(0);
    state.apply({ type: 'run-finished', runId: 2, status: 'cancelled', seconds: 1 });
    expect(state.nodes.get('a')!.status).toBe('cancelled');
    // The node running at Stop reports 'cancelled'; queued ones are marked when the run ends.
    state.apply({ type: 'run-started', runId: 3, nodeIds: ['a', 'b'], backend: 'cpu', seed: 1 });
    state.apply({ type: 'started', runId: 3, nodeId: 'a' });
    state.apply({ type: 'cancelled', runId: 3, nodeId: 'a' });
    state.apply({ type: 'queued', runId: 3, nodeId: 'b' });
    state.apply({ type: 'run-finished', runId: 3, status: 'cancelled', seconds: 1 });
    expect(state.nodes.get('a')).toMatchObject({ status: 'cancelled', message: undefined });
    expect(state.nodes.get('b')!.status).toBe('cancelled');
  });

  it('shows errors and cached results', () => {
    const state = new RunState();
    state.apply({ type: 'run-started', runId: 3, nodeIds: ['a', 'b'], backend: 'cpu', seed: 1 });
    state.apply({ type: 'cached', runId: 3, nodeId: 'a', display: points });
    state.apply({ type: 'error', runId: 3, nodeId: 'b', message: 'NaN at step 40' });
    expect(state.nodes.get('a')!.status).toBe('cached');
    expect(state.displays.get('a')).toBe(points);
    expect(state.nodes.get('b')).toMatchObject({ status: 'error', message: 'NaN at step 40' });
    state.keepOnly(new Set(['b']));
    expect(state.displays.get('a')).toBeUndefined();
  });

  it('derives steps/s and time left for a running node from its progress events', () => {
    let t = 0;
    const state = new RunState(() => t);
    state.apply({ type: 'run-started', runId: 4, nodeIds: ['train'], backend: 'wasm', seed: 1 });
    state.apply({ type: 'started', runId: 4, nodeId: 'train' });
    for (let step = 100; step <= 400; step += 100) {
      t = step * 20; // 50 steps/s
      state.apply({
        type: 'progress',
        runId: 4,
        nodeId: 'train',
        fraction: step / 1000,
        text: `step ${step}/1000`,
      });
    }
    const pace = state.nodes.get('train')!.pace!;
    expect(pace.stepsPerSecond).toBeCloseTo(50, 6);
    expect(pace.secondsLeft).toBeCloseTo(12, 6);
  });
});
