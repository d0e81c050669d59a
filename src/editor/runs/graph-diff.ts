/**
 * What changed between two graphs, in the terms a user edits: params, nodes and wires. Layout
 * (positions, view, collapsed cards, labels) is not a change: it does not alter what a run does.
 */
import type { Graph, Json } from '../../graph';
import { stableStringify } from '../../runtime/hash';

export type GraphChange =
  | { kind: 'param'; nodeId: string; param: string; before: Json | undefined; after: Json | undefined }
  | { kind: 'node-added' | 'node-removed'; nodeId: string; type: string }
  | { kind: 'wire-added' | 'wire-removed'; from: string; to: string };

export function diffGraphs(before: Graph, after: Graph): GraphChange[] {
  const changes: GraphChange[] = [];
  const old = new Map(before.nodes.map((n) => [n.id, n]));
  const now = new Map(after.nodes.map((n) => [n.id, n]));
  for (const [id, node] of old)
    if (!now.has(id) || now.get(id)!.type !== node.type)
      changes.push({ kind: 'node-removed', nodeId: id, type: node.type });
  for (const [id, node] of now) {
    const was = old.get(id);
    if (!was || was.type !== node.type) {
      changes.push({ kind: 'node-added', nodeId: id, type: node.type });
      continue;
    }
    const keys = new Set([...Object.keys(was.params), ...Object.keys(node.params)]);
    for (const param of [...keys].sort()) {
      const a = was.params[param];
      const b = node.params[param];
      if (stableStringify(a) !== stableStringify(b))
        changes.push({ kind: 'param', nodeId: id, param, before: a, after: b });
    }
  }
  const wire = (e: { from: string; to: string }) => `${e.from}→${e.to}`;
  const oldWires = new Set(before.edges.map(wire));
  const newWires = new Set(after.edges.map(wire));
  for (const e of before.edges) if (!newWires.has(wire(e))) changes.push({ kind: 'wire-removed', ...e });
  for (const e of after.edges) if (!oldWires.has(wire(e))) changes.push({ kind: 'wire-added', ...e });
  return changes;
}

/** One short line per change, e.g. `sampler.steps 100 → 200`, `+ view2 (view.images)`. */
export function describeChange(change: GraphChange): string {
  switch (change.kind) {
    case 'param':
      return `${change.nodeId}.${change.param} ${show(change.before)} → ${show(change.after)}`;
    case 'node-added':
      return `+ ${change.nodeId} (${change.type})`;
    case 'node-removed':
      return `− ${change.nodeId} (${change.type})`;
    case 'wire-added':
      return `+ wire ${change.from} → ${change.to}`;
    case 'wire-removed':
      return `− wire ${change.from} → ${change.to}`;
  }
}

/** A summary that fits a list row: the first changes, then how many more. */
export function summarizeChanges(changes: readonly GraphChange[], max = 2): string {
  if (!changes.length) return 'no changes';
  const head = changes.slice(0, max).map(describeChange).join('; ');
  return changes.length > max ? `${head}; +${changes.length - max} more` : head;
}

function show(value: Json | undefined): string {
  if (value === undefined) return '(default)';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 24 ? `${text.slice(0, 23)}…` : text;
}
