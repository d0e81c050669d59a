/**
 * A viewer's image as a PNG file with the graph that made it inside (render/graph-png.ts: the one
 * format), or a plain image when that graph is not known: never another graph in its place.
 */
import type { Graph } from '../../graph';
import type { Provenance } from '../../runtime/provenance';
import type { DisplayPayload } from '../../nodes/display';
import { drawDisplay } from '../../render/draw-display';
import { graphPng } from '../../render/graph-png';
import { encodePng } from '../../render/png';

export function viewerPng(
  display: DisplayPayload,
  graph: Graph | null,
  provenance?: Provenance,
): Promise<Uint8Array> {
  const raster = drawDisplay(display);
  if (!graph) return encodePng(raster.width, raster.height, raster.rgba);
  return graphPng(raster, graph, provenance ? { ...provenance } : undefined);
}
