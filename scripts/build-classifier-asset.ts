/**
 * Builds public/assets/generated/mnist-classifier.bin: trains the quality metrics' digit
 * classifier (src/score/metrics/digit-classifier.ts) on the bundled digits minus the held-out
 * ones, on WASM, seeded (98.0 % held-out accuracy here; the tests require ≥ 98 %, and the build
 * warns below it rather than stop `npm start`). About 60 s of CPU on the 2-core dev machine;
 * skipped when the file is newer than the digits and the sources.
 * Run by `npm run prepare-assets` after the digits.
 */
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { useNodeBackend } from '../src/runtime/backend-node';
import { decodeMnistAsset } from '../src/score/datasets/mnist-asset';
import {
  CLASSIFIER_ASSET_PATH,
  classifierSplit,
  encodeClassifier,
  runClassifier,
  trainClassifier,
} from '../src/score/metrics/digit-classifier';
import { argmax } from '../src/score/metrics/digit-quality';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CLASSIFIER_ASSET_FILE = join(root, 'public', CLASSIFIER_ASSET_PATH);
const DIGITS_FILE = join(root, 'public', 'assets', 'generated', 'mnist.bin');
/** Below this held-out accuracy the build warns (and the classifier's test fails). */
export const MIN_HELD_OUT_ACCURACY = 0.98;

async function mtime(path: string): Promise<number> {
  try {
    return (await stat(path)).mtimeMs;
  } catch {
    return -1;
  }
}

/** Pixels of the chosen images scaled to [0, 1], and their labels. */
function pick(pixels: Uint8Array, labels: Uint8Array, indices: number[], area: number) {
  const images = new Float32Array(indices.length * area);
  indices.forEach((i, k) => {
    for (let p = 0; p < area; p++) images[k * area + p] = pixels[i * area + p] / 255;
  });
  return { images, labels: Uint8Array.from(indices, (i) => labels[i]) };
}

/** Writes the classifier asset unless it is up to date; returns whether it was (re)built. */
export async function buildClassifierAsset(
  force = false,
  log: (line: string) => void = () => {},
): Promise<boolean> {
  const sources = [
    DIGITS_FILE,
    fileURLToPath(import.meta.url),
    join(root, 'src/score/metrics/digit-classifier.ts'),
  ];
  const built = await mtime(CLASSIFIER_ASSET_FILE);
  if (!force && built > 0 && built >= Math.max(...(await Promise.all(sources.map(mtime))))) return false;

  const digits = decodeMnistAsset(new Uint8Array(await readFile(DIGITS_FILE)));
  const area = digits.height * digits.width;
  const { train, heldOut } = classifierSplit(digits.labels);
  const trainSet = pick(digits.pixels, digits.labels, train, area);
  const testSet = pick(digits.pixels, digits.labels, heldOut, area);

  await useNodeBackend('wasm');
  const epochs = 6;
  const weights = await trainClassifier({
    ...trainSet,
    epochs,
    batchSize: 64,
    learningRate: 2e-3,
    seed: 1,
    onEpoch: (epoch, loss) => log(`  classifier epoch ${epoch}/${epochs}: loss ${loss.toFixed(4)}`),
  });
  try {
    const { probabilities } = await runClassifier(weights, testSet.images, heldOut.length);
    const predicted = argmax(probabilities, 10);
    const heldOutAccuracy = predicted.filter((p, k) => p === testSet.labels[k]).length / heldOut.length;
    log(`  classifier held-out accuracy ${(100 * heldOutAccuracy).toFixed(1)} % (${heldOut.length} digits)`);
    if (heldOutAccuracy < MIN_HELD_OUT_ACCURACY)
      log(
        `  WARNING: the digit classifier reached only ${(100 * heldOutAccuracy).toFixed(1)} % on the held-out ` +
          `digits (wanted ${100 * MIN_HELD_OUT_ACCURACY} %): quality numbers will be less reliable.`,
      );
    const bytes = await encodeClassifier(weights, { heldOutAccuracy, epochs });
    await mkdir(dirname(CLASSIFIER_ASSET_FILE), { recursive: true });
    await writeFile(CLASSIFIER_ASSET_FILE, bytes);
  } finally {
    tf.dispose(Object.values(weights));
  }
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const t0 = performance.now();
  const rebuilt = await buildClassifierAsset(process.argv.includes('--force'), console.log);
  const took = ((performance.now() - t0) / 1000).toFixed(1);
  console.log(
    rebuilt ? `Wrote ${CLASSIFIER_ASSET_FILE} in ${took} s.` : `${CLASSIFIER_ASSET_FILE} is up to date.`,
  );
}
