/**
 * Seeded random numbers in plain JS, for data generation and fixed projections: the same
 * seed gives the same numbers on every backend and every run (tfjs random ops are seeded
 * per call, so they are not used for data).
 */

/** A uniform generator on [0, 1): mulberry32, small and fast; seed any integer (0 is remapped). */
export function uniformRng(seed: number): () => number {
  let state = (Math.trunc(seed) ^ 0x9e3779b9) >>> 0 || 0x6d2b79f5;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard normal generator (Box–Muller on `uniformRng`). */
export function normalRng(seed: number): () => number {
  const uniform = uniformRng(seed);
  let spare: number | null = null;
  return () => {
    if (spare !== null) {
      const z = spare;
      spare = null;
      return z;
    }
    const u = 1 - uniform(); // in (0, 1], so the log is finite
    const v = uniform();
    const r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  };
}

/**
 * A seed derived from a base seed and salts (a call counter, a node id hash): never 0, so it
 * is safe for tfjs random ops, which treat 0 as "unseeded".
 */
export function deriveSeed(base: number, ...salts: number[]): number {
  let h = Math.trunc(base) >>> 0;
  for (const salt of salts) {
    h = Math.imul(h ^ (Math.trunc(salt) >>> 0), 0x85ebca6b) >>> 0;
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35) >>> 0;
    h = (h ^ (h >>> 16)) >>> 0; // `^` yields a signed int32: keep h unsigned so the seed is never ≤ 0
  }
  return (h % 2147483646) + 1;
}
