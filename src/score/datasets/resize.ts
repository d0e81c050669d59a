/**
 * Area-average resampling of images in plain JS: each output pixel is the mean of the input
 * area it covers (fractional edges weighted by overlap), so 28 -> 14 is an exact 2x2 mean and
 * 28 -> 7 an exact 4x4 mean, and no detail aliases.
 */

/** For each output index, the input indices it covers and their weights (summing to 1). */
function coverage(inSize: number, outSize: number): { index: number[]; weight: number[] }[] {
  const scale = inSize / outSize;
  return Array.from({ length: outSize }, (_, o) => {
    const from = o * scale;
    const to = (o + 1) * scale;
    const index: number[] = [];
    const weight: number[] = [];
    for (let i = Math.floor(from); i < Math.min(inSize, Math.ceil(to)); i++) {
      const overlap = Math.min(to, i + 1) - Math.max(from, i);
      if (overlap > 1e-12) {
        index.push(i);
        weight.push(overlap / scale);
      }
    }
    return { index, weight };
  });
}

/**
 * Resizes `count` images [count, height, width, channels] (row-major, interleaved channels) to
 * [count, outHeight, outWidth, channels] by area averaging (upscaling repeats pixels).
 */
export function resizeArea(
  pixels: ArrayLike<number>,
  count: number,
  height: number,
  width: number,
  channels: number,
  outHeight: number,
  outWidth: number,
  scale = 1,
): Float32Array {
  const rows = coverage(height, outHeight);
  const cols = coverage(width, outWidth);
  const out = new Float32Array(count * outHeight * outWidth * channels);
  const inImage = height * width * channels;
  const outImage = outHeight * outWidth * channels;
  for (let n = 0; n < count; n++) {
    for (let oy = 0; oy < outHeight; oy++) {
      const r = rows[oy];
      for (let ox = 0; ox < outWidth; ox++) {
        const c = cols[ox];
        for (let ch = 0; ch < channels; ch++) {
          let sum = 0;
          for (let a = 0; a < r.index.length; a++) {
            const rowBase = n * inImage + r.index[a] * width * channels;
            for (let b = 0; b < c.index.length; b++)
              sum += r.weight[a] * c.weight[b] * pixels[rowBase + c.index[b] * channels + ch];
          }
          out[n * outImage + (oy * outWidth + ox) * channels + ch] = sum * scale;
        }
      }
    }
  }
  return out;
}
