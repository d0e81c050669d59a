/** Auto-arrange: a left-to-right layered layout by elkjs, loaded only when first asked for (~1.4 MB). */
import { splitEndpoint, type Graph } from '../../graph';

type Size = { width: number; height: number };

export async function arrange(
  graph: Graph,
  sizes: ReadonlyMap<string, Size>,
): Promise<Map<string, readonly [number, number]>> {
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  const elk = new ELK();
  const layout = await elk.layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.spacing.nodeNode': '40',
      'elk.layered.spacing.nodeNodeBetweenLayers': '80',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
    },
    children: graph.nodes.map((n) => ({ id: n.id, ...(sizes.get(n.id) ?? { width: 248, height: 160 }) })),
    edges: graph.edges.map((e, i) => ({
      id: `e${i}`,
      sources: [splitEndpoint(e.from)!.nodeId],
      targets: [splitEndpoint(e.to)!.nodeId],
    })),
  });
  return new Map((layout.children ?? []).map((c) => [c.id, [c.x ?? 0, c.y ?? 0] as const]));
}
