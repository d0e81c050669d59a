/**
 * Sliced Wasserstein-1 distance between two point sets in any dimension: the mean, over fixed
 * seeded random directions theta on the unit sphere, of the exact 1-D Wasserstein-1 distance
 * between the projections {theta . a_i} and {theta . b_j}. Plain JS, no tfjs; sets may differ in size.
 */
import { normalRng } from '../random';

export interface SlicedWassersteinOptions {
  /** Number of random directions (more = less Monte Carlo noise, ~1/sqrt(projections)). Default 128. */
  projections?: number;
  /** Seed of the directions; the same seed gives the same directions every call. Default 1. */
  seed?: number;
}

/**
 * Exact W1 between two 1-D empirical distributions (equal weights within each set):
 * the integral of |F_a(t) - F_b(t)| dt, by a merge of the two sorted lists.
 */
export function wasserstein1D(a: Float64Array | Float32Array, b: Float64Array | Float32Array): number {
  if (a.length === 0 || b.length === 0) throw new Error('Wasserstein distance needs two non-empty sets.');
  const sa = Float64Array.from(a).sort();
  const sb = Float64Array.from(b).sort();
  let i = 0;
  let j = 0;
  let prev = Math.min(sa[0], sb[0]);
  let total = 0;
  while (i < sa.length || j < sb.length) {
    const next = j >= sb.length || (i < sa.length && sa[i] <= sb[j]) ? sa[i] : sb[j];
    total += Math.abs(i / sa.length - j / sb.length) * (next - prev);
    prev = next;
    if (i < sa.length && sa[i] === next) i++;
    else j++;
  }
  return total;
}

/** `count` unit vectors in R^dim, uniform on the sphere (normalised Gaussians), from `seed`. */
export function randomDirections(dim: number, count: number, seed: number): Float64Array {
  const normal = normalRng(seed);
  const out = new Float64Array(dim * count);
  for (let p = 0; p < count; p++) {
    let norm = 0;
    for (let d = 0; d < dim; d++) {
      const z = normal();
      out[p * dim + d] = z;
      norm += z * z;
    }
    norm = Math.sqrt(norm);
    for (let d = 0; d < dim; d++) out[p * dim + d] /= norm;
  }
  return out;
}

function project(
  points: Float32Array | Float64Array,
  dim: number,
  dirs: Float64Array,
  p: number,
): Float64Array {
  const n = points.length / dim;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let d = 0; d < dim; d++) s += points[i * dim + d] * dirs[p * dim + d];
    out[i] = s;
  }
  return out;
}

/**
 * Sliced W1 between point sets `a` [Na * dim] and `b` [Nb * dim] (row-major, interleaved).
 * For a pure translation by v it equals ||v|| * E|theta_1| (2/pi in 2-D), up to Monte Carlo noise.
 */
export function slicedWasserstein1(
  a: Float32Array | Float64Array,
  b: Float32Array | Float64Array,
  dim: number,
  { projections = 128, seed = 1 }: SlicedWassersteinOptions = {},
): number {
  if (!Number.isInteger(dim) || dim < 1) throw new Error(`dim must be a positive integer (got ${dim}).`);
  if (a.length % dim !== 0 || b.length % dim !== 0)
    throw new Error(`Point arrays must hold whole points of ${dim} numbers each.`);
  const dirs = randomDirections(dim, projections, seed);
  let total = 0;
  for (let p = 0; p < projections; p++)
    total += wasserstein1D(project(a, dim, dirs, p), project(b, dim, dirs, p));
  return total / projections;
}
