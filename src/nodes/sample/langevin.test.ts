import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../runtime/backend-node';
import { makeMixtureScoreModel } from '../../score/exact/mixture-score';
import { stepSizeForSchedule } from '../../score/schedule/step-size';
import { InferError } from '../define';
import type { PointsDisplay } from '../display';
import type { Meta } from '../sockets';
import { resolveParams } from '../resolve-params';
import { runKind } from '../testing';
import langevin from './langevin';

const geometric = (first: number, last: number, levels: number) =>
  Array.from({ length: levels }, (_, i) => first * (last / first) ** (i / (levels - 1)));

const modelMeta = (over: Record<string, unknown> = {}) =>
  ({
    ready: true,
    exact: true,
    kind: 'exact-mixture',
    shape: [2],
    levels: null,
    source: 'exact',
    ...over,
  }) as Meta<'Model'>;
const scheduleMeta = (levels: number | null): Meta<'Schedule'> => ({ levels, source: 'sched' });

function infer(params: Record<string, unknown>, inputs: Record<string, unknown>) {
  return langevin.infer({
    nodeId: 'sampler',
    params: resolveParams(langevin.params, params as never),
    inputs: { model: undefined, schedule: undefined, dataset: undefined, ...inputs } as never,
  });
}

function inferError(params: Record<string, unknown>, inputs: Record<string, unknown>): InferError {
  try {
    infer(params, inputs);
  } catch (error) {
    if (error instanceof InferError) return error;
    throw error;
  }
  throw new Error('expected an InferError');
}

describe('sample.langevin', () => {
  // WASM: the same dynamics as cpu at about a third of the CPU time (the chains are long elementwise loops).
  beforeAll(() => useNodeBackend('wasm'));

  it('reproduces the NCSN two-mode toy through the node: 4:1 weights, progress to 1, a points preview', async () => {
    const model = makeMixtureScoreModel(
      [
        { mean: [-5, -5], std: 1, weight: 0.2 },
        { mean: [5, 5], std: 1, weight: 0.8 },
      ],
      [2],
    );
    const before = tf.memory().numTensors;
    const run = await runKind(langevin, {
      params: { count: 1280, steps: 100, stepSize: 0.1, rule: 'ncsn', denoise: false, initRange: [-8, 8] },
      inputs: { model, schedule: { sigmas: geometric(20, 1, 10) } },
    });
    const samples = run.outputs.samples;
    expect(samples.kind).toBe('points');
    expect(samples.data.shape).toEqual([1280, 2]);
    expect(samples.trajectory).toBeUndefined();
    const v = await samples.data.data();
    let heavy = 0;
    for (let i = 0; i < v.length; i += 2) if (v[i] + v[i + 1] > 0) heavy++;
    expect(heavy / 1280).toBeGreaterThanOrEqual(0.74);
    expect(heavy / 1280).toBeLessThanOrEqual(0.84);
    const fractions = run.progress.map((p) => p.fraction);
    expect(fractions.at(-1)).toBe(1);
    expect(fractions.every((f, i) => i === 0 || f >= fractions[i - 1])).toBe(true);
    expect(run.progress.at(-1)!.text).toContain('level 10/10');
    const last = run.previews.at(-1) as PointsDisplay;
    expect(last.kind).toBe('points');
    expect(last.points.length).toBe(2560);
    expect(Array.from(last.points.slice(0, 4))).toEqual(Array.from(v.slice(0, 4)));
    samples.data.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('stepSize auto is Technique 4; the NCSN rule with auto runs the same dynamics (ε doubled, step halved)', async () => {
    const model = makeMixtureScoreModel([{ mean: [0.3, 0.6], std: 0.1, weight: 1 }], [2]);
    const sigmas = geometric(1, 0.01, 10);
    const eps = stepSizeForSchedule(sigmas, 3).eps;
    const common = { count: 32, steps: 3, seed: 4 };
    const inputs = { model, schedule: { sigmas } };
    const auto = await runKind(langevin, { params: { ...common, stepSize: 'auto' }, inputs });
    const fixed = await runKind(langevin, { params: { ...common, stepSize: eps }, inputs });
    const ncsn = await runKind(langevin, { params: { ...common, stepSize: 'auto', rule: 'ncsn' }, inputs });
    const [a, b, c] = await Promise.all([auto, fixed, ncsn].map((r) => r.outputs.samples.data.data()));
    expect(Array.from(a)).toEqual(Array.from(b));
    a.forEach((value: number, i: number) => expect(c[i]).toBeCloseTo(value, 4));
    // summary.json and the preview say which ε ran (not "auto"), with the diagnostics per level
    const summary = (await langevin.summarize!(
      auto.outputs as never,
      {
        steps: 3,
        stepSize: 'auto',
      } as never,
    )) as Record<string, unknown>;
    expect(summary).toMatchObject({ stepSize: 'auto', stepSizeUsed: eps, rule: 'ncsnv2', sqrtD: Math.SQRT2 });
    expect(summary.varianceRatio).toBeCloseTo(stepSizeForSchedule(sigmas, 3).ratio, 9);
    const levels = summary.levels as { sigma: number; alpha: number; scoreNormTimesSigma: number }[];
    expect(levels.map((l) => l.sigma)).toEqual(sigmas);
    expect(levels[9].alpha).toBeCloseTo(eps, 15);
    // every level ran and was measured (its known answer is in score/sampling/diagnostics.test.ts)
    for (const level of levels) expect(level.scoreNormTimesSigma).toBeGreaterThan(0);
    expect(auto.previews.at(-1)?.caption).toContain(`ε used ${eps.toExponential(2)} · var. ratio`);
    for (const r of [auto, fixed, ncsn]) r.outputs.samples.data.dispose();
  });

  it('starts from data when asked, and keeps one snapshot per level', async () => {
    const model = makeMixtureScoreModel([{ mean: [0, 0], std: 1, weight: 1 }], [2]);
    const data = tf.tensor2d([[40, 40]]);
    const run = await runKind(langevin, {
      params: { count: 8, steps: 2, stepSize: 1e-6, init: 'data', denoise: false, trajectory: true },
      inputs: {
        model,
        schedule: { sigmas: [0.5, 0.1, 0.01] },
        dataset: { data, shape: [2], kind: 'points' },
      },
    });
    const { data: x, trajectory } = run.outputs.samples;
    expect(trajectory).toHaveLength(3);
    // Tiny steps: the chains stay near the data item they started from (40, 40) + 0.5 z.
    (await x.data()).forEach((v: number) => expect(Math.abs(v - 40)).toBeLessThan(3));
    tf.dispose([x, ...trajectory, data]);
  });

  it('infers the samples’ shape and kind from the model', () => {
    const out = infer(
      { count: 10 },
      { model: modelMeta({ shape: [28, 28, 1] }), schedule: scheduleMeta(10) },
    );
    expect(out.samples).toEqual({ kind: 'images', shape: [28, 28, 1], count: 10 });
  });

  it('refuses an untrained network with a pointer to train.fit', () => {
    const error = inferError(
      {},
      { model: modelMeta({ ready: false, kind: 'ncsn' }), schedule: scheduleMeta(10) },
    );
    expect(error.message).toContain('train it first with train.fit');
    expect(error.detail).toEqual({ socket: 'model' });
  });

  it('refuses a conditional model whose levels differ from the schedule’s, naming both nodes', () => {
    const error = inferError(
      {},
      { model: modelMeta({ levels: 10, source: 'fit' }), schedule: scheduleMeta(232) },
    );
    expect(error.message).toContain('"fit" is conditioned on 10 noise levels');
    expect(error.message).toContain('"sched" has 232');
    expect(error.detail).toEqual({ socket: 'schedule' });
    expect(() => infer({}, { model: modelMeta({ levels: 10 }), schedule: scheduleMeta(10) })).not.toThrow();
  });

  it('refuses stepSize auto on a one-level schedule, and init = data without a dataset or of another shape', () => {
    expect(inferError({}, { model: modelMeta(), schedule: scheduleMeta(1) }).detail).toEqual({
      param: 'stepSize',
    });
    expect(() => infer({ stepSize: 0.1 }, { model: modelMeta(), schedule: scheduleMeta(1) })).not.toThrow();
    expect(
      inferError({ init: 'data' }, { model: modelMeta(), schedule: scheduleMeta(5) }).detail.socket,
    ).toBe('dataset');
    const dataset: Meta<'Dataset'> = { kind: 'images', shape: [28, 28, 1], count: 100, source: 'mnist' };
    const error = inferError({ init: 'data' }, { model: modelMeta(), schedule: scheduleMeta(5), dataset });
    expect(error.message).toBe(
      'The dataset items from "mnist" are [28,28,1] but the model from "exact" works on [2].',
    );
  });
});
