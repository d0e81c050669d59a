/**
 * Checkpoints on disk for the CLI: `--save-checkpoints` writes `<nodeId>.ckpt.json` +
 * `<nodeId>.ckpt.bin` for every trained network a run produced (the format of
 * src/score/checkpoint.ts, the same one the editor reads), and model.load reads a checkpoint
 * by path: `x.ckpt.json` (its `.ckpt.bin` beside it), `x.ckpt.bin`, `x.ckpt.zip` or plain `x`.
 */
import { readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Executor } from '../runtime/execute';
import type { Json } from '../graph';
import type { Plan } from '../runtime/compile';
import type { Provenance } from '../runtime/provenance';
import {
  checkpointBaseName,
  MAX_HEADER_BYTES,
  MAX_WEIGHT_BYTES,
  pairCheckpoint,
  unzipCheckpoint,
} from '../nodes/model/checkpoint-bundle';
import type { CheckpointData } from '../nodes/model/checkpoint-source';

/** Every trained network among the plan's cached outputs, as files to write: name → bytes. */
export async function checkpointFiles(
  plan: Plan,
  executor: Executor,
  provenance?: Provenance,
): Promise<Map<string, Uint8Array>> {
  const { isTrainedNetwork } = await import('../score/trained');
  const { encodeCheckpoint } = await import('../score/checkpoint');
  const files = new Map<string, Uint8Array>();
  for (const step of plan.steps) {
    const outputs = executor.outputsOf(step.nodeId) ?? {};
    const trained = Object.entries(outputs).filter(([, value]) => isTrainedNetwork(value));
    for (const [socket, value] of trained) {
      if (!isTrainedNetwork(value)) continue;
      // One model output (the usual case) keeps the plain node id as the file name.
      const base = trained.length === 1 ? step.nodeId : `${step.nodeId}.${socket}`;
      const { json, weights } = await encodeCheckpoint(value);
      const header = provenance ? { ...(json as Record<string, Json>), provenance: { ...provenance } } : json;
      files.set(`${base}.ckpt.json`, new TextEncoder().encode(JSON.stringify(header, null, 2) + '\n'));
      files.set(`${base}.ckpt.bin`, new Uint8Array(weights));
    }
  }
  return files;
}

/** model.load's reader in the CLI: `ref` is a path, relative to the current directory. */
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
