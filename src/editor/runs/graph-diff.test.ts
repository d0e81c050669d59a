import { describe, expect, it } from 'vitest';
import type { Graph } from '../../graph';
import { describeChange, diffGraphs, summarizeChanges } from './graph-diff';
import { graphHash } from '../../runtime/graph-hash';

const base: Graph = {
  format: 'scoregraph',
  version: 1,
  name: 'g',
  nodes: [
    { id: 'data', type: 'data.toy2d', params: { shape: 'swissroll' }, position: [0, 0] },
    { id: 'sampler', type: 'sample.langevin', params: { steps: 100 }, position: [300, 0] },
  ],
  edges: [{ from: 'data.data', to: 'sampler.init' }],
};

describe('diffGraphs', () => {
  it('finds no change in layout, name or view', () => {
    const moved: Graph = {
      ...base,
      name: 'other',
      view: { x: 1, y: 2, zoom: 3 },
      nodes: base.nodes.map((n) => ({ ...n, position: [9, 9] as const, collapsed: true })),
    };
    expect(diffGraphs(base, moved)).toEqual([]);
    expect(graphHash(moved)).toBe(graphHash(base));
  });

  it('lists changed, added and removed params, nodes and wires', () => {
    const after: Graph = {
      ...base,
      nodes: [
        { id: 'data', type: 'data.toy2d', params: { shape: 'moons', count: 500 } },
        { id: 'sampler', type: 'sample.langevin', params: {} },
        { id: 'view', type: 'view.points', params: {} },
      ],
      edges: [{ from: 'sampler.samples', to: 'view.points' }],
    };
    const changes = diffGraphs(base, after);
    expect(changes.map(describeChange)).toEqual([
      'data.count (default) → 500',
      'data.shape swissroll → moons',
      'sampler.steps 100 → (default)',
      '+ view (view.points)',
      '− wire data.data → sampler.init',
      '+ wire sampler.samples → view.points',
    ]);
    expect(graphHash(after)).not.toBe(graphHash(base));
    expect(summarizeChanges(changes)).toBe(
      'data.count (default) → 500; data.shape swissroll → moons; +4 more',
    );
  });

  it('treats a node whose kind changed as removed and added', () => {
    const after: Graph = {
      ...base,
      nodes: [base.nodes[0], { id: 'sampler', type: 'sample.inpaint', params: {} }],
    };
    expect(diffGraphs(base, after).map((c) => c.kind)).toEqual(['node-removed', 'node-added']);
  });
});
