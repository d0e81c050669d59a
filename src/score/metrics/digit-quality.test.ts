import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildClassifierAsset } from '../../../scripts/build-classifier-asset';
import { buildMnistAsset } from '../../../scripts/build-mnist-asset';
import { useNodeBackend } from '../../runtime/backend-node';
import { resizeArea } from '../datasets/resize';
import { uniformRng } from '../random';
import { classifierTensors, runClassifier } from './digit-classifier';
import { argmax, digitQuality, loadDigitJudge, type DigitJudge } from './digit-quality';

let judge: DigitJudge;

beforeAll(async () => {
  await buildMnistAsset(); // no-ops when up to date
  await buildClassifierAsset();
  await useNodeBackend('wasm');
  judge = await loadDigitJudge();
});

/** `count` held-out digits, the first count/10 of each digit. */
function heldOutDigits(count: number): Float32Array {
  const out = new Float32Array(count * 784);
  const seen = new Array<number>(10).fill(0);
  let k = 0;
  judge.heldOut.labels.forEach((label, i) => {
    if (k < count && seen[label]++ < count / 10)
      out.set(judge.heldOut.images.subarray(i * 784, (i + 1) * 784), 784 * k++);
  });
  return out;
}

describe('the bundled digit classifier', () => {
  it('classifies ≥ 98 % of the 1,000 held-out digits right', async () => {
    const n = judge.heldOut.labels.length;
    expect(n).toBe(1000);
    const weights = classifierTensors(judge.weights);
    const { probabilities } = await runClassifier(weights, judge.heldOut.images, n);
    tf.dispose(Object.values(weights));
    const right = argmax(probabilities, 10).filter((p, k) => p === judge.heldOut.labels[k]).length;
    expect(right / n).toBeGreaterThanOrEqual(0.98);
    expect(judge.info.heldOutAccuracy).toBeCloseTo(right / n, 6);
  });
});

describe('digit quality', () => {
  it('scores held-out digits high: confident, every digit, Fréchet distance near the floor', async () => {
    const before = tf.memory().numTensors;
    const q = await digitQuality(judge, heldOutDigits(200), 200, 28);
    expect(q.confidentShare).toBeGreaterThan(0.9);
    expect(q.digitsPresent).toBe(10);
    expect(q.perDigit.reduce((a, b) => a + b, 0)).toBe(Math.round(q.confidentShare * 200));
    expect(q.frechet).toBeLessThan(2 * q.frechetFloor);
    expect(q.frechetCeiling).toBeGreaterThan(10 * q.frechetFloor);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('scores uniform noise low: few confident samples, Fréchet distance at the ceiling', async () => {
    const random = uniformRng(77);
    const noise = Float32Array.from({ length: 200 * 784 }, random);
    const q = await digitQuality(judge, noise, 200, 28, { seed: 3 });
    expect(q.confidentShare).toBeLessThan(0.2);
    expect(q.frechet).toBeGreaterThan(0.5 * q.frechetCeiling);
    expect(q.frechet).toBeGreaterThan(10 * q.frechetFloor);
  });

  it('reads 14-px digits (as a 14-px model samples them) and clamps out-of-range pixels', async () => {
    const small = resizeArea(heldOutDigits(200), 200, 28, 28, 1, 14, 14).map((v) =>
      v > 0.5 ? v + 0.3 : v - 0.2,
    );
    const q = await digitQuality(judge, small, 200, 14);
    expect(q.confidentShare).toBeGreaterThan(0.85);
    expect(q.digitsPresent).toBe(10);
    expect(q.frechet).toBeLessThan(3 * q.frechetFloor);
  });

  it('names what is wrong with its input', async () => {
    await expect(digitQuality(judge, new Float32Array(784), 1, 28)).rejects.toThrow(/at least 2 samples/);
    await expect(digitQuality(judge, new Float32Array(700), 2, 28)).rejects.toThrow(/2 one-channel 28×28/);
  });
});
