/** Positions for nodes a file leaves unplaced: columns by depth in the data flow, rows in file order. */
import { splitEndpoint, type Graph, type GraphNode } from '../../graph';

export const COLUMN = 320;
export const ROW = 240;

/** Depth of each node: 0 for sources, else one more than its deepest input. */
export function depths(graph: Graph): Map<string, number> {
  const inputs = new Map<string, string[]>();
  for (const e of graph.edges) {
    const from = splitEndpoint(e.from)?.nodeId;
    const to = splitEndpoint(e.to)?.nodeId;
    if (from && to) inputs.set(to, [...(inputs.get(to) ?? []), from]);
  }
  const depth = new Map<string, number>();
  const visiting = new Set<string>();
  const of = (id: string): number => {
    const known = depth.get(id);
    if (known !== undefined) return known;
    if (visiting.has(id)) return 0; // a cycle: the checks report it, layout just stops
    visiting.add(id);
    const d = Math.max(-1, ...(inputs.get(id) ?? []).map(of)) + 1;
    visiting.delete(id);
    depth.set(id, d);
    return d;
  };
  for (const n of graph.nodes) of(n.id);
  return depth;
}

/** The graph with every node placed; placed nodes keep their positions. Same object when all are placed. */
export function placeUnplaced(graph: Graph): Graph {
  if (graph.nodes.every((n) => n.position)) return graph;
  const depth = depths(graph);
  const rows = new Map<number, number>();
  const nodes = graph.nodes.map((node): GraphNode => {
    if (node.position) return node;
    const column = depth.get(node.id) ?? 0;
    const row = rows.get(column) ?? 0;
    rows.set(column, row + 1);
    return { ...node, position: [column * COLUMN, row * ROW] };
  });
  return { ...graph, nodes };
}
