/**
 * User images (PNG/JPEG data URLs dropped onto data.images) as a dataset: decoded with
 * createImageBitmap + OffscreenCanvas where the platform has them (browser, worker), else PNGs
 * with the pure-JS decoder (Node CLI; JPEG needs the browser). Each image is centre-cropped to a
 * square, composited over black (transparent = background, as in MNIST), area-resized, and
 * kept grey (luma) or RGB, values in [0, 1].
 */
import * as tf from '@tensorflow/tfjs';
import type { DatasetValue } from '../values';
import { type DecodedImage, decodePng } from './png-decode';
import { resizeArea } from './resize';

export type ImageColor = 'grey' | 'rgb';

function parseDataUrl(url: string, index: number): { mime: string; bytes: Uint8Array } {
  const match = /^data:(image\/(?:png|jpeg));base64,(.*)$/s.exec(url);
  if (!match) throw new Error(`Image ${index + 1} is not a PNG or JPEG data URL.`);
  const binary = atob(match[2]);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return { mime: match[1], bytes };
}

async function decodeWithCanvas(mime: string, bytes: Uint8Array): Promise<DecodedImage> {
  const bitmap = await createImageBitmap(new Blob([bytes as BlobPart], { type: mime }));
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This browser cannot read image pixels (no 2-D canvas).');
  context.drawImage(bitmap, 0, 0);
  bitmap.close();
  const { data, width, height } = context.getImageData(0, 0, canvas.width, canvas.height);
  return { width, height, rgba: data };
}

/** Decodes one data URL to RGBA, in whichever way this platform allows. */
export async function decodeImage(url: string, index = 0): Promise<DecodedImage> {
  const { mime, bytes } = parseDataUrl(url, index);
  try {
    if (typeof createImageBitmap === 'function' && typeof OffscreenCanvas === 'function')
      return await decodeWithCanvas(mime, bytes);
    if (mime === 'image/png') return await decodePng(bytes);
  } catch (error) {
    throw new Error(`Image ${index + 1} could not be decoded: ${(error as Error).message}`, { cause: error });
  }
  throw new Error(
    `Image ${index + 1} is a JPEG, which only the browser can decode; convert it to PNG to run this graph from the command line.`,
  );
}

/** Centre-crops to a square, composites over black, keeps grey or RGB, and area-resizes to size x size. */
export function toSquareImage(image: DecodedImage, size: number, color: ImageColor): Float32Array {
  const side = Math.min(image.width, image.height);
  const x0 = Math.floor((image.width - side) / 2);
  const y0 = Math.floor((image.height - side) / 2);
  const channels = color === 'grey' ? 1 : 3;
  const crop = new Float32Array(side * side * channels);
  for (let y = 0; y < side; y++)
    for (let x = 0; x < side; x++) {
      const o = ((y + y0) * image.width + x + x0) * 4;
      const alpha = image.rgba[o + 3] / 255;
      const [r, g, b] = [image.rgba[o] * alpha, image.rgba[o + 1] * alpha, image.rgba[o + 2] * alpha];
      const p = (y * side + x) * channels;
      if (channels === 1)
        crop[p] = 0.299 * r + 0.587 * g + 0.114 * b; // ITU-R BT.601 luma
      else crop.set([r, g, b], p);
    }
  return resizeArea(crop, 1, side, side, channels, size, size, 1 / 255);
}

/** The dropped images as a dataset [count, size, size, 1 or 3] in [0, 1]. */
export async function loadUserImages(
  urls: readonly string[],
  size: number,
  color: ImageColor,
): Promise<DatasetValue> {
  if (urls.length === 0) throw new Error('No images: drop PNG or JPEG files onto the node.');
  const channels = color === 'grey' ? 1 : 3;
  const all = new Float32Array(urls.length * size * size * channels);
  for (let i = 0; i < urls.length; i++)
    all.set(toSquareImage(await decodeImage(urls[i], i), size, color), i * size * size * channels);
  const data = tf.tensor4d(all, [urls.length, size, size, channels]);
  return {
    kind: 'images',
    shape: [size, size, channels],
    count: urls.length,
    data,
    name: `${urls.length} user image${urls.length === 1 ? '' : 's'}, ${size}×${size} ${color}`,
    dispose: () => data.dispose(),
  };
}
