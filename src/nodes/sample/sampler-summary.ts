/**
 * What summary.json says about a sampler's run: the samples' shape, the ε param and the ε used,
 * and the diagnostics per level (σ, α, ‖s‖·σ beside √D) with Technique 4's variance ratio.
 */
import type { Json } from '../../graph';
import type { SamplesValue } from '../sockets';

const finite = (v: number | null): Json => (v === null ? null : Number.isFinite(v) ? v : String(v));

export function summarizeSamples(
  samples: SamplesValue,
  params: { steps: number; stepSize: number | 'auto' },
): Json {
  const d = samples.diagnostics;
  return {
    count: samples.data.shape[0],
    shape: samples.data.shape.slice(1),
    steps: params.steps,
    stepSize: params.stepSize,
    ...(d
      ? {
          stepSizeUsed: d.stepSize,
          rule: d.rule,
          varianceRatio: finite(d.varianceRatio),
          sqrtD: d.sqrtD,
          levels: d.sigmas.map((sigma, i) => ({
            sigma,
            alpha: d.alphas[i],
            scoreNormTimesSigma: finite(d.scoreNormTimesSigma[i]),
          })),
        }
      : {}),
  };
}
