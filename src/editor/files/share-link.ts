/**
 * Share links: the graph, compact JSON compressed with zlib (its checksum catches a link cut
 * short) and base64url-encoded, in the URL fragment `#graph=…` — the fragment never reaches a
 * server. Opening a link goes through the same checks as opening a file.
 */
import { strFromU8, strToU8, zlibSync } from 'fflate';
import { LIMITS, serializeGraph, type Graph } from '../../graph';
import { fromBase64Url, toBase64Url } from './base64url';
import { inflateBounded } from '../../render/inflate-bounded';

export const SHARE_KEY = 'graph';
/** Longer links break in chat apps, mail clients and some servers' logs; offer the file instead. */
export const MAX_LINK_CHARS = 8_000;

export type ShareLink = { ok: true; url: string } | { ok: false; length: number; message: string };

/** The fragment (without '#') that carries `graph`. */
export function shareFragment(graph: Graph): string {
  const compact = JSON.stringify(JSON.parse(serializeGraph(graph)));
  return `${SHARE_KEY}=${toBase64Url(zlibSync(strToU8(compact), { level: 9 }))}`;
}

/** A link to `base` (the editor's own address) that opens `graph`, unless it is too long to share. */
export function shareLink(graph: Graph, base: string): ShareLink {
  const url = `${base.split('#')[0]}#${shareFragment(graph)}`;
  if (url.length <= MAX_LINK_CHARS) return { ok: true, url };
  return {
    ok: false,
    length: url.length,
    message: `This graph makes a link of ${url.length.toLocaleString('en')} characters; links over ${MAX_LINK_CHARS.toLocaleString('en')} often get cut off. Share the file instead (Save).`,
  };
}

/**
 * The graph JSON text a location hash carries: null when the hash holds no graph,
 * `{ message }` when it holds a broken one.
 */
export function graphTextFromHash(hash: string): { text: string } | { message: string } | null {
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
  const prefix = `${SHARE_KEY}=`;
  if (!fragment.startsWith(prefix)) return null;
  const bytes = fromBase64Url(fragment.slice(prefix.length));
  if (!bytes)
    return { message: 'The link is damaged: its graph part has characters a share link never has.' };
  const inflated = inflateBounded(bytes, LIMITS.fileChars * 4);
  if (!inflated) return { message: 'The link is damaged or cut short: its graph cannot be unpacked.' };
  try {
    return { text: strFromU8(inflated) };
  } catch {
    return { message: 'The link is damaged: its graph is not text.' };
  }
}
