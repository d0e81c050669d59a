/** Writing a graph file: pretty-printed, stable key order, so saves diff cleanly and round-trip exactly. */
import type { Graph, GraphNode } from './types';

const TOP_ORDER = ['format', 'version', 'name', 'description', 'nodes', 'edges', 'view', 'meta'];
const NODE_ORDER = ['id', 'type', 'label', 'params', 'position', 'collapsed'];

export function serializeGraph(graph: Graph): string {
  const nodes = graph.nodes.map((n) =>
    ordered(n as unknown as Record<string, unknown>, NODE_ORDER, sortedParams(n)),
  );
  const top = ordered(graph as unknown as Record<string, unknown>, TOP_ORDER, {
    nodes,
    edges: graph.edges.map((e) => ({ from: e.from, to: e.to })),
  });
  return JSON.stringify(top, compactNumbers, 2) + '\n';
}

function sortedParams(node: GraphNode) {
  const params: Record<string, unknown> = {};
  for (const key of Object.keys(node.params).sort()) params[key] = node.params[key];
  return { params };
}

function ordered(obj: Record<string, unknown>, order: string[], overrides: Record<string, unknown>) {
  const out: Record<string, unknown> = {};
  for (const key of order) {
    const value = key in overrides ? overrides[key] : obj[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/**
 * Rounds positions and view numbers to 2 decimals; leaves params exact. A number that rounding
 * would turn to 0 (a zoom of 0.004) or to Infinity (1e307) is kept as is, so the file still loads.
 */
function compactNumbers(this: unknown, key: string, value: unknown) {
  if ((key === 'position' || key === 'view') && value && typeof value === 'object') {
    const round = (v: unknown) => {
      if (typeof v !== 'number') return v;
      const r = Math.round(v * 100) / 100;
      return Number.isFinite(r) && (r !== 0 || v === 0) ? r : v;
    };
    return Array.isArray(value)
      ? value.map(round)
      : Object.fromEntries(Object.entries(value).map(([k, v]) => [k, round(v)]));
  }
  return value;
}
