import { describe, expect, it } from 'vitest';
import { testRegistry } from '../runtime/test-kinds';
import { integer, number } from './params';
import { parseGraph } from './parse';
import { serializeGraph } from './serialize';
import type { Problem } from './types';

const base = () => ({
  format: 'scoregraph',
  version: 1,
  name: 'checks',
  nodes: [
    { id: 'src', type: 'test.source', params: { value: 2 }, position: [0, 0] },
    { id: 'plus', type: 'test.add', params: {}, position: [200, 0] },
  ] as Record<string, unknown>[],
  edges: [{ from: 'src.samples', to: 'plus.samples' }] as Record<string, unknown>[],
});

const problemsOf = (file: unknown): Problem[] => {
  const result = parseGraph(typeof file === 'string' ? file : JSON.stringify(file), testRegistry);
  return result.ok ? [] : result.problems;
};

describe('parseGraph', () => {
  it('accepts a good file and freezes it', () => {
    const result = parseGraph(JSON.stringify(base()), testRegistry);
    expect(result.ok).toBe(true);
    if (result.ok) expect(Object.isFrozen(result.graph.nodes[0])).toBe(true);
  });

  it('says where JSON breaks, with line and column', () => {
    const [p] = problemsOf('{\n  "format": "scoregraph",\n  "nodes": [,]\n}');
    expect(p.message).toBe('The file is not valid JSON: unexpected ",]\\n}" at line 3, column 13.');
    expect(problemsOf('{"a": [1, 2')[0].message).toBe(
      'The file is not valid JSON: the file ends too early at line 1, column 12.',
    );
    expect(problemsOf('{"a": 1} x')[0].message).toBe(
      'The file is not valid JSON: unexpected "x" at line 1, column 10.',
    );
  });

  it('refuses another format and newer versions, saying so', () => {
    expect(problemsOf({ ...base(), format: 'comfy' })[0].message).toBe(
      'This is not a scoregraph file: "format" must be "scoregraph" (got "comfy").',
    );
    expect(problemsOf({ ...base(), version: 9 })[0].message).toMatch(
      /saved by a newer scoregraph \(file version 9\).*up to version 1/,
    );
  });

  it('reports duplicate and malformed ids', () => {
    const f = base();
    f.nodes.push({ id: 'src', type: 'test.source', params: {} });
    expect(problemsOf(f)).toContainEqual({
      nodeId: 'src',
      message: 'Two nodes share the id "src"; ids must be unique.',
    });
    const g = base();
    g.nodes[1].id = '9lives';
    expect(problemsOf(g)[0].message).toMatch(/^Node "9lives" field "id": must start with a letter/);
  });

  it('names the closest known type for an unknown one', () => {
    const f = base();
    f.nodes[1].type = 'test.ad';
    expect(problemsOf(f)).toEqual([
      { nodeId: 'plus', message: 'Node "plus" has unknown type "test.ad". Did you mean "test.add"?' },
    ]);
  });

  it('reports unknown sockets with what the node has', () => {
    const f = base();
    f.edges = [{ from: 'src.sample', to: 'plus.samples' }];
    expect(problemsOf(f)).toEqual([
      {
        nodeId: 'src',
        socket: 'sample',
        message: 'Node "src" (test.source) has no output "sample". Did you mean "samples"? It has: samples.',
      },
    ]);
  });

  it('refuses a second edge into one input', () => {
    const f = base();
    f.nodes.push({ id: 'src2', type: 'test.source', params: {} });
    f.edges.push({ from: 'src2.samples', to: 'plus.samples' });
    expect(problemsOf(f)).toEqual([
      {
        nodeId: 'plus',
        socket: 'samples',
        message:
          'Input plus.samples already has an edge from src.samples; an input takes one edge (this one is from src2.samples).',
      },
    ]);
  });

  it('refuses sockets whose types differ, naming both types', async () => {
    const { NodeRegistry } = await import('../nodes/registry');
    const { defineNode } = await import('../nodes/define');
    const sink = defineNode({
      type: 'test.sink',
      title: 'Sink',
      category: 'Test',
      doc: 'Takes a schedule.',
      inputs: { schedule: { type: 'Schedule' } },
      outputs: {},
      params: {},
      infer: () => ({}),
      run: async () => ({}),
    });
    const registry = new NodeRegistry([...testRegistry.all(), sink]);
    const f = base();
    f.nodes.push({ id: 'sink', type: 'test.sink', params: {} });
    f.edges.push({ from: 'src.samples', to: 'sink.schedule' });
    const result = parseGraph(JSON.stringify(f), registry);
    expect(!result.ok && result.problems).toEqual([
      {
        nodeId: 'sink',
        socket: 'schedule',
        message: 'Cannot connect src.samples (Samples) to sink.schedule (Schedule): the types differ.',
      },
    ]);
  });

  it('names the nodes on a cycle', () => {
    const f = base();
    f.nodes.push({ id: 'loop', type: 'test.add', params: {} });
    f.edges = [
      { from: 'plus.samples', to: 'loop.samples' },
      { from: 'loop.samples', to: 'plus.samples' },
    ];
    expect(problemsOf(f)).toEqual([
      { nodeId: 'plus', message: 'The graph has a cycle: plus → loop → plus. Data must flow one way.' },
    ]);
  });

  it('reports params of the wrong type, out of range (with the range) and unknown', () => {
    const f = base();
    f.nodes[0].params = { value: 'two', count: 5000, colour: 'red' };
    expect(problemsOf(f)).toEqual([
      { nodeId: 'src', param: 'value', message: 'Node "src": value must be a number (got "two").' },
      { nodeId: 'src', param: 'count', message: 'Node "src": count must be between 1 and 1000 (got 5000).' },
      { nodeId: 'src', param: 'colour', message: 'Node "src" (test.source) has no param "colour".' },
    ]);
  });

  it('reports every problem at once', () => {
    const f = base();
    f.nodes[0].params = { value: 1000 };
    f.nodes[1].type = 'nope';
    f.edges.push({ from: 'ghost.samples', to: 'plus.samples' });
    expect(problemsOf(f)).toHaveLength(3);
  });

  it('stops hostile sizes before looking further', () => {
    expect(problemsOf({ ...base(), name: 'x'.repeat(2_000_001) })[0].message).toMatch(
      /A text at the top\.name is too long/,
    );
    expect(
      problemsOf({ ...base(), edges: new Array(10_001).fill({ from: 'a.b', to: 'c.d' }) })[0].message,
    ).toMatch(/A list at the top\.edges is too long \(10,001 items/);
    expect(problemsOf('{"a":' + '['.repeat(50) + ']'.repeat(50) + '}')[0].message).toMatch(
      /nests too deeply/,
    );
    expect(problemsOf('x'.repeat(8_000_001))[0].message).toMatch(/The file is too large/);
  });

  it('treats __proto__ and constructor as plain unknown names, never as code', () => {
    const text = JSON.stringify(base()).replace(
      '"params":{"value":2}',
      '"params":{"value":2,"__proto__":{"polluted":true}}',
    );
    expect(problemsOf(text)).toEqual([
      {
        message:
          'The file uses the reserved name "__proto__" at the top.nodes[0].params; it is not allowed anywhere in a graph.',
      },
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const f = base();
    f.nodes[1].type = 'constructor';
    expect(problemsOf(f)[0].message).toMatch(/unknown type "constructor"/);
  });

  it('serializes with a stable key order and round-trips exactly', () => {
    const shuffled = {
      edges: base().edges,
      nodes: base().nodes.map((n) => ({ params: n.params, position: n.position, type: n.type, id: n.id })),
      name: 'checks',
      version: 1,
      format: 'scoregraph',
    };
    const result = parseGraph(JSON.stringify(shuffled), testRegistry);
    if (!result.ok) throw new Error('expected ok');
    const text = serializeGraph(result.graph);
    expect(text.indexOf('"format"')).toBeLessThan(text.indexOf('"nodes"'));
    const again = parseGraph(text, testRegistry);
    expect(again.ok && serializeGraph(again.graph)).toBe(text);
  });

  it('param declarations describe their own range', () => {
    expect(integer({ default: 1, min: 1, max: 3, doc: '' }).kind).toBe('integer');
    expect(number({ default: 0.5, min: 0, max: 1, doc: '' }).max).toBe(1);
  });
});
