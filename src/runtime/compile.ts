/**
 * compile(): graph → plan (topological order, resolved params, wiring, inferred metas) or every
 * problem at once, each on the node it concerns. Pure and tfjs-free: the editor runs it live.
 */
import {
  checkGraph,
  own,
  splitEndpoint,
  type Graph,
  type Json,
  type Problem,
  type SocketSpec,
} from '../graph';
import { InferError, type AnyNodeKind } from '../nodes/define';
import type { Meta } from '../nodes/sockets';
import type { NodeRegistry } from '../nodes/registry';
import { resolveParams } from '../nodes/resolve-params';

export interface PlanStep {
  nodeId: string;
  kind: AnyNodeKind;
  params: Record<string, Json>;
  /** Input socket → the upstream node and output socket that feeds it. */
  inputs: Record<string, { nodeId: string; socket: string }>;
  /** Inferred metas of this node's outputs. */
  outputs: Record<string, Meta>;
}

export interface Plan {
  graph: Graph;
  steps: PlanStep[];
}

export type CompileResult = { ok: true; plan: Plan } | { ok: false; problems: Problem[] };

export interface CompileOptions {
  /** Only these nodes and everything upstream of them (default: the whole graph). */
  targets?: readonly string[];
  /** The backend the plan will run on, when known: checks that depend on it (memory) run too. */
  backend?: string;
}

export function compile(graph: Graph, registry: NodeRegistry, options: CompileOptions = {}): CompileResult {
  const problems = checkGraph(graph, registry);
  if (problems.length) return { ok: false, problems };

  const wiring = new Map<string, Record<string, { nodeId: string; socket: string }>>();
  for (const node of graph.nodes) wiring.set(node.id, Object.create(null));
  for (const edge of graph.edges) {
    const from = splitEndpoint(edge.from)!;
    const to = splitEndpoint(edge.to)!;
    wiring.get(to.nodeId)![to.socket] = from;
  }

  const nodes = selectNodes(graph, wiring, options.targets);
  const order = topologicalOrder(
    nodes.map((n) => n.id),
    wiring,
  );
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const steps: PlanStep[] = [];
  const metas = new Map<string, Record<string, Meta>>();

  for (const id of order) {
    const node = byId.get(id)!;
    const kind = registry.get(node.type)!;
    const inputs = wiring.get(id)!;
    let blocked = false;
    for (const [socket, spec] of Object.entries(kind.inputs as Record<string, SocketSpec>)) {
      const source = own(inputs, socket);
      if (!source && !spec.optional) {
        problems.push({
          nodeId: id,
          socket,
          message: `Node "${id}": input "${socket}" is not connected (it needs a ${spec.type}).`,
        });
        blocked = true;
      } else if (source && !metas.has(source.nodeId)) blocked = true; // upstream already failed
    }
    if (blocked) continue;
    const params = resolveParams(kind.params, node.params) as Record<string, Json>;
    const inputMetas: Record<string, Meta | undefined> = {};
    for (const socket of Object.keys(kind.inputs)) {
      const source = own(inputs, socket);
      inputMetas[socket] = source ? metas.get(source.nodeId)![source.socket] : undefined;
    }
    try {
      const out = kind.infer({ nodeId: id, params, inputs: inputMetas, backend: options.backend });
      const withSource: Record<string, Meta> = {};
      for (const socket of Object.keys(kind.outputs))
        withSource[socket] = { ...out[socket], source: id } as Meta;
      metas.set(id, withSource);
      steps.push({ nodeId: id, kind, params, inputs: { ...inputs }, outputs: withSource });
    } catch (error) {
      if (!(error instanceof InferError)) throw error;
      problems.push({ nodeId: id, ...error.detail, message: error.message });
    }
  }
  return problems.length ? { ok: false, problems } : { ok: true, plan: { graph, steps } };
}

type Wiring = Map<string, Record<string, { nodeId: string; socket: string }>>;

function selectNodes(graph: Graph, wiring: Wiring, targets?: readonly string[]) {
  if (!targets) return graph.nodes;
  const keep = new Set<string>();
  const stack = [...targets];
  while (stack.length) {
    const id = stack.pop()!;
    if (keep.has(id) || !wiring.has(id)) continue;
    keep.add(id);
    for (const source of Object.values(wiring.get(id)!)) stack.push(source.nodeId);
  }
  return graph.nodes.filter((n) => keep.has(n.id));
}

/** Kahn's algorithm, ties broken by file order so runs are reproducible. The graph is acyclic here. */
function topologicalOrder(ids: string[], wiring: Wiring): string[] {
  const included = new Set(ids);
  const indegree = new Map(ids.map((id) => [id, 0]));
  const children = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const id of ids) {
    for (const source of Object.values(wiring.get(id)!)) {
      if (!included.has(source.nodeId)) continue;
      indegree.set(id, indegree.get(id)! + 1);
      children.get(source.nodeId)!.push(id);
    }
  }
  const ready = ids.filter((id) => indegree.get(id) === 0);
  const order: string[] = [];
  while (ready.length) {
    const id = ready.shift()!;
    order.push(id);
    for (const child of children.get(id)!) {
      indegree.set(child, indegree.get(child)! - 1);
      if (indegree.get(child) === 0) ready.push(child);
    }
  }
  return order;
}
