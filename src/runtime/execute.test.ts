import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Graph, GraphNode } from '../graph';
import { useNodeBackend } from './backend-node';
import { compile, type Plan } from './compile';
import type { RunEvent } from './events';
import { Executor } from './execute';
import { defineNode } from '../nodes/define';
import { NodeRegistry } from '../nodes/registry';
import { testRegistry } from './test-kinds';

const graph = (nodes: GraphNode[], edges: [string, string][]): Graph => ({
  format: 'scoregraph',
  version: 1,
  name: 't',
  nodes,
  edges: edges.map(([from, to]) => ({ from, to })),
});

const chain = (amount: number, steps = 3) =>
  graph(
    [
      { id: 'src', type: 'test.source', params: { value: 2 } },
      { id: 'loop', type: 'test.slow', params: { steps } },
      { id: 'plus', type: 'test.add', params: { amount } },
    ],
    [
      ['src.samples', 'loop.samples'],
      ['loop.samples', 'plus.samples'],
    ],
  );

const planOf = (g: Graph): Plan => {
  const result = compile(g, testRegistry);
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return result.plan;
};

const run = (ex: Executor, g: Graph, signal = new AbortController().signal, events: RunEvent[] = []) =>
  ex.execute(planOf(g), { runId: 1, signal, onEvent: (e) => events.push(e), throttleMs: 0 });

beforeAll(() => useNodeBackend('cpu'));

describe('execute', () => {
  it('runs in order and computes the right values', async () => {
    const ex = new Executor('cpu');
    const result = await run(ex, chain(10));
    expect(result.status).toBe('done');
    const out = ex.outputsOf('plus')!.samples as { data: tf.Tensor };
    // 2, plus one per loop step (3), plus 10
    expect(Array.from(await out.data.data())).toEqual(new Array(8).fill(15));
    ex.clear();
  });

  it('re-runs only the changed node and its dependants', async () => {
    const ex = new Executor('cpu');
    await run(ex, chain(1));
    const events: RunEvent[] = [];
    await run(ex, chain(5), undefined, events);
    expect(Object.fromEntries(ex.runCounts)).toEqual({ src: 1, loop: 1, plus: 2 });
    expect(events.filter((e) => e.type === 'cached').map((e) => 'nodeId' in e && e.nodeId)).toEqual([
      'src',
      'loop',
    ]);
    // an upstream change re-runs everything below it
    const g = chain(5);
    const changed = {
      ...g,
      nodes: g.nodes.map((n) => (n.id === 'src' ? { ...n, params: { value: 3 } } : n)),
    };
    await run(ex, changed);
    expect(Object.fromEntries(ex.runCounts)).toEqual({ src: 2, loop: 2, plus: 3 });
    ex.clear();
  });

  it('does not leak tensors when outputs are replaced, and clear() returns to the baseline', async () => {
    const ex = new Executor('cpu');
    const baseline = tf.memory().numTensors;
    await run(ex, chain(1));
    const afterFirst = tf.memory().numTensors;
    for (let i = 2; i < 6; i++) await run(ex, chain(i));
    expect(tf.memory().numTensors).toBe(afterFirst);
    ex.clear();
    expect(tf.memory().numTensors).toBe(baseline);
  });

  it('cancel stops within one step and frees every tensor the cancelled node made', async () => {
    const ex = new Executor('cpu');
    const baseline = tf.memory().numTensors;
    const controller = new AbortController();
    const events: RunEvent[] = [];
    const onEvent = (e: RunEvent) => {
      events.push(e);
      if (e.type === 'progress' && e.nodeId === 'loop' && e.text === 'step 5') controller.abort();
    };
    const result = await ex.execute(planOf(chain(1, 1000)), {
      runId: 7,
      signal: controller.signal,
      onEvent,
      throttleMs: 0,
    });
    expect(result.status).toBe('cancelled');
    const steps = events.filter((e) => e.type === 'progress' && e.nodeId === 'loop');
    expect(steps.length).toBe(5); // stopped at the next checkpoint
    expect(events.at(-2)).toEqual({ type: 'cancelled', runId: 7, nodeId: 'loop' });
    expect(events.at(-1)).toMatchObject({ type: 'run-finished', status: 'cancelled' });
    // The completed source stays cached for the next run; the loop's tensors and variable are gone.
    expect(tf.memory().numTensors).toBe(baseline + 1);
    ex.clear();
    expect(tf.memory().numTensors).toBe(baseline);
  });

  it('reports a failing node by name and stops', async () => {
    const ex = new Executor('cpu');
    const broken = {
      ...testRegistry.get('test.add')!,
      run: async () => {
        throw new Error('boom');
      },
    };
    const plan = planOf(chain(1));
    plan.steps[2] = { ...plan.steps[2], kind: broken };
    const result = await ex.execute(plan, { runId: 1, signal: new AbortController().signal });
    expect(result.status).toBe('error');
    expect(result.message).toBe('Node "plus" (test.add) failed: boom');
    ex.clear();
  });
});

describe('compile', () => {
  it('puts unconnected inputs and inference errors on the right nodes', () => {
    const g = graph(
      [
        { id: 'a', type: 'test.add', params: {} },
        { id: 'big', type: 'test.source', params: { count: 600 } },
        { id: 'b', type: 'test.add', params: {} },
      ],
      [['big.samples', 'b.samples']],
    );
    const result = compile(g, testRegistry);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      {
        nodeId: 'a',
        socket: 'samples',
        message: 'Node "a": input "samples" is not connected (it needs a Samples).',
      },
      { nodeId: 'b', message: 'Too many points for test.add.' },
    ]);
  });

  it('orders nodes topologically and can target a subgraph', () => {
    const g = chain(1);
    const shuffled = { ...g, nodes: [...g.nodes].reverse() };
    const all = compile(shuffled, testRegistry);
    expect(all.ok && all.plan.steps.map((s) => s.nodeId)).toEqual(['src', 'loop', 'plus']);
    const part = compile(shuffled, testRegistry, { targets: ['loop'] });
    expect(part.ok && part.plan.steps.map((s) => s.nodeId)).toEqual(['src', 'loop']);
  });
});

describe('infer() on the values that arrive', () => {
  // Says it makes 4 points, makes 600: only the values show it.
  const liar = defineNode({
    type: 'test.liar',
    title: 'Liar',
    category: 'Test',
    doc: 'Declares 4 points, outputs 600.',
    inputs: {},
    outputs: { samples: { type: 'Samples' } },
    params: {},
    infer: () => ({ samples: { kind: 'points' as const, shape: [2], count: 4 } }),
    async run() {
      return { samples: { kind: 'points' as const, data: tf.zeros([600, 2]) } };
    },
  });
  const registry = new NodeRegistry([...testRegistry.all(), liar]);

  it('runs infer again before run(): a rule infer() states holds for the actual values', async () => {
    const g = graph(
      [
        { id: 'src', type: 'test.liar', params: {} },
        { id: 'plus', type: 'test.add', params: { amount: 1 } },
      ],
      [['src.samples', 'plus.samples']],
    );
    const compiled = compile(g, registry);
    expect(compiled.ok).toBe(true); // 4 points: test.add's limit of 500 holds at compile time
    if (!compiled.ok) return;
    const ex = new Executor('cpu');
    const before = tf.memory().numTensors;
    const result = await ex.execute(compiled.plan, { runId: 1, signal: new AbortController().signal });
    expect(result.status).toBe('error');
    expect(result.nodes.get('plus')).toMatchObject({
      status: 'error',
      message: 'Node "plus" (test.add) failed: Too many points for test.add.',
    });
    expect(ex.outputsOf('plus')).toBeUndefined();
    ex.clear();
    expect(tf.memory().numTensors).toBe(before);
  });
});
