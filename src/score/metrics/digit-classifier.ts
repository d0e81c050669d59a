/**
 * The small MNIST classifier the quality metrics look through: a LeNet-style conv net
 * (28×28×1 in [0, 1] → conv5×5·16 → pool → conv5×5·32 → pool → dense 64 = the feature space
 * of the Fréchet distance → dense 10). Its weights are a generated asset (like the digits),
 * trained by scripts/build-mnist-asset.ts on the bundled digits minus a held-out set.
 *
 * Asset layout (little-endian): "SGMC" | u32 version | u32 header bytes | UTF-8 JSON header
 * ({ heldOutAccuracy, epochs, weights: [{ name, shape }] }) | float32 weights in header order.
 */
import * as tf from '@tensorflow/tfjs';
import { resizeArea } from '../datasets/resize';
import { normalRng, uniformRng } from '../random';

export const CLASSIFIER_ASSET_PATH = 'assets/generated/mnist-classifier.bin';
/** Side length the classifier reads; other sizes are resized to it first. */
export const CLASSIFIER_SIZE = 28;
/** Width of the feature layer (the space the Fréchet distance is measured in). */
export const FEATURE_DIM = 64;
/** Images per digit kept out of the classifier's training: its test set and the metrics' reference. */
export const HELD_OUT_PER_DIGIT = 100;

const MAGIC = 'SGMC';
const VERSION = 1;

/** The layers, in the asset's order: [kh, kw, in, out] filters (NHWC), [in, out] dense. */
const SPECS: readonly { name: string; shape: readonly number[]; fanIn: number }[] = [
  { name: 'conv1/w', shape: [5, 5, 1, 16], fanIn: 25 },
  { name: 'conv1/b', shape: [16], fanIn: 0 },
  { name: 'conv2/w', shape: [5, 5, 16, 32], fanIn: 400 },
  { name: 'conv2/b', shape: [32], fanIn: 0 },
  { name: 'feat/w', shape: [512, FEATURE_DIM], fanIn: 512 },
  { name: 'feat/b', shape: [FEATURE_DIM], fanIn: 0 },
  { name: 'out/w', shape: [FEATURE_DIM, 10], fanIn: FEATURE_DIM },
  { name: 'out/b', shape: [10], fanIn: 0 },
];

export type ClassifierWeights = Readonly<Record<string, tf.Tensor>>;
/** The weights as plain arrays: what a cache may hold across runs (no tensors to own or lose). */
export type ClassifierArrays = Readonly<Record<string, { values: Float32Array; shape: number[] }>>;

/** Tensors of the weights, for one scoring pass; the caller disposes them. */
export function classifierTensors(arrays: ClassifierArrays): Record<string, tf.Tensor> {
  return Object.fromEntries(
    Object.entries(arrays).map(([name, { values, shape }]) => [name, tf.tensor(values, shape)]),
  );
}

export interface ClassifierInfo {
  /** Accuracy on the held-out digits measured when the asset was built. */
  heldOutAccuracy: number;
  epochs: number;
}

/**
 * Which bundled digits train the classifier and which are held out: the last
 * HELD_OUT_PER_DIGIT images of every digit (in the asset's order) are held out.
 */
export function classifierSplit(labels: Uint8Array): { train: number[]; heldOut: number[] } {
  const totals = new Array<number>(10).fill(0);
  for (const label of labels) totals[label]++;
  const seen = new Array<number>(10).fill(0);
  const train: number[] = [];
  const heldOut: number[] = [];
  labels.forEach((label, i) => {
    (seen[label]++ >= totals[label] - HELD_OUT_PER_DIGIT ? heldOut : train).push(i);
  });
  return { train, heldOut };
}

/** He-normal filters and zero biases, from `seed` (plain JS, so every backend gets the same start). */
export function initClassifier(seed: number): Record<string, tf.Variable> {
  const normal = normalRng(seed);
  const weights: Record<string, tf.Variable> = {};
  for (const { name, shape, fanIn } of SPECS) {
    const size = shape.reduce((a, b) => a * b, 1);
    const std = fanIn > 0 ? Math.sqrt(2 / fanIn) : 0;
    const values = Float32Array.from({ length: size }, () => std * normal());
    weights[name] = tf.variable(tf.tensor(values, [...shape]), true, `digitClassifier/${name}/${seed}`);
  }
  return weights;
}

/** Features [B, 64] and logits [B, 10] of images x [B, 28, 28, 1]. Call inside tf.tidy. */
export function classify(
  w: ClassifierWeights,
  x: tf.Tensor4D,
): { features: tf.Tensor2D; logits: tf.Tensor2D } {
  const conv = (input: tf.Tensor4D, layer: string): tf.Tensor4D =>
    tf.maxPool(
      tf.relu(
        tf.add(tf.conv2d(input, w[`${layer}/w`] as tf.Tensor4D, 1, 'valid'), w[`${layer}/b`]),
      ) as tf.Tensor4D,
      2,
      2,
      'valid',
    );
  const h = conv(conv(x, 'conv1'), 'conv2');
  const flat = tf.reshape(h, [x.shape[0], 512]);
  const features = tf.relu(tf.add(tf.matMul(flat, w['feat/w'] as tf.Tensor2D), w['feat/b'])) as tf.Tensor2D;
  const logits = tf.add(tf.matMul(features, w['out/w'] as tf.Tensor2D), w['out/b']) as tf.Tensor2D;
  return { features, logits };
}

export interface ClassifierTraining {
  /** Images [count * 28 * 28] in [0, 1] and their labels. */
  images: Float32Array;
  labels: Uint8Array;
  epochs: number;
  batchSize: number;
  learningRate: number;
  seed: number;
  /** Called after each epoch (for a progress line). */
  onEpoch?: (epoch: number, loss: number) => void;
}

/**
 * Shifts each 28×28 image by a random whole-pixel offset in [-max, max]² (zeros come in):
 * cheap augmentation that the small training set needs to reach 98 %.
 */
export function shiftImages(
  images: Float32Array,
  count: number,
  max: number,
  random: () => number,
): Float32Array {
  const n = CLASSIFIER_SIZE;
  const out = new Float32Array(images.length);
  for (let k = 0; k < count; k++) {
    const dy = Math.floor(random() * (2 * max + 1)) - max;
    const dx = Math.floor(random() * (2 * max + 1)) - max;
    const base = k * n * n;
    for (let y = Math.max(0, dy); y < Math.min(n, n + dy); y++)
      for (let x = Math.max(0, dx); x < Math.min(n, n + dx); x++)
        out[base + y * n + x] = images[base + (y - dy) * n + (x - dx)];
  }
  return out;
}

/**
 * Outlier exposure, so that "confident" means "a digit" (a plain CNN calls uniform noise a digit
 * with > 90 % confidence): `count` extra images with soft targets — half are blends
 * λ a + (1 − λ) b of two digits of the batch (target λ, 1 − λ: mixup, which calibrates the
 * confidence of in-between shapes), half speckle noise of random density (target uniform).
 */
export function outlierBatch(
  digits: Float32Array,
  targets: Float32Array,
  batchSize: number,
  count: number,
  random: () => number,
): { images: Float32Array; targets: Float32Array; count: number } {
  const area = CLASSIFIER_SIZE * CLASSIFIER_SIZE;
  const images = new Float32Array(count * area);
  const soft = new Float32Array(count * 10);
  for (let k = 0; k < count; k++) {
    if (k % 2 === 0) {
      const a = Math.floor(random() * batchSize);
      const b = Math.floor(random() * batchSize);
      const lambda = 0.3 + 0.4 * random();
      for (let p = 0; p < area; p++)
        images[k * area + p] = lambda * digits[a * area + p] + (1 - lambda) * digits[b * area + p];
      for (let c = 0; c < 10; c++)
        soft[k * 10 + c] = lambda * targets[a * 10 + c] + (1 - lambda) * targets[b * 10 + c];
    } else {
      const density = 0.02 + 0.98 * random();
      for (let p = 0; p < area; p++) images[k * area + p] = random() < density ? random() : 0;
      soft.fill(0.1, k * 10, (k + 1) * 10);
    }
  }
  return { images, targets: soft, count };
}

/**
 * Images [count, size, size] (one channel, any range) as the classifier reads them: clamped to
 * [0, 1] and, when not 28 px, bilinearly resized to 28 px.
 */
export function toClassifierInput(pixels: Float32Array, count: number, size: number): Float32Array {
  const clamped = pixels.map((v) => Math.min(1, Math.max(0, v)));
  return size === CLASSIFIER_SIZE ? clamped : resizeBilinear(clamped, count, size, CLASSIFIER_SIZE);
}

/**
 * Bilinear resize of `count` square one-channel images of side `size` to side `out`, with
 * half-pixel centres (tf.image.resizeBilinear's halfPixelCenters), in plain JS so every backend
 * reads the same pixels.
 */
export function resizeBilinear(pixels: Float32Array, count: number, size: number, out: number): Float32Array {
  const taps = Array.from({ length: out }, (_, o) => {
    const at = Math.min(size - 1, Math.max(0, ((o + 0.5) * size) / out - 0.5));
    const lo = Math.floor(at);
    return { lo, hi: Math.min(lo + 1, size - 1), t: at - lo };
  });
  const result = new Float32Array(count * out * out);
  for (let n = 0; n < count; n++) {
    const src = n * size * size;
    for (let y = 0; y < out; y++) {
      const r = taps[y];
      for (let x = 0; x < out; x++) {
        const c = taps[x];
        const top = pixels[src + r.lo * size + c.lo] * (1 - c.t) + pixels[src + r.lo * size + c.hi] * c.t;
        const bottom = pixels[src + r.hi * size + c.lo] * (1 - c.t) + pixels[src + r.hi * size + c.hi] * c.t;
        result[n * out * out + y * out + x] = top * (1 - r.t) + bottom * r.t;
      }
    }
  }
  return result;
}

/** 28-px digits as a model of side `size` would see them (area-downsampled), then back to 28 px. */
export function atSampleSize(images: Float32Array, count: number, size: number): Float32Array {
  if (size === CLASSIFIER_SIZE) return images;
  const small = resizeArea(images, count, CLASSIFIER_SIZE, CLASSIFIER_SIZE, 1, size, size);
  return toClassifierInput(small, count, size);
}

/** Trains the classifier with Adam on softmax cross-entropy; returns its weights (the caller disposes). */
export async function trainClassifier(opts: ClassifierTraining): Promise<Record<string, tf.Variable>> {
  const { images, labels, epochs, batchSize, learningRate, seed } = opts;
  const count = labels.length;
  const area = CLASSIFIER_SIZE * CLASSIFIER_SIZE;
  const weights = initClassifier(seed);
  const optimizer = tf.train.adam(learningRate);
  const random = uniformRng(seed);
  const order = Array.from({ length: count }, (_, i) => i);
  try {
    for (let epoch = 0; epoch < epochs; epoch++) {
      // the last half of the epochs halve the learning rate each time (the accuracy settles)
      // tfjs declares Adam's rate protected but reads it at every step: the usual way to decay it
      (optimizer as unknown as { learningRate: number }).learningRate =
        learningRate * 0.5 ** Math.max(0, epoch + 1 - Math.ceil(epochs / 2));
      for (let i = count - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [order[i], order[j]] = [order[j], order[i]];
      }
      let total = 0;
      let batches = 0;
      for (let start = 0; start + batchSize <= count; start += batchSize) {
        const batch = new Float32Array(batchSize * area);
        const targets = new Float32Array(batchSize * 10);
        for (let b = 0; b < batchSize; b++) {
          const idx = order[start + b];
          batch.set(images.subarray(idx * area, (idx + 1) * area), b * area);
          targets[b * 10 + labels[idx]] = 1;
        }
        const shifted = shiftImages(batch, batchSize, 2, random);
        // a quarter of the digits as a 14-px model would draw them (area down, bilinear up)
        const quarter = Math.floor(batchSize / 4);
        shifted.set(atSampleSize(shifted.subarray(0, quarter * area), quarter, 14));
        const outliers = outlierBatch(shifted, targets, batchSize, Math.floor(batchSize / 8), random);
        const rows = batchSize + outliers.count;
        const xs = new Float32Array(rows * area);
        xs.set(shifted);
        xs.set(outliers.images, batchSize * area);
        const ys = new Float32Array(rows * 10);
        ys.set(targets);
        ys.set(outliers.targets, batchSize * 10);
        const loss = tf.tidy((): tf.Scalar => {
          const x = tf.tensor4d(xs, [rows, CLASSIFIER_SIZE, CLASSIFIER_SIZE, 1]);
          const y = tf.tensor2d(ys, [rows, 10]);
          return optimizer.minimize(
            () => tf.losses.softmaxCrossEntropy(y, classify(weights, x).logits) as tf.Scalar,
            true,
            Object.values(weights),
          ) as tf.Scalar; // returnCost = true: never null
        });
        total += (await loss.data())[0];
        loss.dispose();
        batches++;
      }
      opts.onEpoch?.(epoch + 1, total / Math.max(1, batches));
    }
  } finally {
    optimizer.dispose();
  }
  return weights;
}

/** Class probabilities [count * 10] and features [count * 64] of images [count * 28 * 28], in chunks. */
export async function runClassifier(
  w: ClassifierWeights,
  images: Float32Array,
  count: number,
  chunk = 256,
): Promise<{ probabilities: Float32Array; features: Float32Array }> {
  const area = CLASSIFIER_SIZE * CLASSIFIER_SIZE;
  if (images.length !== count * area)
    throw new Error(
      `The classifier reads ${CLASSIFIER_SIZE}×${CLASSIFIER_SIZE} images (got ${images.length} values for ${count}).`,
    );
  const probabilities = new Float32Array(count * 10);
  const features = new Float32Array(count * FEATURE_DIM);
  for (let start = 0; start < count; start += chunk) {
    const n = Math.min(chunk, count - start);
    const [p, f] = tf.tidy(() => {
      const x = tf.tensor4d(images.subarray(start * area, (start + n) * area), [
        n,
        CLASSIFIER_SIZE,
        CLASSIFIER_SIZE,
        1,
      ]);
      const out = classify(w, x);
      return [tf.softmax(out.logits), out.features];
    });
    probabilities.set(await p.data(), start * 10);
    features.set(await f.data(), start * FEATURE_DIM);
    tf.dispose([p, f]);
  }
  return { probabilities, features };
}

/** The asset's bytes for trained weights. */
export async function encodeClassifier(w: ClassifierWeights, info: ClassifierInfo): Promise<Uint8Array> {
  const header = new TextEncoder().encode(
    JSON.stringify({ ...info, weights: SPECS.map(({ name, shape }) => ({ name, shape })) }),
  );
  const headerBytes = Math.ceil(header.length / 4) * 4; // float32 data stays aligned
  const floats = SPECS.reduce((sum, s) => sum + s.shape.reduce((a, b) => a * b, 1), 0);
  const out = new Uint8Array(12 + headerBytes + floats * 4);
  const view = new DataView(out.buffer);
  for (let i = 0; i < 4; i++) out[i] = MAGIC.charCodeAt(i);
  view.setUint32(4, VERSION, true);
  view.setUint32(8, headerBytes, true);
  out.fill(0x20, 12, 12 + headerBytes); // pad the JSON with spaces
  out.set(header, 12);
  let offset = 12 + headerBytes;
  for (const { name } of SPECS) {
    const values = await w[name].data();
    out.set(new Uint8Array(values.buffer, values.byteOffset, values.byteLength), offset);
    offset += values.byteLength;
  }
  return out;
}

/** Weights (as plain arrays) and build info from the asset's bytes. */
export function decodeClassifier(bytes: Uint8Array): {
  weights: ClassifierArrays;
  info: ClassifierInfo;
} {
  const fail = (why: string) =>
    new Error(`The MNIST classifier asset is damaged (${why}); run "npm run prepare-assets" again.`);
  if (bytes.length < 12 || String.fromCharCode(...bytes.subarray(0, 4)) !== MAGIC)
    throw fail('not a classifier file');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(4, true) !== VERSION) throw fail(`unknown version ${view.getUint32(4, true)}`);
  const headerBytes = view.getUint32(8, true);
  const header = JSON.parse(
    new TextDecoder().decode(bytes.subarray(12, 12 + headerBytes)),
  ) as ClassifierInfo & {
    weights: { name: string; shape: number[] }[];
  };
  if (JSON.stringify(header.weights) !== JSON.stringify(SPECS.map(({ name, shape }) => ({ name, shape }))))
    throw fail('its layers differ from this version of the classifier');
  const data = new Float32Array(bytes.slice(12 + headerBytes).buffer);
  const weights: Record<string, { values: Float32Array; shape: number[] }> = {};
  let offset = 0;
  for (const { name, shape } of header.weights) {
    const size = shape.reduce((a, b) => a * b, 1);
    if (offset + size > data.length) throw fail('too short');
    weights[name] = { values: data.subarray(offset, offset + size), shape };
    offset += size;
  }
  if (offset !== data.length) throw fail('wrong length');
  return { weights, info: { heldOutAccuracy: header.heldOutAccuracy, epochs: header.epochs } };
}
