/** A valid graph over the corpus catalog (src/graph/corpus/catalog.ts) for the file I/O tests. */
import { parseGraph, type Graph } from '../src/graph';
import { corpusCatalog } from '../src/graph/corpus/catalog';

export const testGraphText = JSON.stringify({
  format: 'scoregraph',
  version: 1,
  name: 'Swiss roll — ünïcødé 🌀',
  description: 'A tiny test graph with <b>markup</b> & "quotes" in its text.',
  nodes: [
    { id: 'data', type: 'data.toy', params: { count: 500 }, position: [0, 10.5] },
    { id: 'sched', type: 'schedule.geometric', params: { sigmaMax: 3.25, levels: 8 }, position: [0, 200] },
    {
      id: 'fit',
      type: 'train.fit',
      label: 'Train ✓',
      params: { steps: 40, note: 'π ≈ 3.14' },
      position: [300, 80],
    },
    { id: 'sample', type: 'sample.langevin', params: {}, position: [600, 80], collapsed: true },
    { id: 'view', type: 'view.samples', params: {}, position: [900, 80] },
  ],
  edges: [
    { from: 'data.dataset', to: 'fit.dataset' },
    { from: 'sched.schedule', to: 'fit.schedule' },
    { from: 'fit.model', to: 'sample.model' },
    { from: 'sched.schedule', to: 'sample.schedule' },
    { from: 'sample.samples', to: 'view.samples' },
  ],
  view: { x: -12.5, y: 40, zoom: 0.8 },
});

export function testGraph(): Graph {
  const parsed = parseGraph(testGraphText, corpusCatalog);
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('\n'));
  return parsed.graph;
}
