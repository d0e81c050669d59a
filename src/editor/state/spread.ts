/**
 * Moves nodes down, just enough, so that no two cards overlap — for files whose positions were
 * written for smaller cards. Nodes keep their order and columns; a graph without overlaps is
 * returned as is.
 */
import type { Graph } from '../../graph';
import { moveNodes, type Position } from './graph-ops';

export interface Size {
  width: number;
  height: number;
}

export function spreadOverlaps(graph: Graph, sizes: ReadonlyMap<string, Size>, gap = 20): Graph {
  const order = [...graph.nodes].sort(
    (a, b) =>
      (a.position?.[1] ?? 0) - (b.position?.[1] ?? 0) || (a.position?.[0] ?? 0) - (b.position?.[0] ?? 0),
  );
  const placed: { x: number; y: number; w: number; h: number }[] = [];
  const moved = new Map<string, Position>();
  for (const node of order) {
    const size = sizes.get(node.id);
    const [x, y0] = node.position ?? [0, 0];
    if (!size) continue;
    let y = y0;
    for (let blocker = hit(); blocker; blocker = hit()) y = blocker.y + blocker.h + gap;
    placed.push({ x, y, w: size.width, h: size.height });
    if (y !== y0) moved.set(node.id, [x, y]);

    function hit() {
      return placed.find(
        (r) => x < r.x + r.w && x + size!.width > r.x && y < r.y + r.h + gap && y + size!.height + gap > r.y,
      );
    }
  }
  return moved.size ? moveNodes(graph, moved) : graph;
}
