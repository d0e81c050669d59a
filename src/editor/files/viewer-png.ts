/** A viewer's image as a PNG file with the graph inside (render/graph-png.ts: the one format). */
import type { Graph } from '../../graph';
import type { Provenance } from '../../runtime/provenance';
import type { DisplayPayload } from '../../nodes/display';
import { drawDisplay } from '../../render/draw-display';
import { graphPng } from '../../render/graph-png';

export function viewerPng(
  display: DisplayPayload,
  graph: Graph,
  provenance?: Provenance,
): Promise<Uint8Array> {
  return graphPng(drawDisplay(display), graph, provenance ? { ...provenance } : undefined);
}
