/** Geometric noise schedules: sigma_1 > ... > sigma_L evenly spaced in log scale, largest first (label 0). */

/** Default NCSN v1 schedule (ncsn/configs/anneal.yml): 1 -> 0.01 in 10 levels. */
export const NCSN_DEFAULTS = { sigmaMax: 1, sigmaMin: 0.01, levels: 10 } as const;

/**
 * sigmas[i] = sigmaMax * gamma^-i with gamma = (sigmaMax/sigmaMin)^(1/(L-1)), so sigmas[0] = sigmaMax and
 * sigmas[L-1] = sigmaMin exactly. One level gives [sigmaMax] (sigmaMin must then equal it or is ignored).
 */
export function geometricSigmas(sigmaMax: number, sigmaMin: number, levels: number): number[] {
  if (!(sigmaMax > 0) || !(sigmaMin > 0)) throw new Error('Noise levels must be positive.');
  if (!Number.isInteger(levels) || levels < 1)
    throw new Error(`The number of levels must be a whole number ≥ 1 (got ${levels}).`);
  if (levels === 1) return [sigmaMax];
  if (!(sigmaMax > sigmaMin))
    throw new Error(`sigmaMax (${sigmaMax}) must be larger than sigmaMin (${sigmaMin}).`);
  const logMax = Math.log(sigmaMax);
  const step = (logMax - Math.log(sigmaMin)) / (levels - 1);
  const sigmas = Array.from({ length: levels }, (_, i) => Math.exp(logMax - i * step));
  sigmas[0] = sigmaMax;
  sigmas[levels - 1] = sigmaMin;
  return sigmas;
}

/** The common ratio gamma = sigma_i / sigma_{i+1} of a geometric schedule (1 for a single level). */
export function scheduleRatio(sigmas: readonly number[]): number {
  if (sigmas.length < 2) return 1;
  return Math.pow(sigmas[0] / sigmas[sigmas.length - 1], 1 / (sigmas.length - 1));
}
