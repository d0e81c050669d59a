/**
 * Where model.load finds a checkpoint, and what its header says — plain data, no tfjs.
 *
 * A checkpoint is a pair: a JSON header (`<name>.ckpt.json`: format, version, kind, config,
 * shape, sigmas, step, weightSpecs) and the weights (`<name>.ckpt.bin`: raw and EMA weights in
 * tfjs's weight format), written by src/score/checkpoint.ts. model.load's `checkpoint` param
 * names one: in the browser, an entry of this browser's checkpoint store (checkpoint-store.ts);
 * in the CLI, a file path (the CLI installs its file reader with useCheckpointReader).
 */
import { loadStoredCheckpoint } from './checkpoint-store';

export interface CheckpointData {
  json: unknown;
  weights: ArrayBuffer;
}

/** Reads the checkpoint a model.load node names; throws an Error with a user-facing message. */
export type CheckpointReader = (ref: string) => Promise<CheckpointData>;

let installed: CheckpointReader | null = null;

/** Installs the reader for this process (the CLI: files). Returns a function that uninstalls it. */
export function useCheckpointReader(reader: CheckpointReader): () => void {
  installed = reader;
  return () => {
    if (installed === reader) installed = null;
  };
}

/** The checkpoint `ref` names: through the installed reader, else from this browser's store. */
export async function readCheckpoint(ref: string): Promise<CheckpointData> {
  if (installed) return installed(ref);
  if (typeof indexedDB === 'undefined')
    throw new Error(
      'There is no checkpoint store here. In the CLI, "checkpoint" is the path of a .ckpt.json file.',
    );
  return loadStoredCheckpoint(ref);
}

/** What the editor and infer() need to know about a checkpoint, from its header alone. */
export interface CheckpointInfo {
  kind: string;
  /** Shape of one data item: [2] for points, [H, W, C] for images. */
  shape: number[];
  sigmas: number[];
  /** Levels the network is conditioned on (conditional norm), or null when any count works. */
  levels: number | null;
  step: number;
}

/** The header's facts, or a message saying why this is not a checkpoint header. */
export function checkpointInfo(json: unknown): CheckpointInfo | { message: string } {
  if (json === null || typeof json !== 'object' || Array.isArray(json))
    return { message: 'This is not a checkpoint: its header is not a JSON object.' };
  const h = json as Record<string, unknown>;
  if (h.format !== 'scoregraph-checkpoint')
    return { message: 'This is not a scoregraph checkpoint (its "format" is not "scoregraph-checkpoint").' };
  const { kind, config, shape, sigmas, step } = h;
  const positiveInts = (v: unknown) =>
    Array.isArray(v) && v.length > 0 && v.length <= 3 && v.every((n) => Number.isInteger(n) && n > 0);
  const positives = (v: unknown) =>
    Array.isArray(v) && v.length > 0 && v.every((n) => typeof n === 'number' && n > 0 && Number.isFinite(n));
  if (typeof kind !== 'string' || !positiveInts(shape) || !positives(sigmas) || !Number.isInteger(step))
    return { message: 'The checkpoint header is damaged (kind, shape, sigmas or step).' };
  const conditional =
    config !== null &&
    typeof config === 'object' &&
    (config as Record<string, unknown>).conditioning === 'conditional-norm';
  return {
    kind,
    shape: shape as number[],
    sigmas: sigmas as number[],
    // Mirrors src/score/networks/ncsn.ts: only conditional norms tie the weights to L.
    levels: conditional ? (sigmas as number[]).length : null,
    step: step as number,
  };
}

/** "2" → [2], "28,28,1" or "28x28x1" → [28, 28, 1]; null when malformed. */
export function parseShape(text: string): number[] | null {
  const parts = text.trim().split(/\s*[,x×]\s*|\s+/);
  if (parts.length > 3 || parts.some((p) => !/^\d+$/.test(p))) return null;
  const dims = parts.map(Number);
  return dims.every((n) => Number.isInteger(n) && n > 0 && n <= 4096) ? dims : null;
}

export const formatShape = (shape: readonly number[]) => shape.join(',');
