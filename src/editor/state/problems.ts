/** Live checking: the compile problems of the open graph, grouped by the node they name. */
import type { Graph, Problem } from '../../graph';
import type { NodeRegistry } from '../../nodes/registry';
import { compile } from '../../runtime/compile';
import { KeyedStore, Store } from './store';

export interface ProblemSummary {
  /** Every problem, in compile order. */
  all: Problem[];
  /** Problems that name no node (or a node not in the graph). */
  general: Problem[];
}

export function groupProblems(graph: Graph, problems: readonly Problem[]): Map<string, Problem[]> {
  const ids = new Set(graph.nodes.map((n) => n.id));
  const byNode = new Map<string, Problem[]>();
  for (const p of problems) {
    if (!p.nodeId || !ids.has(p.nodeId)) continue;
    byNode.set(p.nodeId, [...(byNode.get(p.nodeId) ?? []), p]);
  }
  return byNode;
}

export class LiveProblems {
  readonly byNode = new KeyedStore<Problem[]>();
  readonly summary = new Store<ProblemSummary>({ all: [], general: [] });

  constructor(private readonly registry: NodeRegistry) {}

  /** Recompiles `graph` (pure and fast: no tfjs) and publishes what changed. */
  check(graph: Graph): void {
    let problems: Problem[];
    try {
      const result = compile(graph, this.registry);
      problems = result.ok ? [] : result.problems;
    } catch (error) {
      // A kind's infer() threw something other than an InferError: show it, do not crash the editor.
      problems = [
        { message: `Checking the graph failed: ${error instanceof Error ? error.message : String(error)}` },
      ];
    }
    const grouped = groupProblems(graph, problems);
    const next = new Map<string, Problem[]>();
    for (const [id, list] of grouped) {
      const before = this.byNode.get(id);
      next.set(id, before && sameProblems(before, list) ? before : list);
    }
    this.byNode.replaceAll(next);
    const ids = new Set(graph.nodes.map((n) => n.id));
    this.summary.set({ all: problems, general: problems.filter((p) => !p.nodeId || !ids.has(p.nodeId)) });
  }
}

const sameProblems = (a: Problem[], b: Problem[]) =>
  a.length === b.length &&
  a.every((p, i) => p.message === b[i].message && p.param === b[i].param && p.socket === b[i].socket);
