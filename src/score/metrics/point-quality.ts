/**
 * Sample quality for 2-D (or any low-dimensional) points: the sliced Wasserstein-1 distance of
 * the samples to one half of the data, beside that of a resample — the other half, as many
 * points as the samples — which is what a perfect sampler scores at this sample size.
 */
import { uniformRng } from '../random';
import { slicedWasserstein1 } from './sliced-wasserstein';

export interface PointQuality {
  count: number;
  /** Sliced W1 between the samples and the reference half of the data. */
  slicedW1: number;
  /** Sliced W1 between a resample of the data (the other half) and the reference half. */
  resampleW1: number;
  /** slicedW1 / resampleW1: about 1 for a perfect sampler, larger is worse. */
  ratio: number;
}

/** Sample points [count * dim] against data points [n * dim] (needs n ≥ 4). */
export function pointQuality(
  samples: Float32Array,
  data: Float32Array,
  dim: number,
  { projections = 256, seed = 1 }: { projections?: number; seed?: number } = {},
): PointQuality {
  const count = samples.length / dim;
  const n = data.length / dim;
  if (!Number.isInteger(count) || count < 1) throw new Error(`The samples are not whole ${dim}-D points.`);
  if (!Number.isInteger(n) || n < 4) throw new Error(`The dataset needs at least 4 points (got ${n}).`);
  // a seeded shuffle splits the data into a reference half and a resample half
  const random = uniformRng(seed);
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const half = Math.floor(n / 2);
  const rows = (indices: number[]) => {
    const out = new Float32Array(indices.length * dim);
    indices.forEach((i, k) => out.set(data.subarray(i * dim, (i + 1) * dim), k * dim));
    return out;
  };
  const reference = rows(order.slice(0, half));
  const resample = rows(order.slice(half, half + Math.min(count, n - half)));
  const options = { projections, seed };
  const slicedW1 = slicedWasserstein1(samples, reference, dim, options);
  const resampleW1 = slicedWasserstein1(resample, reference, dim, options);
  return { count, slicedW1, resampleW1, ratio: slicedW1 / resampleW1 };
}
