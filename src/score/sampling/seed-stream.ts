/**
 * Per-call seeds for tfjs random ops. A fixed seed makes `tf.randomNormal` return the same
 * numbers on every call, and seed 0 means "unseeded", so every call takes the next seed of a
 * deterministic stream started from the run's base seed.
 */
import { uniformRng } from '../random';

const SEED_RANGE = 2147483646;

/** Returns a function that yields a fresh seed in [1, 2^31 − 1) on each call. */
export function makeSeedStream(base: number): () => number {
  const uniform = uniformRng(base);
  return () => 1 + Math.floor(uniform() * SEED_RANGE);
}

/** Mixes two seeds (the run's seed and a node's seed param) into one non-zero seed. */
export function mixSeeds(a: number, b: number): number {
  return makeSeedStream(Math.imul(a | 0, 0x85ebca6b) ^ (b | 0))();
}
