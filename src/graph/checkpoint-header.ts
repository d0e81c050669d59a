/**
 * The checkpoint header, tfjs-free: the one set of rules for what a `<name>.ckpt.json` must say
 * (format, version, kind, config, item shape, sigmas, step, weight specs), read by the editor
 * (to fill in a model.load node), by model.load's infer and run, and by decodeCheckpoint in
 * src/score/checkpoint.ts, which adds the checks that need the network (kind, weight shapes).
 * The weights (`<name>.ckpt.bin`) are raw and EMA float32 weights in tfjs's weight format.
 */
import type { Json } from './types';

export const CHECKPOINT_FORMAT = 'scoregraph-checkpoint';
export const CHECKPOINT_VERSION = 1;
/** The largest side an item may have (pixels, or coordinates of a point). */
const MAX_DIM = 4096;

/** A checkpoint as bytes: the parsed header and the weights. */
export interface CheckpointData {
  json: unknown;
  weights: ArrayBuffer;
}

/** What a checkpoint encodes to (the header is JSON the app wrote). */
export interface EncodedCheckpoint extends CheckpointData {
  json: Json;
}

/** Reads the checkpoint a model.load node names; the host (worker or CLI) provides it. */
export type CheckpointReader = (ref: string) => Promise<CheckpointData>;

export interface WeightSpec {
  name: string;
  shape: number[];
  dtype: 'float32';
}

/** A checked header. */
export interface CheckpointHeader {
  kind: string;
  config: Record<string, unknown>;
  /** Shape of one data item: [2] for points, [H, W, C] for images. */
  shape: number[];
  sigmas: number[];
  /** Levels the network is conditioned on (conditional norm), or null when any count works. */
  levels: number | null;
  step: number;
  weightSpecs: WeightSpec[];
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);
const isNumberList = (v: unknown, ok: (n: number) => boolean): v is number[] =>
  Array.isArray(v) && v.length > 0 && v.every((n) => typeof n === 'number' && ok(n));
/** 1 to 3 whole numbers from 1 to MAX_DIM: [2] for points, [H, W, C] for images. */
const isItemShape = (v: unknown): v is number[] =>
  isNumberList(v, (n) => Number.isInteger(n) && n > 0 && n <= MAX_DIM) && v.length <= 3;

/** The header's facts, or a message saying why this is not a checkpoint header. */
export function readCheckpointHeader(json: unknown): CheckpointHeader | { message: string } {
  const fail = (what: string) => ({ message: `Not a valid scoregraph checkpoint: ${what}` });
  if (!isRecord(json)) return fail('its header is not a JSON object.');
  if (json.format !== CHECKPOINT_FORMAT) return fail(`the header's "format" is not "${CHECKPOINT_FORMAT}".`);
  if (json.version !== CHECKPOINT_VERSION)
    return fail(
      `version ${String(json.version)} is not supported (this app reads version ${CHECKPOINT_VERSION}).`,
    );
  const { kind, config, shape, sigmas, step, weightSpecs } = json;
  if (typeof kind !== 'string') return fail('"kind" must be text.');
  if (!isRecord(config)) return fail('"config" must be an object.');
  if (!isItemShape(shape)) return fail(`"shape" must be 1 to 3 whole numbers from 1 to ${MAX_DIM}.`);
  if (!isNumberList(sigmas, (n) => n > 0 && Number.isFinite(n)))
    return fail('"sigmas" must be positive numbers.');
  if (typeof step !== 'number' || !Number.isInteger(step) || step < 0)
    return fail('"step" must be a whole number ≥ 0.');
  if (!Array.isArray(weightSpecs)) return fail('"weightSpecs" is missing.');
  const specs: WeightSpec[] = [];
  for (const [i, s] of weightSpecs.entries()) {
    if (!isRecord(s) || typeof s.name !== 'string' || !Array.isArray(s.shape) || s.dtype !== 'float32')
      return fail(`weight spec ${i + 1} is malformed.`);
    if (!s.shape.every((n) => Number.isInteger(n) && n >= 0))
      return fail(`weight spec ${i + 1} is malformed.`);
    specs.push({ name: s.name, shape: s.shape as number[], dtype: 'float32' });
  }
  return {
    kind,
    config,
    shape,
    sigmas,
    // Mirrors src/score/networks/ncsn.ts: only conditional norms tie the weights to L.
    levels: config.conditioning === 'conditional-norm' ? sigmas.length : null,
    step,
    weightSpecs: specs,
  };
}

/** "2" → [2], "28,28,1" or "28x28x1" → [28, 28, 1]; null unless it is a valid item shape. */
export function parseShape(text: string): number[] | null {
  const parts = text.trim().split(/\s*[,x×]\s*|\s+/);
  if (parts.some((p) => !/^\d+$/.test(p))) return null;
  const dims = parts.map(Number);
  return isItemShape(dims) ? dims : null;
}

export const formatShape = (shape: readonly number[]) => shape.join(',');
