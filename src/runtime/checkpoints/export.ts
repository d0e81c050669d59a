/**
 * The one export path for trained networks, used by the worker (File → Save trained model) and
 * the CLI (--save-checkpoints): find the trained networks among a node's cached outputs and
 * encode them in the checkpoint format (src/score/checkpoint.ts).
 */
import type { EncodedCheckpoint } from '../../graph/checkpoint-header';
import { encodeCheckpoint } from '../../score/checkpoint';
import { isTrainedNetwork } from '../../score/trained';
import type { Executor } from '../execute';
import type { Provenance } from '../provenance';
import { stampCheckpoint } from './stamp';

export interface NodeCheckpoint {
  /** `<nodeId>`, or `<nodeId>.<socket>` when the node outputs more than one trained network. */
  name: string;
  data: EncodedCheckpoint;
}

/** Every trained network node `nodeId` output in its last run, encoded; [] when it has none. */
export async function nodeCheckpoints(executor: Executor, nodeId: string): Promise<NodeCheckpoint[]> {
  const outputs = executor.outputsOf(nodeId) ?? {};
  const trained = Object.entries(outputs).filter(([, value]) => isTrainedNetwork(value));
  const checkpoints: NodeCheckpoint[] = [];
  for (const [socket, value] of trained) {
    if (!isTrainedNetwork(value)) continue;
    // One model output (the usual case) keeps the plain node id as the name.
    const name = trained.length === 1 ? nodeId : `${nodeId}.${socket}`;
    checkpoints.push({ name, data: await encodeCheckpoint(value) });
  }
  return checkpoints;
}

export type ExportedCheckpoint =
  ({ ok: true; name: string } & EncodedCheckpoint) | { ok: false; message: string };

/**
 * The worker's 'export-checkpoint' answer: the trained network node `nodeId` output, its header
 * stamped with `made` (the graph hash, seed and backend of the run that produced it) as the CLI
 * stamps its own.
 */
export async function exportCheckpoint(
  executor: Executor | null,
  nodeId: string,
  made?: Provenance,
): Promise<ExportedCheckpoint> {
  if (!executor?.outputsOf(nodeId))
    return { ok: false, message: `Node "${nodeId}" has no results yet: run it first, then save its model.` };
  try {
    const [first] = await nodeCheckpoints(executor, nodeId);
    if (!first)
      return {
        ok: false,
        message: `Node "${nodeId}" outputs no trained network (only a trained or loaded network can be saved).`,
      };
    return { ok: true, name: nodeId, ...(made ? stampCheckpoint(first.data, made) : first.data) };
  } catch (error) {
    return { ok: false, message: `Saving the model of "${nodeId}" failed: ${(error as Error).message}` };
  }
}
