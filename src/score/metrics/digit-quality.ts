/**
 * Sample quality for MNIST-like images, through the bundled digit classifier: the share of
 * samples it classifies with confidence ≥ 0.9, how many confident samples each digit got
 * (coverage), and the Fréchet distance in its feature space to the held-out digits — beside the
 * same distance for as many training digits (the floor a perfect model reaches at this sample
 * size) and for as many uniform-noise images (the ceiling).
 */
import * as tf from '@tensorflow/tfjs';
import { loadMnistImages } from '../datasets/mnist';
import { readGeneratedAsset } from '../generated-asset';
import { uniformRng } from '../random';
import {
  CLASSIFIER_ASSET_PATH,
  CLASSIFIER_SIZE,
  FEATURE_DIM,
  classifierSplit,
  atSampleSize,
  classifierTensors,
  decodeClassifier,
  runClassifier,
  toClassifierInput,
  type ClassifierInfo,
  type ClassifierArrays,
} from './digit-classifier';
import { frechetBetween } from './frechet';

/** The classifier and the digits the metrics compare against (28×28, [0, 1]). */
export interface DigitJudge {
  weights: ClassifierArrays;
  info: ClassifierInfo;
  heldOut: { images: Float32Array; labels: Uint8Array };
  train: { images: Float32Array; labels: Uint8Array };
}

export interface DigitQuality {
  count: number;
  /** Confidence a sample needs to count as a recognised digit. */
  threshold: number;
  /** Share of samples whose top class probability is ≥ threshold. */
  confidentShare: number;
  /** Confident samples per digit 0–9. */
  perDigit: number[];
  /** Digits with at least one confident sample. */
  digitsPresent: number;
  /** Fréchet distance (d², FID's formula) of the samples' features to the held-out digits'. */
  frechet: number;
  /** The same for `count` training digits: what a perfect model scores at this sample size. */
  frechetFloor: number;
  /** The same for `count` uniform-noise images. */
  frechetCeiling: number;
}

/** Index of the largest of each row of `width` values. */
export function argmax(values: Float32Array, width: number): number[] {
  const out: number[] = [];
  for (let row = 0; row * width < values.length; row++) {
    let best = 0;
    for (let c = 1; c < width; c++) if (values[row * width + c] > values[row * width + best]) best = c;
    out.push(best);
  }
  return out;
}

let judge: Promise<DigitJudge> | null = null;

/** The classifier asset and the bundled digits split as it was trained, loaded once per realm. */
export function loadDigitJudge(): Promise<DigitJudge> {
  judge ??= Promise.all([
    readGeneratedAsset(CLASSIFIER_ASSET_PATH, 'MNIST classifier weights'),
    loadMnistImages(),
  ])
    .then(([bytes, digits]) => {
      const { weights, info } = decodeClassifier(bytes);
      const area = digits.height * digits.width;
      const { train, heldOut } = classifierSplit(digits.labels);
      const pick = (indices: number[]) => ({
        images: Float32Array.from({ length: indices.length * area }, (_, k) => {
          const i = indices[Math.floor(k / area)];
          return digits.pixels[i * area + (k % area)] / 255;
        }),
        labels: Uint8Array.from(indices, (i) => digits.labels[i]),
      });
      return { weights, info, heldOut: pick(heldOut), train: pick(train) };
    })
    .catch((error: unknown) => {
      judge = null; // a later run retries (e.g. after prepare-assets)
      throw error;
    });
  return judge;
}

/** `count` of the `total` rows of `width` values, chosen without replacement by a seeded shuffle. */
function sampleRows(rows: Float32Array, width: number, count: number, seed: number): Float32Array {
  const total = rows.length / width;
  const random = uniformRng(seed);
  const order = Array.from({ length: total }, (_, i) => i);
  for (let i = 0; i < Math.min(count, total - 1); i++) {
    const j = i + Math.floor(random() * (total - i));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const out = new Float32Array(count * width);
  for (let k = 0; k < count; k++) out.set(rows.subarray(order[k] * width, (order[k] + 1) * width), k * width);
  return out;
}

/**
 * Scores `count` square one-channel images of side `size` (values as sampled; clamped to [0, 1]).
 * The references (held-out, training and noise images) go through the same resolution as the
 * samples, so a 14-px model is compared with 14-px digits.
 */
export async function digitQuality(
  judge: DigitJudge,
  samples: Float32Array,
  count: number,
  size: number,
  { threshold = 0.9, seed = 1 }: { threshold?: number; seed?: number } = {},
): Promise<DigitQuality> {
  if (count < 2) throw new Error(`The quality metrics need at least 2 samples (got ${count}).`);
  if (samples.length !== count * size * size)
    throw new Error(`Expected ${count} one-channel ${size}×${size} images (got ${samples.length} values).`);
  const area = CLASSIFIER_SIZE * CLASSIFIER_SIZE;
  const heldOutCount = judge.heldOut.labels.length;
  const random = uniformRng(seed);
  const noise = Float32Array.from({ length: count * size * size }, random);
  const weights = classifierTensors(judge.weights);
  const features = (images: Float32Array, n: number) => runClassifier(weights, images, n);
  let scored, heldOut, train, uniform;
  try {
    // one after another: each pass reads its results back before the next starts
    scored = await features(toClassifierInput(samples, count, size), count);
    heldOut = await features(atSampleSize(judge.heldOut.images, heldOutCount, size), heldOutCount);
    train = await features(
      atSampleSize(sampleRows(judge.train.images, area, count, seed), count, size),
      count,
    );
    uniform = await features(toClassifierInput(noise, count, size), count);
  } finally {
    tf.dispose(Object.values(weights));
  }
  const perDigit = new Array<number>(10).fill(0);
  argmax(scored.probabilities, 10).forEach((digit, k) => {
    if (scored.probabilities[k * 10 + digit] >= threshold) perDigit[digit]++;
  });
  const confident = perDigit.reduce((a, b) => a + b, 0);
  return {
    count,
    threshold,
    confidentShare: confident / count,
    perDigit,
    digitsPresent: perDigit.filter((n) => n > 0).length,
    frechet: frechetBetween(scored.features, heldOut.features, FEATURE_DIM),
    frechetFloor: frechetBetween(train.features, heldOut.features, FEATURE_DIM),
    frechetCeiling: frechetBetween(uniform.features, heldOut.features, FEATURE_DIM),
  };
}
