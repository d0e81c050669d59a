/** The sampling library, loaded lazily by node kinds (`await import('../../score/sampling')`). */
export { makeAnnealedLangevin, type AnnealedLangevinOptions, type AnnealedRun } from './annealed-langevin';
export { makeAnnealedInpainting, type InpaintingOptions, type Renoise } from './inpainting';
export { makeAnnealedInterpolation, interpolationAngles, type InterpolationOptions } from './interpolation';
export { makeReconstruction } from './reconstruction';
export { initialSamples, type InitKind } from './initial-samples';
export { scoreField } from './score-field';
export { repeatEach } from './repeat-each';
export { readItems, type ItemValues } from './read-items';
export { mixSeeds, makeSeedStream } from './seed-stream';
export { annealedStepSizes, langevinUpdate, type StepRule } from './step-rule';
export type { SamplerHooks, SamplerOutput, ScoreFn } from './anneal-loop';
export { makeScoreMeter, samplerDiagnostics, type SamplerDiagnostics, type ScoreMeter } from './diagnostics';
