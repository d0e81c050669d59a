import { describe, expect, it } from 'vitest';
import { checkGraph, type Graph } from '../../graph';
import { copyFragment, parseFragment, pasteFragment } from './clipboard';
import { emptyGraph } from './empty-graph';
import { addNodes, connect } from './graph-ops';
import { registry } from '../../nodes/registry';

const graph: Graph = connect(
  connect(
    addNodes(emptyGraph(), [
      { id: 'data', type: 'data.toy2d', params: { count: 99 }, position: [0, 0] },
      { id: 'net', type: 'score.exact', params: {}, position: [300, 50] },
      { id: 'scatter', type: 'view.points', params: {}, position: [600, 0] },
    ]),
    'data.dataset',
    'net.dataset',
  ),
  'data.dataset',
  'scatter.dataset',
);

describe('copy / paste', () => {
  it('copies the chosen nodes and only the wires between them', () => {
    const fragment = copyFragment(graph, ['data', 'net']);
    expect(fragment.nodes.map((n) => n.id)).toEqual(['data', 'net']);
    expect(fragment.edges).toEqual([{ from: 'data.dataset', to: 'net.dataset' }]);
  });

  it('pastes with fresh ids, the internal wire remapped, positions shifted', () => {
    const { graph: after, ids } = pasteFragment(graph, copyFragment(graph, ['data', 'net']), {
      offset: [40, 40],
    });
    expect(ids).toEqual(['data2', 'net2']);
    expect(after.nodes.find((n) => n.id === 'data2')).toMatchObject({
      params: { count: 99 },
      position: [40, 40],
    });
    expect(after.edges).toContainEqual({ from: 'data2.dataset', to: 'net2.dataset' });
    expect(after.edges).toHaveLength(graph.edges.length + 1);
    expect(checkGraph(after, registry)).toEqual([]);
  });

  it('places the fragment top-left at a point, and pasting twice gives new ids again', () => {
    const fragment = copyFragment(graph, ['net', 'scatter']);
    const once = pasteFragment(graph, fragment, { at: [1000, 1000] });
    expect(once.graph.nodes.find((n) => n.id === once.ids[0])!.position).toEqual([1000, 1050]);
    const twice = pasteFragment(once.graph, fragment, { at: [0, 0] });
    expect(new Set([...once.ids, ...twice.ids]).size).toBe(4);
    expect(checkGraph(twice.graph, registry)).toEqual([]);
  });

  it('does not share params with the copied nodes', () => {
    const fragment = copyFragment(graph, ['data']);
    (fragment.nodes[0].params as Record<string, unknown>).count = 5;
    expect(graph.nodes[0].params.count).toBe(99);
  });

  it('reads a fragment from clipboard text and ignores anything else', () => {
    expect(parseFragment(JSON.stringify(copyFragment(graph, ['data'])))?.nodes).toHaveLength(1);
    expect(parseFragment('{"format":"scoregraph","nodes":[],"edges":[]}')).toBeNull();
    expect(parseFragment('not json')).toBeNull();
  });
});
