/** A small PNG encoder (RGBA, 8 bit) with optional tEXt chunks, using the platform's deflate. */

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array, crc = 0xffffffff): number {
  for (let i = 0; i < bytes.length; i++) crc = CRC_TABLE[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return crc;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, (crc32(out.subarray(4, 8 + data.length)) ^ 0xffffffff) >>> 0);
  return out;
}

async function deflate(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data as BlobPart]).stream().pipeThrough(new CompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * Encodes RGBA pixels as a PNG file. `text` entries become tEXt chunks (Latin-1 keyword and value);
 * `itxt` entries become zlib-compressed iTXt chunks (Latin-1 keyword, UTF-8 value of any size).
 */
export async function encodePng(
  width: number,
  height: number,
  rgba: Uint8ClampedArray | Uint8Array,
  text: Record<string, string> = {},
  itxt: Record<string, string> = {},
): Promise<Uint8Array> {
  const raw = new Uint8Array((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    raw.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  }
  const header = new Uint8Array(13);
  const hv = new DataView(header.buffer);
  hv.setUint32(0, width);
  hv.setUint32(4, height);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, deflate, no filter, no interlace
  const parts = [new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header)];
  for (const [keyword, value] of Object.entries(text)) {
    const bytes = new Uint8Array(keyword.length + 1 + value.length);
    for (let i = 0; i < keyword.length; i++) bytes[i] = keyword.charCodeAt(i) & 0xff;
    for (let i = 0; i < value.length; i++) bytes[keyword.length + 1 + i] = value.charCodeAt(i) & 0xff;
    parts.push(chunk('tEXt', bytes));
  }
  for (const [keyword, value] of Object.entries(itxt))
    parts.push(chunk('iTXt', await itxtData(keyword, value)));
  parts.push(chunk('IDAT', await deflate(raw)), chunk('IEND', new Uint8Array(0)));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

/** iTXt: keyword, 0, compressed (1), method 0 (zlib), empty language tag and translated keyword, text. */
async function itxtData(keyword: string, value: string): Promise<Uint8Array> {
  const text = await deflate(new TextEncoder().encode(value));
  const head = new Uint8Array(keyword.length + 5);
  for (let i = 0; i < keyword.length; i++) head[i] = keyword.charCodeAt(i) & 0xff;
  head.set([0, 1, 0, 0, 0], keyword.length);
  const out = new Uint8Array(head.length + text.length);
  out.set(head);
  out.set(text, head.length);
  return out;
}
