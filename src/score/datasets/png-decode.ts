/**
 * A small PNG decoder in plain JS (zlib via the platform's DecompressionStream), so user images
 * load in Node (CLI) as well as in the browser: grey, grey+alpha, RGB, RGBA and palette images
 * at bit depths 1–16, non-interlaced. Returns 8-bit RGBA. CRCs are not checked.
 */

export interface DecodedImage {
  width: number;
  height: number;
  /** width * height * 4 bytes, row-major RGBA. */
  rgba: Uint8ClampedArray;
}

const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

async function inflate(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Undoes the per-row filters in place; returns the raw scanlines without filter bytes. */
function unfilter(data: Uint8Array, height: number, stride: number, bpp: number): Uint8Array {
  const out = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = data[y * (stride + 1)];
    const src = data.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const row = out.subarray(y * stride, (y + 1) * stride);
    const up = y > 0 ? out.subarray((y - 1) * stride, y * stride) : new Uint8Array(stride);
    for (let i = 0; i < stride; i++) {
      const left = i >= bpp ? row[i - bpp] : 0;
      const upLeft = i >= bpp ? up[i - bpp] : 0;
      let predictor: number;
      switch (filter) {
        case 0: predictor = 0; break; // prettier-ignore
        case 1: predictor = left; break; // prettier-ignore
        case 2: predictor = up[i]; break; // prettier-ignore
        case 3: predictor = (left + up[i]) >> 1; break; // prettier-ignore
        case 4: predictor = paeth(left, up[i], upLeft); break; // prettier-ignore
        default:
          throw new Error(`The PNG has an unknown row filter (${filter}); the file may be damaged.`);
      }
      row[i] = (src[i] + predictor) & 0xff;
    }
  }
  return out;
}

/** Decodes a PNG file to 8-bit RGBA. */
export async function decodePng(bytes: Uint8Array): Promise<DecodedImage> {
  if (bytes.length < 8 || SIGNATURE.some((b, i) => bytes[i] !== b)) throw new Error('Not a PNG file.');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let width = 0;
  let height = 0;
  let depth = 0;
  let colorType = -1;
  let palette: Uint8Array | null = null;
  let paletteAlpha: Uint8Array | null = null;
  const idat: Uint8Array[] = [];
  for (let at = 8; at + 8 <= bytes.length;) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    const body = bytes.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = view.getUint32(at + 8);
      height = view.getUint32(at + 12);
      depth = body[8];
      colorType = body[9];
      if (body[12] !== 0)
        throw new Error('Interlaced PNGs are not supported here; save the image without interlacing.');
    } else if (type === 'PLTE') palette = body;
    else if (type === 'tRNS') paletteAlpha = body;
    else if (type === 'IDAT') idat.push(body);
    else if (type === 'IEND') break;
    at += 12 + length;
  }
  const channels = CHANNELS[colorType];
  if (!channels || width === 0 || height === 0 || idat.length === 0)
    throw new Error('The PNG file is damaged or empty.');
  if (colorType === 3 && !palette) throw new Error('The palette PNG has no palette.');
  const joined = new Uint8Array(idat.reduce((s, c) => s + c.length, 0));
  idat.reduce((offset, c) => (joined.set(c, offset), offset + c.length), 0);
  const bitsPerPixel = channels * depth;
  const stride = Math.ceil((width * bitsPerPixel) / 8);
  const raw = unfilter(await inflate(joined), height, stride, Math.max(1, bitsPerPixel >> 3));

  /** Sample c of pixel x in row y, scaled to 0–255 (palette indices stay raw). */
  const sample = (y: number, x: number, c: number): number => {
    const row = y * stride;
    if (depth === 8) return raw[row + x * channels + c];
    if (depth === 16) return raw[row + 2 * (x * channels + c)]; // the high byte
    const bit = (x * channels + c) * depth;
    const value = (raw[row + (bit >> 3)] >> (8 - depth - (bit & 7))) & ((1 << depth) - 1);
    return colorType === 3 ? value : Math.round((value * 255) / ((1 << depth) - 1));
  };

  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      if (colorType === 3) {
        const index = sample(y, x, 0);
        rgba.set([palette![3 * index], palette![3 * index + 1], palette![3 * index + 2]], o);
        rgba[o + 3] = paletteAlpha && index < paletteAlpha.length ? paletteAlpha[index] : 255;
      } else if (channels <= 2) {
        const grey = sample(y, x, 0);
        rgba.set([grey, grey, grey, channels === 2 ? sample(y, x, 1) : 255], o);
      } else {
        rgba.set(
          [sample(y, x, 0), sample(y, x, 1), sample(y, x, 2), channels === 4 ? sample(y, x, 3) : 255],
          o,
        );
      }
    }
  return { width, height, rgba };
}
