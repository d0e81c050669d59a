/** Graph-level checks of a structurally valid graph against the known node kinds. */
import { closest } from './closest';
import { own, type KindCatalog, type KindSpec } from './kinds';
import { checkParam } from './params';
import { socketsCompatible } from './sockets';
import { splitEndpoint, type Graph, type Json, type Problem } from './types';

/**
 * Every problem in `graph` at once: duplicate ids, unknown kinds, sockets and params, bad
 * param values, edges between mismatched socket types, a second edge into one input, cycles.
 */
export function checkGraph(graph: Graph, catalog: KindCatalog): Problem[] {
  const problems: Problem[] = [];
  const kinds = new Map<string, KindSpec>();
  const seen = new Set<string>();

  for (const node of graph.nodes) {
    if (seen.has(node.id)) {
      problems.push({ nodeId: node.id, message: `Two nodes share the id "${node.id}"; ids must be unique.` });
      continue;
    }
    seen.add(node.id);
    const kind = catalog.get(node.type);
    if (!kind) {
      const guess = closest(node.type, catalog.types());
      problems.push({
        nodeId: node.id,
        message: `Node "${node.id}" has unknown type "${node.type}".${guess ? ` Did you mean "${guess}"?` : ''}`,
      });
      continue;
    }
    kinds.set(node.id, kind);
    problems.push(...checkParams(node.id, kind, node.params));
  }

  const fed = new Map<string, string>();
  const adjacency = new Map<string, string[]>();
  for (const edge of graph.edges) {
    const from = splitEndpoint(edge.from);
    const to = splitEndpoint(edge.to);
    if (!from || !to) {
      problems.push({
        message: `The edge "${edge.from}" → "${edge.to}" must name both ends as "node.socket".`,
      });
      continue;
    }
    const fromKind = kinds.get(from.nodeId);
    const toKind = kinds.get(to.nodeId);
    if (!seen.has(from.nodeId) || !seen.has(to.nodeId)) {
      const missing = !seen.has(from.nodeId) ? from.nodeId : to.nodeId;
      problems.push({
        message: `The edge "${edge.from}" → "${edge.to}" names node "${missing}", which does not exist.`,
      });
      continue;
    }
    if (!fromKind || !toKind) continue; // the unknown type is reported already
    const out = own(fromKind.outputs, from.socket);
    const inp = own(toKind.inputs, to.socket);
    if (!out) {
      problems.push({
        nodeId: from.nodeId,
        socket: from.socket,
        message: unknownSocket(from.nodeId, fromKind, from.socket, 'output'),
      });
      continue;
    }
    if (!inp) {
      problems.push({
        nodeId: to.nodeId,
        socket: to.socket,
        message: unknownSocket(to.nodeId, toKind, to.socket, 'input'),
      });
      continue;
    }
    if (!socketsCompatible(out.type, inp.type)) {
      problems.push({
        nodeId: to.nodeId,
        socket: to.socket,
        message: `Cannot connect ${edge.from} (${out.type}) to ${edge.to} (${inp.type}): the types differ.`,
      });
      continue;
    }
    const previous = fed.get(edge.to);
    if (previous) {
      problems.push({
        nodeId: to.nodeId,
        socket: to.socket,
        message: `Input ${edge.to} already has an edge from ${previous}; an input takes one edge (this one is from ${edge.from}).`,
      });
      continue;
    }
    fed.set(edge.to, edge.from);
    adjacency.set(from.nodeId, [...(adjacency.get(from.nodeId) ?? []), to.nodeId]);
  }

  const cycle = findCycle([...seen], adjacency);
  if (cycle) {
    problems.push({
      nodeId: cycle[0],
      message: `The graph has a cycle: ${[...cycle, cycle[0]].join(' → ')}. Data must flow one way.`,
    });
  }
  return problems;
}

function unknownSocket(nodeId: string, kind: KindSpec, socket: string, side: 'input' | 'output'): string {
  const names = Object.keys(side === 'input' ? kind.inputs : kind.outputs);
  const guess = closest(socket, names);
  const list = names.length ? `It has: ${names.join(', ')}.` : `It has no ${side}s.`;
  return `Node "${nodeId}" (${kind.type}) has no ${side} "${socket}".${guess ? ` Did you mean "${guess}"?` : ''} ${list}`;
}

/** Unknown params and values that do not fit their declaration. Missing params take defaults. */
export function checkParams(
  nodeId: string,
  kind: KindSpec,
  params: Readonly<Record<string, Json>>,
): Problem[] {
  const problems: Problem[] = [];
  for (const key of Object.keys(params)) {
    const spec = own(kind.params, key);
    if (!spec) {
      const guess = closest(key, Object.keys(kind.params));
      problems.push({
        nodeId,
        param: key,
        message: `Node "${nodeId}" (${kind.type}) has no param "${key}".${guess ? ` Did you mean "${guess}"?` : ''}`,
      });
      continue;
    }
    const message = checkParam(spec, params[key]);
    if (message)
      problems.push({ nodeId, param: key, message: `Node "${nodeId}": ${spec.label ?? key} ${message}.` });
  }
  return problems;
}

/** A cycle as a list of node ids, or null. Iterative DFS so huge graphs cannot overflow the stack. */
export function findCycle(
  ids: readonly string[],
  adjacency: ReadonlyMap<string, readonly string[]>,
): string[] | null {
  const state = new Map<string, 1 | 2>(); // 1 = on the current path, 2 = finished
  for (const start of ids) {
    if (state.has(start)) continue;
    const path: string[] = [];
    const stack: Array<{ id: string; next: number }> = [{ id: start, next: 0 }];
    state.set(start, 1);
    path.push(start);
    while (stack.length) {
      const top = stack[stack.length - 1];
      const targets = adjacency.get(top.id) ?? [];
      if (top.next < targets.length) {
        const target = targets[top.next++];
        const s = state.get(target);
        if (s === 1) return path.slice(path.indexOf(target));
        if (s === undefined) {
          state.set(target, 1);
          path.push(target);
          stack.push({ id: target, next: 0 });
        }
      } else {
        state.set(top.id, 2);
        path.pop();
        stack.pop();
      }
    }
  }
  return null;
}
