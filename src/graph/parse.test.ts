import { describe, expect, it } from 'vitest';
import { corpusCatalog } from './corpus/catalog';
import { integer, number } from './params';
import { parseGraph } from './parse';
import { serializeGraph } from './serialize';
import type { Problem } from './types';

const base = () => ({
  format: 'scoregraph',
  version: 1,
  name: 'checks',
  nodes: [
    { id: 'data', type: 'data.toy', params: { count: 2 }, position: [0, 0] },
    { id: 'sched', type: 'schedule.geometric', params: {}, position: [0, 200] },
    { id: 'fit', type: 'train.fit', params: {}, position: [300, 0] },
  ] as Record<string, unknown>[],
  edges: [
    { from: 'data.dataset', to: 'fit.dataset' },
    { from: 'sched.schedule', to: 'fit.schedule' },
  ] as Record<string, unknown>[],
});

const problemsOf = (file: unknown): Problem[] => {
  const result = parseGraph(typeof file === 'string' ? file : JSON.stringify(file), corpusCatalog);
  return result.ok ? [] : result.problems;
};

describe('parseGraph', () => {
  it('accepts a good file and freezes it', () => {
    const result = parseGraph(JSON.stringify(base()), corpusCatalog);
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
    f.nodes.push({ id: 'data', type: 'data.toy', params: {} });
    expect(problemsOf(f)).toContainEqual({
      nodeId: 'data',
      message: 'Two nodes share the id "data"; ids must be unique.',
    });
    const g = base();
    g.nodes[1].id = '9lives';
    expect(problemsOf(g)[0].message).toMatch(/^Node "9lives" field "id": must start with a letter/);
  });

  it('names the closest known type for an unknown one', () => {
    const f = base();
    f.nodes[1].type = 'schedule.geometrc';
    expect(problemsOf(f)).toEqual([
      {
        nodeId: 'sched',
        message: 'Node "sched" has unknown type "schedule.geometrc". Did you mean "schedule.geometric"?',
      },
    ]);
  });

  it('reports unknown sockets with what the node has', () => {
    const f = base();
    f.edges[0] = { from: 'data.datasets', to: 'fit.dataset' };
    expect(problemsOf(f)).toEqual([
      {
        nodeId: 'data',
        socket: 'datasets',
        message: 'Node "data" (data.toy) has no output "datasets". Did you mean "dataset"? It has: dataset.',
      },
    ]);
  });

  it('refuses a second edge into one input', () => {
    const f = base();
    f.nodes.push({ id: 'data2', type: 'data.toy', params: {} });
    f.edges.push({ from: 'data2.dataset', to: 'fit.dataset' });
    expect(problemsOf(f)).toEqual([
      {
        nodeId: 'fit',
        socket: 'dataset',
        message:
          'Input fit.dataset already has an edge from data.dataset; an input takes one edge (this one is from data2.dataset).',
      },
    ]);
  });

  it('refuses sockets whose types differ, naming both types', () => {
    const f = base();
    f.nodes.push({ id: 'sample', type: 'sample.langevin', params: {} });
    f.edges.push({ from: 'fit.model', to: 'sample.model' }, { from: 'data.dataset', to: 'sample.schedule' });
    expect(problemsOf(f)).toEqual([
      {
        nodeId: 'sample',
        socket: 'schedule',
        message: 'Cannot connect data.dataset (Dataset) to sample.schedule (Schedule): the types differ.',
      },
    ]);
  });

  it('names the nodes on a cycle', () => {
    const f = base();
    f.nodes.push({ id: 'loop', type: 'train.fit', params: {} });
    f.edges.push({ from: 'fit.model', to: 'loop.model' }, { from: 'loop.model', to: 'fit.model' });
    expect(problemsOf(f)).toEqual([
      { nodeId: 'fit', message: 'The graph has a cycle: fit → loop → fit. Data must flow one way.' },
    ]);
  });

  it('reports params of the wrong type, out of range (with the range) and unknown', () => {
    const f = base();
    f.nodes[1].params = { sigmaMax: 'two', levels: 50000, colour: 'red' };
    expect(problemsOf(f)).toEqual([
      { nodeId: 'sched', param: 'sigmaMax', message: 'Node "sched": sigmaMax must be a number (got "two").' },
      {
        nodeId: 'sched',
        param: 'levels',
        message: 'Node "sched": levels must be between 1 and 1e+4 (got 5e+4).',
      },
      {
        nodeId: 'sched',
        param: 'colour',
        message: 'Node "sched" (schedule.geometric) has no param "colour".',
      },
    ]);
  });

  it('reports every problem at once', () => {
    const f = base();
    f.nodes[1].params = { levels: 50000 };
    f.nodes[2].type = 'nope';
    f.edges.push({ from: 'ghost.dataset', to: 'fit.model' });
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
      '"params":{"count":2}',
      '"params":{"count":2,"__proto__":{"polluted":true}}',
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
    const result = parseGraph(JSON.stringify(shuffled), corpusCatalog);
    if (!result.ok) throw new Error('expected ok');
    const text = serializeGraph(result.graph);
    expect(text.indexOf('"format"')).toBeLessThan(text.indexOf('"nodes"'));
    const again = parseGraph(text, corpusCatalog);
    expect(again.ok && serializeGraph(again.graph)).toBe(text);
  });

  it('param declarations describe their own range', () => {
    expect(integer({ default: 1, min: 1, max: 3, doc: '' }).kind).toBe('integer');
    expect(number({ default: 0.5, min: 0, max: 1, doc: '' }).max).toBe(1);
  });
});
