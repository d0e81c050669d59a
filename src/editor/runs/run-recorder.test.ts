import { describe, expect, it } from 'vitest';
import type { Graph } from '../../graph';
import type { RunEvent } from '../../runtime/events';
import type { KeyValue } from '../files/autosave';
import { THUMBNAIL_PIXELS, finalLoss } from './run-record';
import { RunHistory } from './run-history';
import { RunStore } from './run-store';

function memory(): KeyValue & { map: Map<string, unknown> } {
  const map = new Map<string, unknown>();
  return {
    map,
    get: async (k) => structuredClone(map.get(k)),
    set: async (k, v) => void map.set(k, structuredClone(v)),
    del: async (k) => void map.delete(k),
    keys: async () => [...map.keys()],
  };
}

const graph = (steps: number): Graph => ({
  format: 'scoregraph',
  version: 1,
  name: 'g',
  nodes: [
    { id: 'train', type: 'train.fit', params: { steps } },
    { id: 'view', type: 'view.images', params: {} },
  ],
  edges: [],
});

/** The events of one run: training logs a loss curve, the viewer shows 64 digits. */
function events(runId: number, status: 'done' | 'cancelled' = 'done'): RunEvent[] {
  return [
    { type: 'run-started', runId, nodeIds: ['train', 'view'], backend: 'wasm', seed: 7 },
    { type: 'started', runId, nodeId: 'train' },
    {
      type: 'preview',
      runId,
      nodeId: 'train',
      payload: { kind: 'loss', steps: [10, 20, 30], loss: [3, 2, 1.5], perLevel: [4, 1], sigmas: [1, 0.1] },
    },
    { type: 'done', runId, nodeId: 'train', seconds: 2.5, summary: { finalLoss: 1.5 } },
    {
      type: 'preview',
      runId,
      nodeId: 'view',
      payload: {
        kind: 'images',
        count: 64,
        height: 28,
        width: 28,
        channels: 1,
        columns: 8,
        pixels: new Float32Array(64 * 28 * 28).fill(0.5),
      },
    },
    { type: 'run-finished', runId, status, seconds: 3 },
  ];
}

async function record(history: RunHistory, runId: number, steps: number) {
  history.requested(runId, graph(steps));
  for (const e of events(runId)) history.recorder.apply(e);
  await history.recorder.flush();
}

describe('run history', () => {
  it('records a run with its graph, backend, seed, times, final loss and compact thumbnails', async () => {
    const history = new RunHistory(new RunStore(memory()));
    await record(history, 1, 100);
    const [r] = history.records.value;
    expect(r).toMatchObject({ backend: 'wasm', seed: 7, status: 'done', seconds: 3, changes: [] });
    expect(r.graph.nodes[0].params).toEqual({ steps: 100 });
    expect(r.nodes.train).toEqual({ status: 'done', seconds: 2.5, summary: { finalLoss: 1.5 } });
    expect(finalLoss(r)).toBe(1.5);
    const images = r.displays.view;
    expect(images.kind === 'images' && images.pixels.length).toBeLessThanOrEqual(THUMBNAIL_PIXELS);
    expect(images.kind === 'images' && images.count).toBe(Math.floor(THUMBNAIL_PIXELS / (28 * 28)));
  });

  it('says what changed since the previous run, also after a reload', async () => {
    const kv = memory();
    const first = new RunHistory(new RunStore(kv));
    await record(first, 1, 100);
    const reloaded = new RunHistory(new RunStore(kv));
    await reloaded.load();
    await record(reloaded, 2, 200);
    expect(reloaded.records.value.map((r) => r.changes.length)).toEqual([1, 0]);
    // The first says so (it was not "no changes": nothing ran before it).
    expect(reloaded.records.value.map((r) => r.first)).toEqual([undefined, true]);
    expect(reloaded.records.value[0].changes[0]).toMatchObject({
      nodeId: 'train',
      param: 'steps',
      before: 100,
      after: 200,
    });
  });

  it('ignores events of runs it was not asked for, and keeps at most its limit (oldest dropped)', async () => {
    const kv = memory();
    const history = new RunHistory(new RunStore(kv, 3));
    for (const e of events(99)) history.recorder.apply(e);
    await history.recorder.flush();
    expect(history.records.value).toHaveLength(0);
    for (let run = 1; run <= 5; run++) {
      history.requested(run, graph(run));
      for (const e of events(run)) history.recorder.apply(e);
    }
    await history.recorder.flush();
    const kept = await new RunStore(kv, 3).list();
    expect(kept).toHaveLength(3);
    expect(kept.map((r) => r.graph.nodes[0].params.steps)).toEqual([5, 4, 3]);
    expect(history.records.value).toHaveLength(3);
  });

  it('picks at most two runs, the third replacing the first', async () => {
    const history = new RunHistory(new RunStore(memory()));
    history.toggle('a');
    history.toggle('b');
    history.toggle('c');
    expect(history.picked.value).toEqual(['b', 'c']);
    history.toggle('b');
    expect(history.picked.value).toEqual(['c']);
  });
});
