/**
 * NCSNv2 Technique 2 (docs/science.md §3): choose the ratio gamma of a geometric schedule so that a
 * sample of level i lands in level i-1's high-density shell with probability p*:
 *   overlap(gamma, D) = Phi(sqrt(2D)(gamma - 1) + 3 gamma) - Phi(sqrt(2D)(gamma - 1) - 3 gamma) ≈ p*,
 * then L = ceil(1 + ln(sigma_1/sigma_L) / ln gamma*) and gamma is recomputed from L.
 * The paper says p* ≈ 0.5; the released configs correspond to ≈ 0.567 (CIFAR-10: L = 232 there,
 * 220 at 0.5; see RELEASED_CONFIG_OVERLAP). The formula is a large-D result: for small D (2-D toys) it has no solution.
 */
import { normalCdf } from './erfc';
import { geometricSigmas } from './geometric';

/** The paper's target ("≈ 0.5"); use RELEASED_CONFIG_OVERLAP to reproduce the released L values. */
export const DEFAULT_OVERLAP = 0.5;
/**
 * What the released NCSNv2 configs correspond to ("≈ 0.567"): their own overlaps are 0.56697 (CIFAR-10),
 * 0.56692 (CelebA), 0.56688 (FFHQ), so exactly 0.567 rounds L up one level (233, 501, 2312);
 * 0.5668 reproduces 232, 500 and 2311. (LSUN church/bedroom sit at ≈ 0.5662–0.5665 and come out one level higher.)
 */
export const RELEASED_CONFIG_OVERLAP = 0.5668;

/** P(||x|| in level (i-1)'s shell) for x ~ N(0, sigma_i^2 I_D) and sigma_{i-1} = gamma sigma_i. */
export function shellOverlap(gamma: number, dim: number): number {
  const centre = Math.sqrt(2 * dim) * (gamma - 1);
  return normalCdf(centre + 3 * gamma) - normalCdf(centre - 3 * gamma);
}

/**
 * The ratio gamma* > 1 with shellOverlap(gamma*, dim) = target, by bisection on (1, 1 + 10/sqrt(2D)),
 * where the overlap falls monotonically for realistic D. Throws when there is no solution there.
 */
export function solveRatio(dim: number, target = DEFAULT_OVERLAP): number {
  if (!(target > 0 && target < 1)) throw new Error(`The target overlap must be in (0, 1) (got ${target}).`);
  let lo = 1;
  let hi = 1 + 10 / Math.sqrt(2 * dim);
  if (shellOverlap(hi, dim) >= target || shellOverlap(lo, dim) <= target)
    throw new Error(
      `Technique 2 has no solution for D = ${dim} at overlap ${target}: the shell formula needs ` +
        'high-dimensional data. Pick the number of levels by hand (a geometric schedule) for low-D data.',
    );
  for (let i = 0; i < 200 && hi - lo > 1e-15; i++) {
    const mid = (lo + hi) / 2;
    if (shellOverlap(mid, dim) > target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

export interface Ncsnv2Schedule {
  sigmas: number[];
  /** The ratio actually used, (sigma_1/sigma_L)^(1/(L-1)). */
  gamma: number;
  levels: number;
  /** The overlap the used gamma achieves (≥ the target, since L is rounded up). */
  overlap: number;
}

/** Technique 2 applied: the geometric schedule sigma_1 -> sigma_L whose ratio meets the target overlap. */
export function ncsnv2Schedule(
  sigmaMax: number,
  sigmaMin: number,
  dim: number,
  target = DEFAULT_OVERLAP,
): Ncsnv2Schedule {
  if (!(sigmaMax > sigmaMin && sigmaMin > 0))
    throw new Error(`sigmaMax (${sigmaMax}) must be larger than sigmaMin (${sigmaMin}) > 0.`);
  const gammaStar = solveRatio(dim, target);
  // A tiny tolerance keeps an exact integer from rounding up to the next one through float noise.
  const levels = Math.max(2, Math.ceil(1 + Math.log(sigmaMax / sigmaMin) / Math.log(gammaStar) - 1e-9));
  const gamma = Math.pow(sigmaMax / sigmaMin, 1 / (levels - 1));
  return {
    sigmas: geometricSigmas(sigmaMax, sigmaMin, levels),
    gamma,
    levels,
    overlap: shellOverlap(gamma, dim),
  };
}
