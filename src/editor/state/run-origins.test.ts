import { describe, expect, it } from 'vitest';
import { GRAPH_FORMAT, type Graph } from '../../graph';
import { RunOrigins } from './run-origins';

const graph = (name: string): Graph => ({ format: GRAPH_FORMAT, version: 1, name, nodes: [], edges: [] });

describe('run origins', () => {
  it('keeps one record per run: its graph, backend, seed and displays, whichever arrives first', () => {
    const origins = new RunOrigins();
    origins.started(1, 'wasm', 7); // the run reports its start before the request is recorded
    origins.requested(1, graph('first'));
    origins.made(1, 'view');
    origins.made(1, 'data');
    expect(origins.madeBy('view')).toMatchObject({ runId: 1, backend: 'wasm', seed: 7 });
    expect(origins.madeBy('view')!.graph!.name).toBe('first');
    expect(origins.madeBy('data')).toBe(origins.madeBy('view'));
    expect(origins.madeBy('other')).toBeUndefined();
    expect(origins.size).toBe(1);
  });

  it('moves a display to the run that made it last, and forgets runs with nothing shown', () => {
    const origins = new RunOrigins();
    origins.requested(1, graph('first'));
    origins.started(1, 'wasm', 1);
    origins.made(1, 'view');
    origins.made(1, 'data');
    origins.requested(2, graph('second'));
    origins.started(2, 'cpu', 2);
    origins.made(2, 'view');
    expect(origins.madeBy('view')!.graph!.name).toBe('second');
    expect(origins.madeBy('data')!.graph!.name).toBe('first');
    expect(origins.size).toBe(2);
    origins.made(2, 'data'); // run 1 shows nothing any more
    expect(origins.size).toBe(1);
    // A later run with no display yet is kept (its displays are on the way); run 2 still shows.
    origins.requested(3, graph('third'));
    expect(origins.size).toBe(2);
    origins.keepOnly(new Set(['data'])); // "view" left the graph
    expect(origins.madeBy('view')).toBeUndefined();
    expect(origins.madeBy('data')!.runId).toBe(2);
    origins.keepOnly(new Set());
    expect(origins.size).toBe(1); // only the latest run
  });
});
