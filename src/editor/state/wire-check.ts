/**
 * Whether a wire may be drawn, and if not, a short reason for the user. Used as the wire is
 * dragged (to dim targets), when it is dropped, and by the veto on every connection Rete adds.
 */
import {
  findCycle,
  own,
  splitEndpoint,
  socketsCompatible,
  type Graph,
  type KindCatalog,
  type SocketType,
} from '../../graph';

export interface WireEnd {
  nodeId: string;
  socket: string;
}

/** The socket type of a node's input or output, when both exist. */
export function socketType(
  graph: Graph,
  catalog: KindCatalog,
  end: WireEnd,
  side: 'input' | 'output',
): SocketType | undefined {
  const node = graph.nodes.find((n) => n.id === end.nodeId);
  const kind = node && catalog.get(node.type);
  if (!kind) return undefined;
  return own(side === 'input' ? kind.inputs : kind.outputs, end.socket)?.type;
}

/** Null when `from` (an output) may feed `to` (an input); otherwise why not, in a few words. */
export function wireProblem(graph: Graph, catalog: KindCatalog, from: WireEnd, to: WireEnd): string | null {
  const outType = socketType(graph, catalog, from, 'output');
  const inType = socketType(graph, catalog, to, 'input');
  if (!outType) return `"${from.nodeId}" has no output "${from.socket}".`;
  if (!inType) return `"${to.nodeId}" has no input "${to.socket}".`;
  if (!socketsCompatible(outType, inType))
    return `Wrong type: "${to.socket}" takes a ${inType}, not a ${outType}.`;
  if (from.nodeId === to.nodeId) return 'A node cannot feed itself.';
  const cycle = cycleWith(graph, from.nodeId, to);
  if (cycle) return `That would make a loop: ${[...cycle, cycle[0]].join(' → ')}. Data must flow one way.`;
  return null;
}

/** The cycle the new wire would close, if any (the wire replaced in `to` is left out). */
function cycleWith(graph: Graph, fromNode: string, to: WireEnd): string[] | null {
  const target = `${to.nodeId}.${to.socket}`;
  const adjacency = new Map<string, string[]>();
  const link = (a: string, b: string) => adjacency.set(a, [...(adjacency.get(a) ?? []), b]);
  for (const edge of graph.edges) {
    if (edge.to === target) continue;
    const a = splitEndpoint(edge.from);
    const b = splitEndpoint(edge.to);
    if (a && b) link(a.nodeId, b.nodeId);
  }
  link(fromNode, to.nodeId);
  return findCycle([fromNode], adjacency);
}

/** Keys of a kind's sockets on `side` that take (input) or give (output) `type`. */
export function matchingSockets(
  kind: { inputs: Record<string, { type: SocketType }>; outputs: Record<string, { type: SocketType }> },
  side: 'input' | 'output',
  type: SocketType,
): string[] {
  const sockets = side === 'input' ? kind.inputs : kind.outputs;
  return Object.keys(sockets).filter((key) =>
    side === 'input'
      ? socketsCompatible(type, sockets[key].type)
      : socketsCompatible(sockets[key].type, type),
  );
}
