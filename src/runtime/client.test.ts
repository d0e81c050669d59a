import { describe, expect, it } from 'vitest';
import type { Graph } from '../graph';
import { useNodeBackend } from './backend-node';
import { RuntimeClient, type Transport } from './client';
import type { RunEvent } from './events';
import type { FromWorker, ToWorker } from './protocol';
import { createWorkerHost } from './worker-host';

/** A fake transport: messages go through structuredClone, as postMessage would copy them. */
function fakeWorker(): Transport {
  const handlers = new Set<(m: FromWorker) => void>();
  const host = createWorkerHost({
    post: (message) => queueMicrotask(() => handlers.forEach((h) => h(structuredClone(message)))),
    chooseBackend: async () => ({ backend: await useNodeBackend('cpu'), reason: 'test' }),
  });
  return {
    post: (message: ToWorker) => setTimeout(() => void host(structuredClone(message)), 0),
    listen: (handler) => (handlers.add(handler), () => handlers.delete(handler)),
  };
}

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
