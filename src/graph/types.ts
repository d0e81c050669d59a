/** The graph file format, version 1: plain data, never code. */

export const GRAPH_FORMAT = 'scoregraph';
export const GRAPH_VERSION = 1;

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface GraphNode {
  readonly id: string;
  readonly type: string;
  readonly params: Readonly<Record<string, Json>>;
  readonly position?: readonly [number, number];
  /** Optional display state the editor keeps (collapsed card, user label). */
  readonly collapsed?: boolean;
  readonly label?: string;
}

/** An edge from `nodeId.socket` to `nodeId.socket`. */
export interface GraphEdge {
  readonly from: string;
  readonly to: string;
}

export interface GraphView {
  readonly x: number;
  readonly y: number;
  readonly zoom: number;
}

export interface Graph {
  readonly format: typeof GRAPH_FORMAT;
  readonly version: number;
  readonly name: string;
  readonly description?: string;
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
  readonly view?: GraphView;
}

/** One problem found in a graph, in words a user understands, pointing at what it is about. */
export interface Problem {
  nodeId?: string;
  socket?: string;
  param?: string;
  message: string;
}

export type ParseResult = { ok: true; graph: Graph } | { ok: false; problems: Problem[] };

/** Splits `node.socket` into its parts; null when malformed. */
export function splitEndpoint(endpoint: string): { nodeId: string; socket: string } | null {
  const dot = endpoint.indexOf('.');
  if (dot <= 0 || dot === endpoint.length - 1) return null;
  return { nodeId: endpoint.slice(0, dot), socket: endpoint.slice(dot + 1) };
}

export const ID_PATTERN = /^[A-Za-z][A-Za-z0-9_-]*$/;
