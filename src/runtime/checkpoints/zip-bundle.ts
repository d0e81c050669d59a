/**
 * Checkpoint files as users handle them: the pair `<name>.ckpt.json` + `<name>.ckpt.bin` (what
 * the CLI writes), or one `<name>.ckpt.zip` holding that same pair (what the editor downloads,
 * so a save is one file). Plain bytes in and out; nothing here trusts the files' content —
 * decodeCheckpoint checks it.
 */
import { unzipSync, zipSync } from 'fflate';
import type { CheckpointData } from '../../graph/checkpoint-header';

/** Header files are small; anything bigger is not a checkpoint header. */
export const MAX_HEADER_BYTES = 4_000_000;
/** Weights beyond this are not something this app trains. */
export const MAX_WEIGHT_BYTES = 1_000_000_000;

export interface NamedBytes {
  name: string;
  bytes: Uint8Array;
}

export type BundleResult = { ok: true; name: string; data: CheckpointData } | { ok: false; message: string };

export const isCheckpointFileName = (name: string) => /\.ckpt\.(json|bin|zip)$/i.test(name);
/** `runs/fit.ckpt.json` → `fit`. */
export const checkpointBaseName = (name: string) =>
  (name.split(/[\\/]/).pop() ?? name).replace(/\.ckpt\.(json|bin|zip)$/i, '');

/** The two files of a checkpoint: `<base>.ckpt.json` (indented header) and `<base>.ckpt.bin`. */
export function checkpointFileBytes(base: string, data: CheckpointData): Record<string, Uint8Array> {
  return {
    [`${base}.ckpt.json`]: new TextEncoder().encode(JSON.stringify(data.json, null, 2) + '\n'),
    [`${base}.ckpt.bin`]: new Uint8Array(data.weights),
  };
}

/** One .ckpt.zip with `<base>.ckpt.json` and `<base>.ckpt.bin` inside. */
export function zipCheckpoint(base: string, data: CheckpointData): Uint8Array {
  const files = checkpointFileBytes(base, data);
  // Weights are floats: deflate gains little, so store them.
  const bin = `${base}.ckpt.bin`;
  return zipSync({ ...files, [bin]: [files[bin], { level: 0 }] }, { level: 6 });
}

/** The checkpoint in a .ckpt.zip. */
export function unzipCheckpoint(name: string, bytes: Uint8Array): BundleResult {
  let files: Record<string, Uint8Array>;
  try {
    let total = 0;
    files = unzipSync(bytes, {
      filter: (f) => {
        total += f.originalSize;
        if (total > MAX_WEIGHT_BYTES + MAX_HEADER_BYTES) throw new Error('too large');
        return isCheckpointFileName(f.name) && !f.name.endsWith('.zip');
      },
    });
  } catch (error) {
    return {
      ok: false,
      message:
        error instanceof Error && error.message === 'too large'
          ? `"${name}" unpacks to more than 1 GB; that is not a checkpoint.`
          : `"${name}" is not a readable zip file.`,
    };
  }
  return pairCheckpoint(
    Object.entries(files).map(([n, b]) => ({ name: n, bytes: b })),
    name,
  );
}

/**
 * The checkpoint among `files` (a drop, a pick, a zip's content): a .ckpt.zip, or a .ckpt.json
 * with the .ckpt.bin of the same name (any .ckpt.bin when only one of each was given).
 */
export function pairCheckpoint(files: readonly NamedBytes[], where = 'the files'): BundleResult {
  const zip = files.find((f) => /\.ckpt\.zip$/i.test(f.name));
  if (zip) return unzipCheckpoint(zip.name, zip.bytes);
  const headers = files.filter((f) => /\.ckpt\.json$/i.test(f.name));
  const weights = files.filter((f) => /\.ckpt\.bin$/i.test(f.name));
  if (!headers.length || !weights.length) {
    const missing = !headers.length ? '.ckpt.json (the header)' : '.ckpt.bin (the weights)';
    return {
      ok: false,
      message: `A checkpoint needs both its .ckpt.json and .ckpt.bin files (or one .ckpt.zip); ${where} lack the ${missing}. Select or drop both at once.`,
    };
  }
  const header = headers[0];
  const base = checkpointBaseName(header.name);
  const bin =
    weights.find((w) => checkpointBaseName(w.name) === base) ??
    (headers.length === 1 && weights.length === 1 ? weights[0] : undefined);
  if (!bin) return { ok: false, message: `There is no ${base}.ckpt.bin next to ${base}.ckpt.json.` };
  if (header.bytes.length > MAX_HEADER_BYTES)
    return { ok: false, message: `${header.name} is too large to be a checkpoint header.` };
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(header.bytes));
  } catch {
    return { ok: false, message: `${header.name} is not valid JSON, so it is not a checkpoint header.` };
  }
  // An exact, unshared ArrayBuffer: typed arrays from zips and files may view a larger one.
  const buffer = bin.bytes.slice().buffer;
  return { ok: true, name: base, data: { json, weights: buffer } };
}
