/**
 * A viewer's image as a PNG file with the graph inside (an iTXt chunk "scoregraph", UTF-8 JSON
 * exactly as Save writes it): dropping the image on the editor brings the graph back.
 */
import { serializeGraph, type Graph } from '../../graph';
import type { DisplayPayload } from '../../nodes/display';
import { drawDisplay } from '../../runtime/render/draw-display';
import { encodePng } from '../../runtime/render/png';
import { PNG_GRAPH_KEYWORD } from './read-graph';

export async function viewerPng(display: DisplayPayload, graph: Graph): Promise<Uint8Array> {
  const raster = drawDisplay(display);
  return encodePng(
    raster.width,
    raster.height,
    raster.rgba,
    {},
    { [PNG_GRAPH_KEYWORD]: serializeGraph(graph) },
  );
}
