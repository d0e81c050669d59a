/**
 * A graph's content hash: what it computes (node ids, kinds, params, wires), not where its cards
 * sit or what it is called. The same hash in the editor's run history, summary.json, every PNG
 * and every checkpoint, so an output can be matched to the graph that made it.
 */
import type { Graph, Json } from '../graph';
import { hashString, stableStringify } from './hash';

/** The part of a graph that decides its results, in a canonical order. */
export function graphContent(graph: Graph): Json {
  return {
    nodes: [...graph.nodes]
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .map((n) => ({ id: n.id, type: n.type, params: n.params as Json })),
    edges: graph.edges.map((e) => `${e.from}→${e.to}`).sort(),
  };
}

export function graphHash(graph: Graph): string {
  return hashString(stableStringify(graphContent(graph)));
}
