/**
 * Reconciles the Rete editor with a Graph: removes what is gone, adds what is new, updates what
 * changed. Every document change (edits, undo, paste, load) reaches the canvas this one way.
 * Requests are queued and coalesced: the canvas always ends on the latest graph.
 */
import type { NodeEditor } from 'rete';
import type { Graph, GraphNode } from '../../graph';
import { splitEndpoint } from '../../graph';
import type { NodeRegistry } from '../../nodes/registry';
import { edgeKey } from '../state/graph-ops';
import { SgConnection, SgNode, type Schemes } from './scheme';
import type { Area } from './signals';

export class ViewSync {
  private pending: Graph | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly editor: NodeEditor<Schemes>,
    private readonly area: Area,
    private readonly registry: NodeRegistry,
  ) {}

  /** Brings the canvas to `graph`; resolves once it shows it (or a later graph). */
  show(graph: Graph): Promise<void> {
    this.pending = graph;
    this.running ??= this.drain().finally(() => (this.running = null));
    return this.running;
  }

  /** Resolves when no reconciliation is in progress. */
  async settled(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    while (this.pending) {
      const graph = this.pending;
      this.pending = null;
      await this.apply(graph);
    }
  }

  private async apply(graph: Graph): Promise<void> {
    const { editor, area } = this;
    const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
    const edges = new Map(graph.edges.map((e) => [edgeKey(e), e]));

    // Wires first: Rete keeps a removed node's wires otherwise.
    for (const c of editor.getConnections()) {
      const stale =
        !edges.has(c.id) ||
        nodes.get(c.source)?.type !== editor.getNode(c.source)?.data.type ||
        nodes.get(c.target)?.type !== editor.getNode(c.target)?.data.type;
      if (stale) await editor.removeConnection(c.id);
    }
    for (const node of editor.getNodes())
      if (nodes.get(node.id)?.type !== node.data.type) await editor.removeNode(node.id);

    for (const data of graph.nodes) {
      const existing = editor.getNode(data.id);
      if (!existing) {
        const node = new SgNode(data, this.registry.get(data.type));
        await editor.addNode(node);
        await area.translate(node.id, positionOf(data));
      } else if (existing.data !== data) {
        const before = existing.data;
        existing.data = data;
        if (
          before.label !== data.label ||
          before.params !== data.params ||
          before.collapsed !== data.collapsed
        )
          await area.update('node', data.id);
        const view = area.nodeViews.get(data.id);
        const to = positionOf(data);
        if (view && (view.position.x !== to.x || view.position.y !== to.y)) await area.translate(data.id, to);
      }
    }

    const have = new Set(editor.getConnections().map((c) => c.id));
    for (const [id, edge] of edges) {
      if (have.has(id)) continue;
      const from = splitEndpoint(edge.from);
      const to = splitEndpoint(edge.to);
      const source = from && editor.getNode(from.nodeId);
      const target = to && editor.getNode(to.nodeId);
      if (!source || !target || !source.outputs[from.socket] || !target.inputs[to.socket]) continue;
      const connection = new SgConnection(source, from.socket, target, to.socket);
      connection.id = id;
      await editor.addConnection(connection);
    }
  }
}

export function positionOf(node: GraphNode): { x: number; y: number } {
  return { x: node.position?.[0] ?? 0, y: node.position?.[1] ?? 0 };
}
