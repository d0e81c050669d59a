/**
 * This browser's checkpoint store (IndexedDB through idb-keyval), shared by the editor (which
 * saves trained models and dropped checkpoint files) and the runtime worker (model.load reads
 * from it through readStoredCheckpoint). An entry's id is its name plus a content hash, so a
 * different checkpoint never takes an id a graph already points at, and the runtime's cache key
 * (which includes the id) changes exactly when the checkpoint does.
 */
import { createStore, del, entries, get, set, type UseStore } from 'idb-keyval';
import type { CheckpointData } from '../../graph/checkpoint-header';
import type { Provenance } from '../provenance';
import { checkpointProvenance } from './stamp';

export interface StoredCheckpoint extends CheckpointData {
  id: string;
  /** The user-facing name (file or graph + node). */
  name: string;
  /** Milliseconds since the epoch. */
  savedAt: number;
}

export type StoredCheckpointSummary = Omit<StoredCheckpoint, 'weights' | 'json'> & {
  bytes: number;
  /** How it was made, when its header says (null for older files). */
  provenance: Provenance | null;
};

let defaultStore: UseStore | null = null;
/** One database of its own: idb-keyval creates a single object store per database. */
const store = () => (defaultStore ??= createStore('scoregraph-checkpoints', 'checkpoints'));

/** Saves a checkpoint; returns its id (the same content and name always get the same id). */
export async function storeCheckpoint(
  name: string,
  data: CheckpointData,
  customStore: UseStore = store(),
): Promise<StoredCheckpoint> {
  const id = `${slug(name)}@${await contentHash(data)}`;
  const entry: StoredCheckpoint = { id, name, savedAt: Date.now(), json: data.json, weights: data.weights };
  await set(id, entry, customStore);
  return entry;
}

/** The worker's checkpoint reader: model.load's `ref` is the id of an entry of this store. */
export async function readStoredCheckpoint(ref: string): Promise<CheckpointData> {
  if (typeof indexedDB === 'undefined')
    throw new Error(
      'There is no checkpoint store here. In the CLI, "checkpoint" is the path of a .ckpt.json file.',
    );
  return loadStoredCheckpoint(ref);
}

export async function loadStoredCheckpoint(
  id: string,
  customStore: UseStore = store(),
): Promise<StoredCheckpoint> {
  const entry = await get<StoredCheckpoint>(id, customStore);
  if (!entry || !(entry.weights instanceof ArrayBuffer))
    throw new Error(
      `This browser has no checkpoint "${id.slice(0, 80)}". Drop its .ckpt.json and .ckpt.bin files (or its .ckpt.zip) on the node to load it.`,
    );
  return entry;
}

/** Every stored checkpoint, newest first, without the weights. */
export async function listStoredCheckpoints(
  customStore: UseStore = store(),
): Promise<StoredCheckpointSummary[]> {
  const all = await entries<string, StoredCheckpoint>(customStore);
  return all
    .map(([, e]) => ({
      id: e.id,
      name: e.name,
      savedAt: e.savedAt,
      bytes: e.weights.byteLength,
      provenance: checkpointProvenance(e.json),
    }))
    .sort((a, b) => b.savedAt - a.savedAt);
}

export async function deleteStoredCheckpoint(id: string, customStore: UseStore = store()): Promise<void> {
  await del(id, customStore);
}

/** Lower-case letters, digits and dashes, at most 40 characters: safe in ids and file names. */
export function slug(name: string): string {
  const s = name
    .toLowerCase()
    .replace(/\.ckpt(\.json|\.bin|\.zip)?$/, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return s || 'checkpoint';
}

/** First 12 hex digits of SHA-256 over the header text and the weights. */
async function contentHash(data: CheckpointData): Promise<string> {
  const header = new TextEncoder().encode(JSON.stringify(data.json));
  const all = new Uint8Array(header.length + data.weights.byteLength);
  all.set(header);
  all.set(new Uint8Array(data.weights), header.length);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', all));
  return Array.from(digest.subarray(0, 6), (b) => b.toString(16).padStart(2, '0')).join('');
}
