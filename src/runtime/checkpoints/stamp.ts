/**
 * Provenance in a checkpoint: the header's `provenance` field (graph hash, seed, backend,
 * scoregraph and tfjs versions), written the same way by the CLI (--save-checkpoints) and the
 * editor (Save trained model), read back for display. Checkpoints without one (older files)
 * stay valid: readers ignore header fields they do not know.
 */
import type { Json } from '../../graph';
import type { CheckpointData } from '../../graph/checkpoint-header';
import type { Provenance } from '../provenance';

/** `data` with how it was made in its header. */
export function stampCheckpoint<T extends CheckpointData>(data: T, made: Provenance): T {
  return { ...data, json: { ...(data.json as Record<string, Json>), provenance: { ...made } } };
}

/** The provenance a checkpoint header carries, or null (an older file, or a malformed field). */
export function checkpointProvenance(header: unknown): Provenance | null {
  const p = (header as { provenance?: unknown } | null)?.provenance as Record<string, unknown> | undefined;
  if (!p || typeof p !== 'object') return null;
  const { graphHash, seed, backend, scoregraph, tfjs } = p;
  if (
    typeof graphHash !== 'string' ||
    typeof seed !== 'number' ||
    typeof backend !== 'string' ||
    typeof scoregraph !== 'string' ||
    typeof tfjs !== 'string'
  )
    return null;
  return { graphHash, seed, backend, scoregraph, tfjs };
}

/** One line for people: "graph 1a2b3c4d, seed 7, wasm, scoregraph 0.1.0, tfjs 4.22.0". */
export function describeProvenance(p: Provenance): string {
  return `graph ${p.graphHash}, seed ${p.seed}, ${p.backend}, scoregraph ${p.scoregraph}, tfjs ${p.tfjs}`;
}
