/**
 * Inpainting masks of simple shapes, in plain JS: 1 where a pixel is known, 0 where it is to be
 * filled in, the same for every channel, shape [H, W, C] row-major.
 */
import { uniformRng } from '../random';

export const MASK_REGIONS = [
  'right-half',
  'left-half',
  'top-half',
  'bottom-half',
  'centre-box',
  'random-pixels',
] as const;
export type MaskRegion = (typeof MASK_REGIONS)[number];

export interface ShapeMaskOptions {
  /** The part to hide (fill in). A half takes the middle row/column too when the side is odd. */
  hide: MaskRegion;
  /** centre-box and random-pixels: the share of the image's pixels to hide, in (0, 1). */
  fraction: number;
  /** random-pixels: which pixels (exactly round(fraction * H * W) of them). */
  seed: number;
}

/** Whether pixel (y, x) is hidden, for the shapes that do not need randomness. */
function hiddenByShape(hide: MaskRegion, height: number, width: number, fraction: number) {
  // A centred box whose area is `fraction` of the image.
  const boxH = Math.max(1, Math.round(height * Math.sqrt(fraction)));
  const boxW = Math.max(1, Math.round(width * Math.sqrt(fraction)));
  const top = Math.floor((height - boxH) / 2);
  const left = Math.floor((width - boxW) / 2);
  // Pixel centres (x + 0.5) against the midline: the NCSN split hides columns 16–31 of 32.
  return (y: number, x: number): boolean => {
    switch (hide) {
      case 'right-half': return x + 0.5 >= width / 2; // prettier-ignore
      case 'left-half': return x + 0.5 <= width / 2; // prettier-ignore
      case 'bottom-half': return y + 0.5 >= height / 2; // prettier-ignore
      case 'top-half': return y + 0.5 <= height / 2; // prettier-ignore
      case 'centre-box': return y >= top && y < top + boxH && x >= left && x < left + boxW; // prettier-ignore
      default:
        return false;
    }
  };
}

/** The mask as [H, W, C] values (1 = known, 0 = hidden). */
export function shapeMask(
  shape: readonly number[],
  { hide, fraction, seed }: ShapeMaskOptions,
): Float32Array {
  const [height, width, channels] = shape;
  if (shape.length !== 3 || !(height > 0 && width > 0 && channels > 0))
    throw new Error(`A mask needs an image shape [H, W, C] (got [${shape}]).`);
  if (!MASK_REGIONS.includes(hide)) throw new Error(`Unknown mask region "${hide}".`);
  if (!(fraction > 0 && fraction < 1)) throw new Error(`fraction must be in (0, 1) (got ${fraction}).`);
  const hidden = new Uint8Array(height * width);
  if (hide === 'random-pixels') {
    // A seeded partial Fisher–Yates shuffle picks exactly the wanted number of pixels.
    const order = Uint32Array.from({ length: height * width }, (_, i) => i);
    const uniform = uniformRng(seed);
    const count = Math.round(fraction * order.length);
    for (let i = 0; i < count; i++) {
      const j = i + Math.floor(uniform() * (order.length - i));
      [order[i], order[j]] = [order[j], order[i]];
      hidden[order[i]] = 1;
    }
  } else {
    const test = hiddenByShape(hide, height, width, fraction);
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) hidden[y * width + x] = test(y, x) ? 1 : 0;
  }
  const out = new Float32Array(height * width * channels);
  for (let p = 0; p < height * width; p++) out.fill(hidden[p] ? 0 : 1, p * channels, (p + 1) * channels);
  return out;
}
