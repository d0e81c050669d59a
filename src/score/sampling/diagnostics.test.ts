import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../runtime/backend-node';
import { chooseStepSize, stepSizeFor } from '../schedule/step-size';
import type { ScoreFn } from './anneal-loop';
import { makeAnnealedLangevin } from './annealed-langevin';
import { makeScoreMeter, samplerDiagnostics } from './diagnostics';

beforeAll(() => useNodeBackend('cpu'));

const geometric = (first: number, last: number, levels: number) =>
  Array.from({ length: levels }, (_, i) => first * (last / first) ** (i / (levels - 1)));

/** The exact score of a point mass at 0 perturbed by σ: −x/σ². */
const pointMass: ScoreFn = (x, sigma) => tf.div(tf.neg(x), tf.reshape(tf.square(sigma), [-1, 1]));

describe('sampler diagnostics', () => {
  it('measures ‖s‖·σ ≈ √D at every level for an exact score whose chains stay in equilibrium', async () => {
    const D = 64;
    const sigmas = geometric(4, 0.05, 40); // γ ≈ 1.12: Technique 4 holds each level near σ_i²
    const steps = 5;
    const eps = stepSizeFor('ncsnv2', sigmas, steps);
    const before = tf.memory().numTensors;
    const meter = makeScoreMeter(pointMass, sigmas);
    const sample = makeAnnealedLangevin(meter.score, sigmas, { stepSize: eps, stepsPerSigma: steps });
    const x0 = tf.randomNormal([400, D], 0, sigmas[0], 'float32', 3);
    const { x } = await sample(x0, {
      seed: 5,
      onLevelStart: (level) => meter.setLevel(level),
      onLevel: () => meter.setLevel(null),
    });
    const norms = await meter.read();
    meter.dispose();
    tf.dispose([x, x0]);
    expect(tf.memory().numTensors).toBe(before);
    // x ~ N(0, σ_i² I) at level i, so ‖s‖σ_i = ‖x‖/σ_i ≈ √D (Technique 4 keeps the variance near σ_i²)
    for (const value of norms) {
      expect(value! / Math.sqrt(D)).toBeGreaterThan(0.9);
      expect(value! / Math.sqrt(D)).toBeLessThan(1.15);
    }
  });

  it('counts only the levels it was told about and averages over their calls', async () => {
    const sigmas = [2, 1];
    const meter = makeScoreMeter(pointMass, sigmas);
    const x = tf.tensor2d([
      [3, 4],
      [0, 0],
    ]); // ‖x‖ = 5 and 0: mean ‖s‖σ = mean ‖x‖/σ = 2.5/σ
    const sigma = tf.tensor1d([2, 2]);
    const labels = tf.tensor1d([0, 0], 'int32');
    tf.tidy(() => meter.score(x, sigma, labels)); // not counted: no level set
    meter.setLevel(0);
    tf.tidy(() => meter.score(x, sigma, labels));
    tf.tidy(() => meter.score(tf.mul(x, 3), sigma, labels));
    expect(await meter.read()).toEqual([(2.5 / 2 + 7.5 / 2) / 2, null]);
    meter.dispose();
    tf.dispose([x, sigma, labels]);
  });

  it("reports ε as used, α per level and Technique 4's ratio in either rule's convention", () => {
    const sigmas = geometric(10, 0.01, 50);
    const gamma = sigmas[0] / sigmas[1];
    const best = chooseStepSize(gamma, 5, 0.01);
    const common = { sigmas, stepsPerSigma: 5, itemSize: 784, scoreNormTimesSigma: sigmas.map(() => null) };
    const v2 = samplerDiagnostics({ ...common, stepSize: best.eps, rule: 'ncsnv2' });
    expect(v2.varianceRatio).toBeCloseTo(best.ratio, 9);
    expect(v2.sqrtD).toBe(28);
    expect(v2.alphas[49]).toBeCloseTo(best.eps, 15);
    expect(v2.alphas[0]).toBeCloseTo((best.eps * 100) / 0.0001, 6);
    // the NCSN rule takes half the drift for the same ε: twice Technique 4's ε is the same dynamics
    const v1 = samplerDiagnostics({ ...common, stepSize: 2 * best.eps, rule: 'ncsn' });
    expect(v1.varianceRatio).toBeCloseTo(best.ratio, 9);
    // a step past 2σ_L² diverges; a one-level schedule has no ratio
    expect(samplerDiagnostics({ ...common, stepSize: 3e-4, rule: 'ncsnv2' }).varianceRatio).toBe(Infinity);
    expect(
      samplerDiagnostics({
        ...common,
        sigmas: [1],
        scoreNormTimesSigma: [null],
        stepSize: 1e-3,
        rule: 'ncsnv2',
      }).varianceRatio,
    ).toBeNull();
  });
});
