import { describe, expect, it } from 'vitest';
import { fakeWorker } from '../../test-support/fake-worker';
import type { Graph } from '../graph';
import { RuntimeClient } from './client';
import type { RunEvent } from './events';

const emptyGraph: Graph = { format: 'scoregraph', version: 1, name: 'empty', nodes: [], edges: [] };

describe('runtime client over the worker protocol', () => {
  it('starts, reports the backend, runs a graph and streams its events', async () => {
    const client = new RuntimeClient(fakeWorker());
    expect(await client.ready).toEqual({ backend: 'cpu', reason: 'test', adapter: undefined });
    const events: RunEvent[] = [];
    const finished = new Promise<RunEvent>((resolve) =>
      client.on((e) => {
        events.push(e);
        if (e.type === 'run-finished') resolve(e);
      }),
    );
    const runId = client.run(emptyGraph);
    expect(await finished).toMatchObject({ type: 'run-finished', runId, status: 'done' });
    expect(events[0]).toMatchObject({ type: 'run-started', runId, nodeIds: [], backend: 'cpu' });
    client.dispose();
  });

  it('queues a run posted before the backend is ready', async () => {
    const client = new RuntimeClient(fakeWorker());
    const finished = new Promise<RunEvent>((resolve) =>
      client.on((e) => e.type === 'run-finished' && resolve(e)),
    );
    client.run(emptyGraph);
    expect(await finished).toMatchObject({ status: 'done' });
    client.dispose();
  });

  it('refuses an invalid graph with every problem and runs nothing', async () => {
    const client = new RuntimeClient(fakeWorker());
    await client.ready;
    const bad: Graph = { ...emptyGraph, nodes: [{ id: 'x', type: 'no.such', params: {} }] };
    const finished = new Promise<RunEvent>((resolve) =>
      client.on((e) => e.type === 'run-finished' && resolve(e)),
    );
    client.run(bad);
    const event = await finished;
    expect(event).toMatchObject({ status: 'error' });
    expect(event.type === 'run-finished' && event.message).toContain('unknown type "no.such"');
    client.dispose();
  });
});
