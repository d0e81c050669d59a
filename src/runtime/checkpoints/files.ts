/**
 * Checkpoints on disk (Node only), for the CLI: `--save-checkpoints` writes `<nodeId>.ckpt.json` +
 * `<nodeId>.ckpt.bin` for every trained network a run produced (the format of
 * src/score/checkpoint.ts, the same one the editor reads), and model.load reads a checkpoint
 * by path: `x.ckpt.json` (its `.ckpt.bin` beside it), `x.ckpt.bin`, `x.ckpt.zip` or plain `x`.
 */
import { readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { CheckpointData } from '../../graph/checkpoint-header';
import type { Plan } from '../compile';
import type { Executor } from '../execute';
import type { Provenance } from '../provenance';
import { nodeCheckpoints } from './export';
import { stampCheckpoint } from './stamp';
import {
  checkpointBaseName,
  checkpointFileBytes,
  MAX_HEADER_BYTES,
  MAX_WEIGHT_BYTES,
  pairCheckpoint,
  unzipCheckpoint,
} from './zip-bundle';

/** Every trained network among the plan's cached outputs, as files to write: name → bytes. */
export async function checkpointFiles(
  plan: Plan,
  executor: Executor,
  provenance?: Provenance,
): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  for (const step of plan.steps)
    for (const { name, data } of await nodeCheckpoints(executor, step.nodeId)) {
      // Each header says how it was made; readers ignore fields they do not know.
      const stamped = provenance ? stampCheckpoint(data, provenance) : data;
      for (const [file, bytes] of Object.entries(checkpointFileBytes(name, stamped))) files.set(file, bytes);
    }
  return files;
}

/** The CLI's checkpoint reader: model.load's `ref` is a path, relative to the current directory. */
export async function readCheckpointFile(ref: string): Promise<CheckpointData> {
  const path = /\.ckpt\.(json|bin|zip)$/i.test(ref) ? ref : `${ref}.ckpt.json`;
  if (/\.ckpt\.zip$/i.test(path)) {
    const result = unzipCheckpoint(path, await readBounded(path, MAX_WEIGHT_BYTES + MAX_HEADER_BYTES));
    if (!result.ok) throw new Error(result.message);
    return result.data;
  }
  const base = join(dirname(path), checkpointBaseName(path));
  const header = `${base}.ckpt.json`;
  const weights = `${base}.ckpt.bin`;
  const result = pairCheckpoint(
    [
      { name: header, bytes: await readBounded(header, MAX_HEADER_BYTES) },
      { name: weights, bytes: await readBounded(weights, MAX_WEIGHT_BYTES) },
    ],
    path,
  );
  if (!result.ok) throw new Error(result.message);
  return result.data;
}

async function readBounded(path: string, limit: number): Promise<Uint8Array> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    throw new Error(`Cannot read the checkpoint file "${path}" (does it exist?).`);
  }
  if (size > limit)
    throw new Error(`"${path}" is too large to be a checkpoint (${(size / 1e6).toFixed(0)} MB).`);
  return new Uint8Array(await readFile(path));
}
