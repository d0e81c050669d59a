/**
 * Samples of an isotropic Gaussian mixture sum_k w_k N(mu_k, s_k^2 I), seeded, in plain JS.
 * The exact noisy score of the same mixture is in ../exact/mixture-score.ts.
 */
import type { GaussianComponent } from '../exact/mixture-score';
import { normalRng, uniformRng } from '../random';

/** The NCSN two-mode toy (docs/science.md §4): 4/5 N((5, 5), I) + 1/5 N((-5, -5), I). */
export const NCSN_TOY_MIXTURE: readonly GaussianComponent[] = [
  { mean: [5, 5], std: 1, weight: 0.8 },
  { mean: [-5, -5], std: 1, weight: 0.2 },
];

/** `count` samples, row-major [count * D], and which component each came from. */
export function sampleMixture(
  components: readonly GaussianComponent[],
  count: number,
  seed: number,
): { points: Float32Array; component: Uint16Array } {
  if (components.length === 0) throw new Error('A Gaussian mixture needs at least one component.');
  const dim = components[0].mean.length;
  if (components.some((c) => c.mean.length !== dim))
    throw new Error('All mixture means must have the same length.');
  const total = components.reduce((s, c) => s + c.weight, 0);
  if (!(total > 0)) throw new Error('Mixture weights must be positive.');
  const cumulative: number[] = [];
  components.reduce((s, c) => (cumulative.push((s + c.weight) / total), s + c.weight), 0);
  const uniform = uniformRng(seed);
  const normal = normalRng(seed + 0x2c1b3c6d);
  const points = new Float32Array(count * dim);
  const component = new Uint16Array(count);
  for (let i = 0; i < count; i++) {
    const u = uniform();
    let k = cumulative.findIndex((c) => u < c);
    if (k < 0) k = components.length - 1;
    component[i] = k;
    const { mean, std } = components[k];
    for (let d = 0; d < dim; d++) points[i * dim + d] = mean[d] + std * normal();
  }
  return { points, component };
}
