import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../runtime/backend-node';
import { makeMixtureScoreModel } from '../exact/mixture-score';
import type { ScoreFn } from './anneal-loop';
import { makeAnnealedLangevin } from './annealed-langevin';
import { annealedStepSizes } from './step-rule';

const geometric = (first: number, last: number, levels: number) =>
  Array.from({ length: levels }, (_, i) => first * (last / first) ** (levels === 1 ? 0 : i / (levels - 1)));

/** NCSN §3.2: 1/5 N((-5,-5), I) + 4/5 N((5,5), I). */
const twoModes = makeMixtureScoreModel(
  [
    { mean: [-5, -5], std: 1, weight: 0.2 },
    { mean: [5, 5], std: 1, weight: 0.8 },
  ],
  [2],
);
const mixture: ScoreFn = (x, sigma, labels) => twoModes.score(x, sigma, labels);

/** The score of N(mu, s^2 I) perturbed by sigma: -(x - mu)/(s^2 + sigma^2). */
const gaussianScore =
  (mu: number, s: number): ScoreFn =>
  (x, sigma) =>
    tf.div(
      tf.sub(mu, x),
      tf.reshape(tf.add(s * s, tf.square(sigma)), [-1, ...x.shape.slice(1).map(() => 1)]),
    );

async function heavyModeFraction(samples: tf.Tensor): Promise<number> {
  const values = await samples.data();
  let heavy = 0;
  for (let i = 0; i < values.length; i += 2) if (values[i] + values[i + 1] > 0) heavy++;
  return heavy / (values.length / 2);
}

async function moments(t: tf.Tensor): Promise<{ mean: number; variance: number }> {
  const v = await t.data();
  let sum = 0;
  for (const x of v) sum += x;
  const mean = sum / v.length;
  let sq = 0;
  for (const x of v) sq += (x - mean) ** 2;
  return { mean, variance: sq / v.length };
}

describe('annealed Langevin dynamics', () => {
  // WASM: the same dynamics as cpu at about a third of the CPU time (the chains are long elementwise loops).
  beforeAll(() => useNodeBackend('wasm'));

  it('step sizes are eps * sigma_i^2 / sigma_L^2 (CIFAR-10 v2: alpha_1 = 155, alpha_L = eps)', () => {
    const alphas = annealedStepSizes(geometric(50, 0.01, 232), 6.2e-6);
    expect(alphas[0]).toBeCloseTo(155, 6);
    expect(alphas[231]).toBeCloseTo(6.2e-6, 12);
  });

  it('recovers the 4:1 mode weights of the NCSN two-mode toy (exact scores, 1280 samples)', async () => {
    const sample = makeAnnealedLangevin(mixture, geometric(20, 1, 10), {
      stepSize: 0.1,
      stepsPerSigma: 100,
      rule: 'ncsn',
      denoise: false,
    });
    const x0 = tf.randomUniform([1280, 2], -8, 8, 'float32', 11);
    const before = tf.memory().numTensors;
    const levels: number[] = [];
    const { x, trajectory } = await sample(x0, { seed: 5, onLevel: (c) => void levels.push(c) });
    expect(levels).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(trajectory).toEqual([]);
    const fraction = await heavyModeFraction(x);
    expect(fraction).toBeGreaterThanOrEqual(0.74);
    expect(fraction).toBeLessThanOrEqual(0.84);
    x.dispose();
    expect(tf.memory().numTensors).toBe(before);
    x0.dispose();
  });

  it('plain Langevin (a one-level schedule) keeps the symmetric init’s 1:1 split instead', async () => {
    const sample = makeAnnealedLangevin(mixture, [1e-3], {
      stepSize: 0.1,
      stepsPerSigma: 1000,
      rule: 'ncsn',
      denoise: false,
    });
    const x0 = tf.randomUniform([1280, 2], -8, 8, 'float32', 11);
    const { x } = await sample(x0, { seed: 5 });
    const fraction = await heavyModeFraction(x);
    expect(fraction).toBeGreaterThanOrEqual(0.42);
    expect(fraction).toBeLessThanOrEqual(0.58);
    tf.dispose([x, x0]);
  });

  it('one level from N(0, (gamma sigma_L)^2) matches the NCSNv2 Prop. 3 variance ratio within 1 %', async () => {
    const sigmas = geometric(50, 0.01, 232); // CIFAR-10 config: T = 5, eps = 6.2e-6 -> 1.0555
    const gamma = sigmas[0] / sigmas[1];
    const eps = 6.2e-6;
    const T = 5;
    const sigmaL = 0.01;
    const a = eps / sigmaL ** 2;
    const fixed = (2 * eps) / (sigmaL ** 2 - sigmaL ** 2 * (1 - a) ** 2);
    const ratio = (1 - a) ** (2 * T) * (gamma ** 2 - fixed) + fixed;
    expect(ratio).toBeCloseTo(1.0555, 3);

    const pointAtZero: ScoreFn = (x, sigma) => tf.div(tf.neg(x), tf.reshape(tf.square(sigma), [-1, 1]));
    const sample = makeAnnealedLangevin(pointAtZero, sigmas, {
      stepSize: eps,
      stepsPerSigma: T,
      denoise: false,
    });
    const x0 = tf.randomNormal([4096, 256], 0, gamma * sigmaL, 'float32', 3);
    const { x } = await sample(x0, { seed: 9, fromLevel: 231 });
    const { variance } = await moments(x);
    expect(Math.abs(variance / sigmaL ** 2 / ratio - 1)).toBeLessThan(0.01);
    tf.dispose([x, x0]);
  });

  it('across levels the variance follows v <- (1 - a_i)^2 v + 2 a_i sigma_i^2 with a_i = alpha_i / sigma_i^2', async () => {
    const sigmas = geometric(1, 0.01, 10); // NCSN v1 schedule, T = 3, eps = 2e-5
    const eps = 2e-5;
    const alphas = annealedStepSizes(sigmas, eps);
    const pointAtZero: ScoreFn = (x, sigma) => tf.div(tf.neg(x), tf.reshape(tf.square(sigma), [-1, 1]));
    const sample = makeAnnealedLangevin(pointAtZero, sigmas, {
      stepSize: eps,
      stepsPerSigma: 3,
      denoise: false,
    });
    let v = 0.5 ** 2;
    for (let c = 6; c < 10; c++) {
      const a = alphas[c] / sigmas[c] ** 2;
      for (let t = 0; t < 3; t++) v = (1 - a) ** 2 * v + 2 * a * sigmas[c] ** 2;
    }
    const x0 = tf.randomNormal([2048, 256], 0, 0.5, 'float32', 4);
    const { x, trajectory } = await sample(x0, { seed: 2, fromLevel: 6, recordTrajectory: true });
    expect(trajectory).toHaveLength(4);
    const { variance } = await moments(x);
    expect(Math.abs(variance / v - 1)).toBeLessThan(0.01);
    tf.dispose([x, x0, ...trajectory]);
  });

  it('Gaussian data: the final denoise is Tweedie’s formula mu + s^2/(s^2+sigma_L^2)(x - mu) exactly', async () => {
    const mu = 0.4;
    const s = 0.2;
    const sigmas = [1, 0.3, 0.05];
    const sample = makeAnnealedLangevin(gaussianScore(mu, s), sigmas, { stepSize: 1e-4, stepsPerSigma: 0 });
    const x0 = tf.randomNormal([64, 3, 3, 1], 0.5, 0.4, 'float32', 8);
    const { x } = await sample(x0, { seed: 1 });
    const shrink = (s * s) / (s * s + 0.05 ** 2);
    const [got, start] = [await x.data(), await x0.data()];
    start.forEach((v, i) => expect(got[i]).toBeCloseTo(mu + shrink * (v - mu), 5));
    tf.dispose([x, x0]);
  });

  it('Gaussian data: the chain ends near N(mu, s^2 + sigma_L^2), exactly as the linear recursion predicts', async () => {
    const mu = 0.4;
    const s = 0.2;
    const sigmas = geometric(2, 0.1, 6);
    const options = { stepSize: 4e-3, stepsPerSigma: 25 };
    const alphas = annealedStepSizes(sigmas, options.stepSize);
    // With a linear score every step is affine, so mean and variance follow exactly:
    // m <- m + alpha (mu - m)/V, v <- (1 - alpha/V)^2 v + 2 alpha, with V = s^2 + sigma_i^2.
    let [m, v] = [0.5, 1 / 12];
    sigmas.forEach((sigma, c) => {
      const V = s * s + sigma * sigma;
      for (let t = 0; t < options.stepsPerSigma; t++) {
        m += (alphas[c] * (mu - m)) / V;
        v = (1 - alphas[c] / V) ** 2 * v + 2 * alphas[c];
      }
    });
    const stationary = s * s + 0.1 ** 2;
    expect(Math.abs(v / stationary - 1)).toBeLessThan(0.06); // close to stationary; the rest is step-size bias
    const x0 = tf.randomUniform([1024, 8, 8, 1], 0, 1, 'float32', 6);
    const raw = await makeAnnealedLangevin(gaussianScore(mu, s), sigmas, { ...options, denoise: false })(x0, {
      seed: 3,
    });
    const tweedie = makeAnnealedLangevin(gaussianScore(mu, s), sigmas, { ...options, stepsPerSigma: 0 });
    const denoised = await tweedie(raw.x, { seed: 3, fromLevel: sigmas.length - 1 });
    const m1 = await moments(raw.x);
    const m2 = await moments(denoised.x);
    expect(Math.abs(m1.mean - m)).toBeLessThan(0.004);
    expect(Math.abs(m1.variance / v - 1)).toBeLessThan(0.025);
    // Tweedie shrinks deviations from mu by s^2 / (s^2 + sigma_L^2), the variance by its square.
    expect(m2.variance / m1.variance).toBeCloseTo(((s * s) / stationary) ** 2, 4);
    tf.dispose([raw.x, denoised.x, x0]);
  });

  it('the same seed gives the same chain; another seed another one', async () => {
    const sample = makeAnnealedLangevin(gaussianScore(0, 1), [1, 0.5], { stepSize: 0.01, stepsPerSigma: 4 });
    const x0 = tf.zeros([4, 2]);
    const a = await sample(x0, { seed: 7 });
    const b = await sample(x0, { seed: 7 });
    const c = await sample(x0, { seed: 8 });
    expect(Array.from(await a.x.data())).toEqual(Array.from(await b.x.data()));
    expect(Array.from(await a.x.data())).not.toEqual(Array.from(await c.x.data()));
    tf.dispose([a.x, b.x, c.x, x0]);
  });

  it('cancel at any step frees every tensor the run made', async () => {
    const sample = makeAnnealedLangevin(mixture, [2, 1], { stepSize: 0.1, stepsPerSigma: 10 });
    const x0 = tf.randomUniform([16, 2], -8, 8, 'float32', 2);
    const before = tf.memory().numTensors;
    let steps = 0;
    const run = sample(x0, {
      seed: 4,
      recordTrajectory: true,
      checkpoint: async () => {
        if (++steps > 13) throw new DOMException('cancelled', 'AbortError');
      },
    });
    await expect(run).rejects.toThrow('cancelled');
    expect(tf.memory().numTensors).toBe(before);
    x0.dispose();
  });

  it('refuses a schedule that is not descending and a bad starting level', async () => {
    expect(() => makeAnnealedLangevin(mixture, [0.1, 1], { stepSize: 0.1, stepsPerSigma: 1 })).toThrow(
      'largest sigma to the smallest',
    );
    const sample = makeAnnealedLangevin(mixture, [1, 0.1], { stepSize: 0.1, stepsPerSigma: 1 });
    const x0 = tf.zeros([2, 2]);
    await expect(sample(x0, { seed: 1, fromLevel: 2 })).rejects.toThrow('between 1 and 2');
    x0.dispose();
  });
});
