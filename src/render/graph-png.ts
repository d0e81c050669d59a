/**
 * The one PNG-with-graph format, written by the CLI and the editor alike: an image whose iTXt
 * chunk "scoregraph" holds the graph file (UTF-8 JSON exactly as Save writes it), and whose iTXt
 * chunk "scoregraph-run" holds how the image was made (graph hash, seed, backend, versions).
 * Dropping the image on the editor brings the graph back. Older files still open: the CLI used to
 * write a Latin-1 tEXt chunk "scoregraph" with \u-escaped JSON, which is read when no iTXt is there.
 */
import { serializeGraph, type Graph, type Json } from '../graph';
import { encodePng } from './png';
import { readPngText } from './png-text';
import type { Raster } from './raster';

export const GRAPH_KEYWORD = 'scoregraph';
export const RUN_KEYWORD = 'scoregraph-run';

/** Encodes a raster as a PNG carrying `graph` and, when given, the run's provenance. */
export function graphPng(raster: Raster, graph: Graph, provenance?: Json): Promise<Uint8Array> {
  const chunks: Record<string, string> = { [GRAPH_KEYWORD]: serializeGraph(graph) };
  if (provenance !== undefined) chunks[RUN_KEYWORD] = JSON.stringify(provenance);
  return encodePng(raster.width, raster.height, raster.rgba, {}, chunks);
}

export type GraphPngRead =
  { ok: true; graphText: string; provenance: Json | null } | { ok: false; message: string };

/** The graph text (and provenance) inside a PNG, or a message saying why there is none. */
export function readGraphPng(bytes: Uint8Array): GraphPngRead {
  const read = readPngText(bytes);
  if (!read.ok) return read;
  // iTXt (UTF-8) over tEXt/zTXt (Latin-1) when both are there; the last one of a type wins.
  const pick = (keyword: string) => {
    const ours = read.texts.filter((t) => t.keyword === keyword).reverse();
    return ours.find((t) => t.type === 'iTXt') ?? ours[0];
  };
  const graph = pick(GRAPH_KEYWORD);
  if (!graph) {
    const comfy = read.texts.some((t) => t.keyword === 'workflow' || t.keyword === 'prompt');
    return {
      ok: false,
      message: comfy
        ? 'This PNG holds a ComfyUI workflow, not a scoregraph graph.'
        : 'This PNG has no scoregraph graph inside. Export an image from a viewer node to get one that has.',
    };
  }
  return { ok: true, graphText: graph.text, provenance: parseProvenance(pick(RUN_KEYWORD)?.text) };
}

/** Provenance is informative only: a damaged chunk reads as none rather than failing the graph. */
function parseProvenance(text: string | undefined): Json | null {
  if (text === undefined) return null;
  try {
    return JSON.parse(text) as Json;
  } catch {
    return null;
  }
}
