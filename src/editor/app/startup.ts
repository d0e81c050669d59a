/**
 * The graph the editor opens with: the default preset `graphs/toy-swissroll.json` (bundled at
 * build time), else a built-in copy of the same pipeline, else an empty graph.
 */
import { parseGraph, type Graph, type Problem } from '../../graph';
import type { NodeRegistry } from '../../nodes/registry';
import { emptyGraph } from '../state/empty-graph';
import { DEFAULT_GRAPH } from './default-graph';

const presets = import.meta.glob<string>('../../../graphs/*.json', {
  eager: true,
  query: '?raw',
  import: 'default',
});

export const DEFAULT_PRESET = 'toy-swissroll';

/** Bundled preset texts by name (file name without .json). */
export function bundledPresets(): Map<string, string> {
  return new Map(Object.entries(presets).map(([path, text]) => [path.replace(/^.*\/|\.json$/g, ''), text]));
}

export function startupGraph(registry: NodeRegistry): { graph: Graph; problems: Problem[] } {
  const text = bundledPresets().get(DEFAULT_PRESET) ?? JSON.stringify(DEFAULT_GRAPH);
  const result = parseGraph(text, registry);
  return result.ok
    ? { graph: result.graph, problems: [] }
    : { graph: emptyGraph(), problems: result.problems };
}
