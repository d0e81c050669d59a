/**
 * Reads the text chunks of a PNG file (tEXt, zTXt, iTXt) without decoding its pixels: this is
 * where exported images carry their graph. Bytes from a dropped file are never trusted: every
 * length is bounds-checked, every CRC verified, and compressed text inflates to a bounded size.
 */
import { crc32 } from './png';
import { inflateBounded } from './inflate-bounded';

export const PNG_SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10] as const;

/** Largest text we inflate from one chunk (a graph file is at most 8 MB). */
const MAX_TEXT_BYTES = 16_000_000;
const MAX_CHUNKS = 10_000;

export interface PngText {
  type: 'tEXt' | 'zTXt' | 'iTXt';
  keyword: string;
  text: string;
}

export type PngTextResult = { ok: true; texts: PngText[] } | { ok: false; message: string };

export function isPng(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && PNG_SIGNATURE.every((b, i) => bytes[i] === b);
}

/** Every text chunk before IEND, in file order; a message when the file is not a readable PNG. */
export function readPngText(bytes: Uint8Array): PngTextResult {
  if (!isPng(bytes)) return { ok: false, message: 'This is not a PNG file.' };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const texts: PngText[] = [];
  let offset = 8;
  for (let count = 0; count < MAX_CHUNKS; count++) {
    if (offset + 12 > bytes.length) return { ok: false, message: 'The PNG file is cut short.' };
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
    if (length > bytes.length - offset - 12) return { ok: false, message: 'The PNG file is cut short.' };
    const data = bytes.subarray(offset + 8, offset + 8 + length);
    const stored = view.getUint32(offset + 8 + length);
    if ((crc32(bytes.subarray(offset + 4, offset + 8 + length)) ^ 0xffffffff) >>> 0 !== stored)
      return {
        ok: false,
        message: `The PNG file is damaged (bad checksum in its ${printable(type)} chunk).`,
      };
    if (type === 'IEND') return { ok: true, texts };
    if (type === 'tEXt' || type === 'zTXt' || type === 'iTXt') {
      const text = decodeTextChunk(type, data);
      if (typeof text === 'string') return { ok: false, message: text };
      texts.push(text);
    }
    offset += 12 + length;
  }
  return { ok: false, message: 'The PNG file has too many chunks.' };
}

/** A decoded chunk, or a message saying why it cannot be read. */
function decodeTextChunk(type: 'tEXt' | 'zTXt' | 'iTXt', data: Uint8Array): PngText | string {
  const end = data.indexOf(0);
  if (end < 1 || end > 79) return `The PNG file has a ${type} chunk without a valid keyword.`;
  const keyword = latin1(data.subarray(0, end));
  if (type === 'tEXt') return { type, keyword, text: latin1(data.subarray(end + 1)) };
  if (type === 'zTXt') {
    if (data[end + 1] !== 0) return `The PNG ${type} chunk "${keyword}" uses an unknown compression.`;
    const inflated = inflateBounded(data.subarray(end + 2), MAX_TEXT_BYTES);
    return inflated
      ? { type, keyword, text: latin1(inflated) }
      : `The PNG ${type} chunk "${keyword}" is damaged or too large.`;
  }
  // iTXt: keyword 0 flag method language 0 translated-keyword 0 text
  const compressed = data[end + 1];
  const method = data[end + 2];
  const languageEnd = data.indexOf(0, end + 3);
  const translatedEnd = languageEnd < 0 ? -1 : data.indexOf(0, languageEnd + 1);
  if (translatedEnd < 0 || (compressed !== 0 && compressed !== 1) || (compressed === 1 && method !== 0))
    return `The PNG iTXt chunk "${keyword}" is malformed.`;
  const body = data.subarray(translatedEnd + 1);
  const raw = compressed ? inflateBounded(body, MAX_TEXT_BYTES) : body;
  if (!raw) return `The PNG iTXt chunk "${keyword}" is damaged or too large.`;
  const text = utf8(raw);
  return text === null ? `The PNG iTXt chunk "${keyword}" is not valid UTF-8.` : { type, keyword, text };
}

function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 8192)
    s += String.fromCharCode(...bytes.subarray(i, Math.min(bytes.length, i + 8192)));
  return s;
}

function utf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function printable(type: string): string {
  return /^[A-Za-z]{4}$/.test(type) ? type : 'unknown';
}
