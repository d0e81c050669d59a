/**
 * Run-time pieces shared by the sampler kinds: load the science lazily, check the model and
 * schedule again (values can come from anywhere), resolve ε (Technique 4 when 'auto'), and
 * report progress and previews without reading back more than once per level.
 */
import * as sampling from '../../score/sampling';
import type { SamplerHooks, ScoreFn, StepRule } from '../../score/sampling';
import type { DisplayPayload } from '../display';
import type { Tensor } from '@tensorflow/tfjs';
import type { DatasetValue, ModelValue, SamplesValue, ScheduleValue } from '../values';
import { samplesDisplay } from '../view/displays';
import { stepSizeForSchedule } from '../../score/schedule/step-size';

export interface SamplingKit {
  sampling: typeof sampling;
  score: ScoreFn;
  sigmas: number[];
  /** ε in the chosen rule's convention. */
  epsilon: number;
  /** The sampler's base seed: the run's seed mixed with the node's seed param. */
  seed: number;
  shape: number[];
}

export interface SamplingSettings {
  steps: number;
  stepSize: number | 'auto';
  rule: StepRule;
  seed: number;
}

export async function prepareSampling(
  model: ModelValue,
  schedule: ScheduleValue,
  settings: SamplingSettings,
  runSeed: number,
): Promise<SamplingKit> {
  if (!model.ready)
    throw new Error(
      `The ${model.kind} network is untrained: train it first with train.fit and connect its model here.`,
    );
  const sigmas = [...schedule.sigmas];
  // Conditionally normalised networks carry their level count (TrainedNetwork.levels).
  const levels = (model as { levels?: number | null }).levels;
  if (typeof levels === 'number' && levels !== sigmas.length)
    throw new Error(
      `The model is conditioned on ${levels} noise levels but the schedule has ${sigmas.length}: sample with the schedule it was trained with.`,
    );
  return {
    sampling,
    score: (x, sigma, labels) => model.score(x, sigma, labels),
    sigmas,
    epsilon: await resolveStepSize(settings, sigmas),
    seed: sampling.mixSeeds(runSeed, settings.seed),
    shape: [...model.shape],
  };
}

/** The chains' starting points from the `init` and `initRange` params (ncsn.md §4.3). */
export function startChains(
  kit: SamplingKit,
  params: { init: 'uniform' | 'gaussian' | 'data'; initRange: [number, number] },
  dataset: DatasetValue | undefined,
  count: number,
  chains: string,
): Tensor {
  if (params.init === 'data' && !dataset)
    throw new Error(`init = data starts the ${chains} from training items: connect a dataset.`);
  return kit.sampling.initialSamples({
    init: params.init,
    count,
    shape: kit.shape,
    range: params.initRange,
    sigmaMax: kit.sigmas[0],
    data: dataset?.data,
    seed: kit.sampling.mixSeeds(kit.seed, 1),
  });
}

/** ε as given, or NCSNv2 Technique 4; the NCSN rule takes half a step, so its ε is doubled. */
async function resolveStepSize(
  { stepSize, steps, rule }: SamplingSettings,
  sigmas: number[],
): Promise<number> {
  if (stepSize !== 'auto') return stepSize;
  if (steps === 0) return 1; // no Langevin steps: ε is never used
  if (sigmas.length < 2)
    throw new Error('Step size "auto" (Technique 4) needs at least 2 noise levels: set a number.');
  const { eps } = stepSizeForSchedule(sigmas, steps);
  return rule === 'ncsn' ? 2 * eps : eps;
}

export interface ReportingContext {
  progress(fraction: number, text?: string): void;
  preview(payload: DisplayPayload): void;
  checkpoint(): Promise<void>;
}

/** How many items a preview shows: every point of a cloud (cheap), a screenful of images. */
export function previewLimit(shape: readonly number[]): number {
  return shape.length === 1 ? 10000 : 64;
}

/** Previews read back at most this often (plus the final one), however fast the levels go. */
const PREVIEW_EVERY_MS = 250;
const PROGRESS_EVERY_MS = 100;

/**
 * Sampler hooks that report "level i/L · σ" progress (throttled) and preview the first
 * `previewItems` samples after each level (throttled by time, one read-back per preview).
 */
export function reportingHooks(
  ctx: ReportingContext,
  kit: SamplingKit,
  options: {
    steps: number;
    fromLevel?: number;
    previewItems: number;
    recordTrajectory?: boolean;
    what: string;
  },
): SamplerHooks {
  const { sigmas } = kit;
  const from = options.fromLevel ?? 0;
  const L = sigmas.length;
  const fmt = (v: number) => (v >= 0.01 ? v.toPrecision(3) : v.toExponential(2));
  let lastProgress = 0;
  let lastPreview = 0;
  ctx.progress(0, `level ${from + 1}/${L} · σ ${fmt(sigmas[from])}`);
  return {
    seed: kit.seed,
    recordTrajectory: options.recordTrajectory,
    checkpoint: () => ctx.checkpoint(),
    onStep: (done, total) => {
      const now = Date.now();
      if (now - lastProgress < PROGRESS_EVERY_MS && done < total) return;
      lastProgress = now;
      const level = Math.min(L - 1, from + Math.floor((done - 1) / Math.max(1, options.steps)));
      ctx.progress(done / total, `level ${level + 1}/${L} · σ ${fmt(sigmas[level])} · step ${done}/${total}`);
    },
    onLevel: async (level, x) => {
      const now = Date.now();
      if (now - lastPreview < PREVIEW_EVERY_MS && level < L - 1) return;
      lastPreview = now;
      const { values, shape } = await kit.sampling.readItems(x, options.previewItems);
      ctx.preview(
        samplesDisplay(values, shape, `${options.what} · level ${level + 1}/${L} · σ ${fmt(sigmas[level])}`),
      );
    },
  };
}

/** Previews the finished samples (after denoise) as the node's display. */
export async function previewFinal(
  ctx: ReportingContext,
  kit: SamplingKit,
  x: Parameters<typeof sampling.readItems>[0],
  previewItems: number,
  caption: string,
): Promise<void> {
  const { values, shape } = await kit.sampling.readItems(x, previewItems);
  ctx.preview(samplesDisplay(values, shape, caption));
}

/** A sampler's output value: the batch, and its per-level snapshots when asked for. */
export function samplesValue(shape: readonly number[], x: Tensor, trajectory?: Tensor[]): SamplesValue {
  return { kind: shape.length === 1 ? 'points' : 'images', data: x, ...(trajectory ? { trajectory } : {}) };
}

/** Input images must have the model's item shape (values may come from anywhere at run time). */
export function checkImagesFit(images: Tensor, shape: readonly number[]): void {
  if (images.shape.slice(1).join() !== shape.join())
    throw new Error(`The images are [${images.shape.slice(1)}] but the model works on [${shape}].`);
}
