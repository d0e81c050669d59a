/** The graph the editor opens with: the default preset `graphs/toy-swissroll.json`, bundled at build time. */
import { parseGraph, type Graph, type Problem } from '../../graph';
import type { NodeRegistry } from '../../nodes/registry';
import { emptyGraph } from '../state/empty-graph';

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
  const text = bundledPresets().get(DEFAULT_PRESET);
  if (text === undefined) return { graph: emptyGraph(), problems: [] };
  const result = parseGraph(text, registry);
  return result.ok
    ? { graph: result.graph, problems: [] }
    : { graph: emptyGraph(), problems: result.problems };
}
