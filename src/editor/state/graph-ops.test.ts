import { describe, expect, it } from 'vitest';
import { checkGraph, type Graph } from '../../graph';
import { emptyGraph } from './empty-graph';
import {
  addNodes,
  connect,
  jsonEqual,
  moveNodes,
  removeNodes,
  setCollapsed,
  setLabel,
  setParam,
} from './graph-ops';
import { baseId, freshId } from './ids';
import { placeUnplaced } from './layout';
import { registry } from '../../nodes/registry';

const base: Graph = addNodes(emptyGraph(), [
  { id: 'data', type: 'data.toy2d', params: {}, position: [0, 0] },
  { id: 'net', type: 'score.exact', params: {}, position: [300, 0] },
  { id: 'net2', type: 'score.exact', params: {}, position: [300, 200] },
]);

describe('graph edits', () => {
  it('connect replaces the wire already in an input and keeps the graph valid', () => {
    const g1 = connect(base, 'data.dataset', 'net.dataset');
    const g2 = connect(g1, 'data.dataset', 'net.dataset');
    expect(g2).toBe(g1);
    const g3 = connect(
      addNodes(g1, [{ id: 'moons', type: 'data.toy2d', params: {} }]),
      'moons.dataset',
      'net.dataset',
    );
    expect(g3.edges).toEqual([{ from: 'moons.dataset', to: 'net.dataset' }]);
    expect(checkGraph(g3, registry)).toEqual([]);
  });

  it('removing a node removes its wires', () => {
    const g = connect(connect(base, 'data.dataset', 'net.dataset'), 'data.dataset', 'net2.dataset');
    const without = removeNodes(g, ['data']);
    expect(without.nodes.map((n) => n.id)).toEqual(['net', 'net2']);
    expect(without.edges).toEqual([]);
    expect(removeNodes(g, ['nope'])).toBe(g);
  });

  it('returns the same graph when nothing changes', () => {
    expect(setParam(base, 'data', 'count', 5)).not.toBe(base);
    const g = setParam(base, 'data', 'count', 5);
    expect(setParam(g, 'data', 'count', 5)).toBe(g);
    expect(setCollapsed(base, 'data', false)).toBe(base);
    expect(setLabel(base, 'data', '  ')).toBe(base);
    expect(moveNodes(base, new Map([['data', [0.001, 0]]]))).toBe(base);
    expect(moveNodes(base, new Map([['data', [1, 0]]])).nodes[0].position).toEqual([1, 0]);
  });

  it('results are frozen like parsed graphs', () => {
    const g = setParam(base, 'data', 'count', 5);
    expect(Object.isFrozen(g)).toBe(true);
    expect(Object.isFrozen(g.nodes)).toBe(true);
    expect(Object.isFrozen(g.nodes[0].params)).toBe(true);
  });

  it('compares JSON values deeply', () => {
    expect(jsonEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toBe(true);
    expect(jsonEqual([1, 2], [2, 1])).toBe(false);
    expect(jsonEqual({ a: 1 }, { a: 1, b: 2 })).toBe(false);
  });
});

describe('ids and placement', () => {
  it('makes readable, unique ids', () => {
    expect(baseId('data.toy2d')).toBe('toy2d');
    expect(baseId('x.2d')).toBe('n2d');
    const taken = new Set(['toy2d', 'toy2d2']);
    expect(freshId('toy2d', taken)).toBe('toy2d3');
    expect(freshId('mlp', taken)).toBe('mlp');
    expect(freshId('mlp', taken)).toBe('mlp2');
  });

  it('places unplaced nodes in columns by depth and keeps placed ones', () => {
    const g: Graph = {
      ...emptyGraph(),
      nodes: [
        { id: 'data', type: 'data.toy2d', params: {} },
        { id: 'net', type: 'score.exact', params: {} },
        { id: 'keep', type: 'score.exact', params: {}, position: [7, 7] },
      ],
      edges: [{ from: 'data.dataset', to: 'net.dataset' }],
    };
    const placed = placeUnplaced(g);
    expect(placed.nodes.map((n) => n.position)).toEqual([
      [0, 0],
      [320, 0],
      [7, 7],
    ]);
    expect(placeUnplaced(placed)).toBe(placed);
  });
});
