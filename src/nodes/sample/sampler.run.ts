/**
 * The one run skeleton of the sampler kinds (infer() has checked the model, the schedule and the
 * data against each other, on the values themselves): resolve ε (Technique 4 when 'auto'), let the kind
 * set up its chains and its sampler, run it with progress and previews (at most one read-back
 * per level), preview the result and hand back the samples. A kind's run body only says how
 * its chains start and which sampler of `src/score/sampling` moves them.
 */
import * as tf from '@tensorflow/tfjs';
import * as sampling from '../../score/sampling';
import type {
  SamplerDiagnostics,
  SamplerHooks,
  SamplerOutput,
  ScoreFn,
  StepRule,
} from '../../score/sampling';
import { stepSizeFor } from '../../score/schedule/step-size';
import type { DisplayPayload } from '../display';
import type { DatasetValue, ModelValue, SamplesValue, ScheduleValue } from '../sockets';
import { readyModel } from '../model/model-value';
import { samplesDisplay } from '../view/displays';

/** What every sampler kind's run gets: the shared params, the model and the schedule. */
export interface SamplerRunContext {
  readonly params: {
    steps: number;
    stepSize: number | 'auto';
    rule: StepRule;
    denoise: boolean;
    seed: number;
    trajectory?: boolean;
  };
  readonly inputs: { model: ModelValue; schedule: ScheduleValue };
  /** The run's base seed. */
  readonly seed: number;
  progress(fraction: number, text?: string): void;
  preview(payload: DisplayPayload): void;
  checkpoint(): Promise<void>;
}

/** What a kind's plan sees: the resolved settings every sampler factory takes. */
export interface SamplingKit {
  score: ScoreFn;
  sigmas: number[];
  /** The item shape of the samples (the model's). */
  shape: number[];
  /** The sampler's base seed: the run's seed mixed with the node's seed param. */
  seed: number;
  /** The options every sampler factory shares; ε in the chosen rule's convention. */
  annealing: { stepSize: number; stepsPerSigma: number; rule: StepRule; denoise: boolean };
}

/** One sampler kind's part: its chains, its sampler, and what progress and the preview say. */
export interface SamplerPlan {
  /** Tensors the plan made for the chains; disposed when sampling ends. */
  made: tf.Tensor[];
  sample(hooks: SamplerHooks): Promise<SamplerOutput>;
  /** Progress text, e.g. "64 samples". */
  what: string;
  /** Caption of the final preview. */
  caption: string;
  /** The level the chains start at (0 = σ_1), for progress. */
  fromLevel?: number;
  /** How many items previews show; a screenful by default. */
  previewItems?: number;
}

/** Runs one sampler kind: `plan` sets up its chains and its sampler from the kit. */
export async function runSampler(
  ctx: SamplerRunContext,
  plan: (kit: SamplingKit) => SamplerPlan,
): Promise<{ samples: SamplesValue }> {
  const { params, inputs } = ctx;
  const model = readyModel(inputs.model);
  const sigmas = [...inputs.schedule.sigmas];
  // ‖s‖·σ per level, recorded on the device as the chains run (see score/sampling/diagnostics)
  const meter = sampling.makeScoreMeter((x, sigma, labels) => model.score(x, sigma, labels), sigmas);
  const kit: SamplingKit = {
    score: meter.score,
    sigmas,
    shape: [...model.shape],
    seed: sampling.mixSeeds(ctx.seed, params.seed),
    annealing: {
      stepSize: params.stepSize === 'auto' ? stepSizeFor(params.rule, sigmas, params.steps) : params.stepSize,
      stepsPerSigma: params.steps,
      rule: params.rule,
      denoise: params.denoise,
    },
  };
  const job = plan(kit);
  try {
    const previewItems = job.previewItems ?? previewLimit(kit.shape);
    const reporting = reportingHooks(ctx, kit, job.fromLevel ?? 0, previewItems, job.what);
    const hooks: SamplerHooks = {
      ...reporting,
      onLevelStart: (level) => meter.setLevel(level),
      onLevel: (level, x) => {
        meter.setLevel(null); // a final denoising step is not part of the level
        return reporting.onLevel?.(level, x);
      },
    };
    const { x, trajectory } = await job.sample(hooks);
    const diagnostics = sampling.samplerDiagnostics({
      ...kit.annealing,
      sigmas,
      itemSize: kit.shape.reduce((a, b) => a * b, 1),
      scoreNormTimesSigma: await meter.read(),
    });
    const { values, shape } = await sampling.readItems(x, previewItems);
    ctx.preview(samplesDisplay(values, shape, `${job.caption} · ${describeDiagnostics(diagnostics)}`));
    return {
      samples: { ...samplesValue(kit.shape, x, params.trajectory ? trajectory : undefined), diagnostics },
    };
  } finally {
    meter.dispose();
    tf.dispose(job.made);
  }
}

/** One line for the preview: ε, Technique 4's ratio and ‖s‖·σ/√D at the first and last level run. */
export function describeDiagnostics(d: SamplerDiagnostics): string {
  const ran = d.scoreNormTimesSigma.flatMap((v, i) => (v === null ? [] : [{ i, v: v / d.sqrtD }]));
  const ratio =
    d.varianceRatio === null
      ? ''
      : ` · var. ratio ${Number.isFinite(d.varianceRatio) ? d.varianceRatio.toFixed(3) : '∞ (ε too large)'}`;
  const norms =
    ran.length === 0
      ? ''
      : ` · ‖s‖σ/√D ${ran[0].v.toFixed(2)} (σ_${ran[0].i + 1}) → ${ran[ran.length - 1].v.toFixed(2)} (σ_${ran[ran.length - 1].i + 1})`;
  return `ε used ${d.stepSize.toExponential(2)}${ratio}${norms}`;
}

/** The chains' starting points from the `init` and `initRange` params. */
export function startChains(
  kit: SamplingKit,
  params: { init: 'uniform' | 'gaussian' | 'data'; initRange: [number, number] },
  dataset: DatasetValue | undefined,
  count: number,
): tf.Tensor {
  return sampling.initialSamples({
    init: params.init,
    count,
    shape: kit.shape,
    range: params.initRange,
    sigmaMax: kit.sigmas[0],
    data: dataset?.data,
    seed: sampling.mixSeeds(kit.seed, 1),
  });
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
function reportingHooks(
  ctx: SamplerRunContext,
  kit: SamplingKit,
  from: number,
  previewItems: number,
  what: string,
): SamplerHooks {
  const { sigmas } = kit;
  const steps = kit.annealing.stepsPerSigma;
  const L = sigmas.length;
  const fmt = (v: number) => (v >= 0.01 ? v.toPrecision(3) : v.toExponential(2));
  let lastProgress = 0;
  let lastPreview = 0;
  ctx.progress(0, `level ${from + 1}/${L} · σ ${fmt(sigmas[from])}`);
  return {
    seed: kit.seed,
    recordTrajectory: ctx.params.trajectory,
    checkpoint: () => ctx.checkpoint(),
    onStep: (done, total) => {
      const now = Date.now();
      if (now - lastProgress < PROGRESS_EVERY_MS && done < total) return;
      lastProgress = now;
      const level = Math.min(L - 1, from + Math.floor((done - 1) / Math.max(1, steps)));
      ctx.progress(done / total, `level ${level + 1}/${L} · σ ${fmt(sigmas[level])} · step ${done}/${total}`);
    },
    onLevel: async (level, x) => {
      const now = Date.now();
      if (now - lastPreview < PREVIEW_EVERY_MS && level < L - 1) return;
      lastPreview = now;
      const { values, shape } = await sampling.readItems(x, previewItems);
      ctx.preview(
        samplesDisplay(values, shape, `${what} · level ${level + 1}/${L} · σ ${fmt(sigmas[level])}`),
      );
    },
  };
}

/** A sampler's output value: the batch, and its per-level snapshots when asked for. */
function samplesValue(shape: readonly number[], x: tf.Tensor, trajectory?: tf.Tensor[]): SamplesValue {
  return { kind: shape.length === 1 ? 'points' : 'images', data: x, ...(trajectory ? { trajectory } : {}) };
}
