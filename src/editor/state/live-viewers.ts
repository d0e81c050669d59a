/**
 * A viewer downstream of a running node shows what that node streams (issue 12 item 2): a loss
 * preview from train.fit reaches the loss viewers wired to its Losses output while training runs,
 * long before the viewer itself runs.
 */
import { splitEndpoint, type Graph } from '../../graph';
import type { DisplayPayload } from '../../nodes/display';
import type { NodeRegistry } from '../../nodes/registry';

/** The viewers that should show `display`, previewed by `sourceId`, and what each shows. */
export function liveViewerDisplays(
  graph: Graph,
  registry: NodeRegistry,
  sourceId: string,
  display: DisplayPayload,
): { viewerId: string; display: DisplayPayload }[] {
  if (display.kind !== 'loss') return [];
  const out: { viewerId: string; display: DisplayPayload }[] = [];
  for (const edge of graph.edges) {
    const from = splitEndpoint(edge.from);
    const to = splitEndpoint(edge.to);
    if (!from || !to || from.nodeId !== sourceId) continue;
    const viewer = graph.nodes.find((n) => n.id === to.nodeId);
    const kind = viewer && registry.get(viewer.type);
    if (!viewer || !kind?.view || kind.inputs[to.socket]?.type !== 'Losses') continue;
    // view.loss draws the per-level bars only when asked; the live copy follows that choice.
    const { perLevel: _levels, sigmas: _sigmas, ...plain } = display;
    const live: DisplayPayload = viewer.params.perLevel ? display : plain;
    out.push({ viewerId: viewer.id, display: { ...live, caption: `live · ${display.caption ?? ''}` } });
  }
  return out;
}
