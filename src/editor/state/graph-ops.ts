/**
 * Edits of the open graph as pure functions Graph → Graph. Each returns the same object when
 * nothing changes, so GraphDoc can skip empty undo steps. Results are frozen like parsed graphs.
 */
import { splitEndpoint, type Graph, type GraphEdge, type GraphNode, type Json } from '../../graph';

export type Position = readonly [number, number];

const freeze = <T extends object>(value: T): T => Object.freeze(value);

function withNodes(graph: Graph, nodes: readonly GraphNode[], edges = graph.edges): Graph {
  return freeze({ ...graph, nodes: freeze([...nodes]), edges: freeze([...edges]) });
}

function mapNode(graph: Graph, id: string, change: (node: GraphNode) => GraphNode): Graph {
  let changed = false;
  const nodes = graph.nodes.map((node) => {
    if (node.id !== id) return node;
    const next = change(node);
    if (next !== node) changed = true;
    return next;
  });
  return changed ? withNodes(graph, nodes) : graph;
}

export function addNodes(graph: Graph, nodes: readonly GraphNode[], edges: readonly GraphEdge[] = []): Graph {
  if (!nodes.length && !edges.length) return graph;
  return withNodes(graph, [...graph.nodes, ...nodes.map(freeze)], [...graph.edges, ...edges.map(freeze)]);
}

/** Removes nodes and every edge that touches them. */
export function removeNodes(graph: Graph, ids: Iterable<string>): Graph {
  const gone = new Set(ids);
  if (!graph.nodes.some((n) => gone.has(n.id))) return graph;
  const touches = (endpoint: string) => gone.has(splitEndpoint(endpoint)?.nodeId ?? '');
  return withNodes(
    graph,
    graph.nodes.filter((n) => !gone.has(n.id)),
    graph.edges.filter((e) => !touches(e.from) && !touches(e.to)),
  );
}

export function setParam(graph: Graph, id: string, key: string, value: Json): Graph {
  return mapNode(graph, id, (node) =>
    jsonEqual(node.params[key], value)
      ? node
      : freeze({ ...node, params: freeze({ ...node.params, [key]: value }) }),
  );
}

export function setCollapsed(graph: Graph, id: string, collapsed: boolean): Graph {
  return mapNode(graph, id, (node) => {
    if (!!node.collapsed === collapsed) return node;
    const next: { -readonly [K in keyof GraphNode]: GraphNode[K] } = { ...node };
    if (collapsed) next.collapsed = true;
    else delete next.collapsed;
    return freeze(next);
  });
}

export function setLabel(graph: Graph, id: string, label: string): Graph {
  return mapNode(graph, id, (node) => {
    const trimmed = label.trim();
    if ((node.label ?? '') === trimmed) return node;
    const next: { -readonly [K in keyof GraphNode]: GraphNode[K] } = { ...node };
    if (trimmed) next.label = trimmed;
    else delete next.label;
    return freeze(next);
  });
}

/** Moves nodes; positions equal to 0.01 (what the file keeps) count as unchanged. */
export function moveNodes(graph: Graph, positions: ReadonlyMap<string, Position>): Graph {
  let changed = false;
  const nodes = graph.nodes.map((node) => {
    const to = positions.get(node.id);
    if (!to || (node.position && samePosition(node.position, to))) return node;
    changed = true;
    return freeze({ ...node, position: freeze([round(to[0]), round(to[1])] as const) });
  });
  return changed ? withNodes(graph, nodes) : graph;
}

/** Wires `from` (node.output) to `to` (node.input); a wire already in that input is replaced. */
export function connect(graph: Graph, from: string, to: string): Graph {
  if (graph.edges.some((e) => e.from === from && e.to === to)) return graph;
  const edges = graph.edges.filter((e) => e.to !== to);
  return withNodes(graph, graph.nodes, [...edges, freeze({ from, to })]);
}

export function disconnect(graph: Graph, edges: Iterable<GraphEdge>): Graph {
  const keys = new Set([...edges].map(edgeKey));
  const kept = graph.edges.filter((e) => !keys.has(edgeKey(e)));
  return kept.length === graph.edges.length ? graph : withNodes(graph, graph.nodes, kept);
}

export function rename(graph: Graph, name: string): Graph {
  return graph.name === name ? graph : freeze({ ...graph, name });
}

/** A stable id for an edge: also the Rete connection id. */
export const edgeKey = (edge: GraphEdge): string => `${edge.from}>${edge.to}`;

const round = (v: number) => Math.round(v * 100) / 100;
const samePosition = (a: Position, b: Position) => round(a[0]) === round(b[0]) && round(a[1]) === round(b[1]);

export function jsonEqual(a: Json | undefined, b: Json | undefined): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((v, i) => jsonEqual(v, b[i]));
  const ao = a as Record<string, Json>;
  const bo = b as Record<string, Json>;
  const keys = Object.keys(ao);
  return keys.length === Object.keys(bo).length && keys.every((k) => k in bo && jsonEqual(ao[k], bo[k]));
}
