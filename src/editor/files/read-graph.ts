/**
 * One way in for every graph the user brings — a picked or dropped file (JSON or a PNG with the
 * graph inside), pasted text, a share link: bytes or text in, a checked graph or every problem
 * out. Nothing here touches the open graph; the caller decides what to do with the result.
 */
import { LIMITS, parseGraph, type KindCatalog, type ParseResult } from '../../graph';
import { readGraphPng } from '../../render/graph-png';
import { isPng } from '../../render/png-text';

/** A graph from the bytes of a file named `name`: PNG files by their signature, the rest as JSON text. */
export function graphFromBytes(bytes: Uint8Array, name: string, catalog: KindCatalog): ParseResult {
  if (isPng(bytes)) return graphFromPng(bytes, catalog);
  // A graph file is at most LIMITS.fileChars characters; UTF-8 needs at most 3 bytes for each.
  if (bytes.length > LIMITS.fileChars * 3)
    return fail(
      `"${shortName(name)}" is too large (${(bytes.length / 1e6).toFixed(1)} MB; a graph file is at most ${LIMITS.fileChars / 1e6} MB).`,
    );
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail(
      `"${shortName(name)}" is not a text file, so it cannot be a graph (graphs are .json files or PNGs exported by scoregraph).`,
    );
  }
  return graphFromText(text, catalog);
}

/** A graph from JSON text (a file's content, the clipboard, a link). */
export function graphFromText(text: string, catalog: KindCatalog): ParseResult {
  return parseGraph(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, catalog);
}

/** The graph embedded in a PNG exported by a viewer (editor or CLI; see render/graph-png.ts). */
export function graphFromPng(bytes: Uint8Array, catalog: KindCatalog): ParseResult {
  const read = readGraphPng(bytes);
  return read.ok ? graphFromText(read.graphText, catalog) : fail(read.message);
}

const shortName = (name: string) => (name.length > 60 ? name.slice(0, 57) + '…' : name);

function fail(message: string): ParseResult {
  return { ok: false, problems: [{ message }] };
}
