/**
 * Copy / paste / duplicate as pure functions: a fragment is the chosen nodes plus the wires
 * between them; pasting gives every node a fresh id and keeps those internal wires.
 */
import { splitEndpoint, type Graph, type GraphEdge, type GraphNode } from '../../graph';
import { addNodes } from './graph-ops';
import { baseId, freshId } from './ids';

export const CLIP_FORMAT = 'scoregraph-clip';

export interface Fragment {
  format: typeof CLIP_FORMAT;
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export function copyFragment(graph: Graph, ids: Iterable<string>): Fragment {
  const chosen = new Set(ids);
  const inside = (endpoint: string) => chosen.has(splitEndpoint(endpoint)?.nodeId ?? '');
  return {
    format: CLIP_FORMAT,
    nodes: graph.nodes.filter((n) => chosen.has(n.id)).map((n) => structuredClone(n) as GraphNode),
    edges: graph.edges.filter((e) => inside(e.from) && inside(e.to)).map((e) => ({ ...e })),
  };
}

/**
 * Adds a fragment's nodes with fresh ids. `at` places the fragment's top-left corner; without
 * it the nodes keep their positions shifted by `offset`.
 */
export function pasteFragment(
  graph: Graph,
  fragment: Fragment,
  place: { at?: readonly [number, number]; offset?: readonly [number, number] },
): { graph: Graph; ids: string[] } {
  if (!fragment.nodes.length) return { graph, ids: [] };
  const taken = new Set(graph.nodes.map((n) => n.id));
  const rename = new Map<string, string>();
  for (const node of fragment.nodes) rename.set(node.id, freshId(baseId(node.id), taken));
  const left = Math.min(...fragment.nodes.map((n) => n.position?.[0] ?? 0));
  const top = Math.min(...fragment.nodes.map((n) => n.position?.[1] ?? 0));
  const [dx, dy] = place.at ? [place.at[0] - left, place.at[1] - top] : (place.offset ?? [40, 40]);
  const nodes = fragment.nodes.map((node): GraphNode => ({
    ...structuredClone(node),
    id: rename.get(node.id)!,
    position: [(node.position?.[0] ?? 0) + dx, (node.position?.[1] ?? 0) + dy],
  }));
  const remap = (endpoint: string) => {
    const end = splitEndpoint(endpoint)!;
    return `${rename.get(end.nodeId)}.${end.socket}`;
  };
  const edges = fragment.edges
    .filter(
      (e) => rename.has(splitEndpoint(e.from)?.nodeId ?? '') && rename.has(splitEndpoint(e.to)?.nodeId ?? ''),
    )
    .map((e) => ({ from: remap(e.from), to: remap(e.to) }));
  return { graph: addNodes(graph, nodes, edges), ids: nodes.map((n) => n.id) };
}

/** A fragment read from clipboard text, or null when the text is not one. Checked by the caller. */
export function parseFragment(text: string): Fragment | null {
  try {
    const value = JSON.parse(text) as Partial<Fragment>;
    if (value?.format !== CLIP_FORMAT || !Array.isArray(value.nodes) || !Array.isArray(value.edges))
      return null;
    return value as Fragment;
  } catch {
    return null;
  }
}
