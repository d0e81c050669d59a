/** The worker's 'export-checkpoint' answer: the trained network a node output, encoded for saving. */
import type { Json } from '../graph';
import type { Executor } from './execute';

export type ExportedCheckpoint =
  { ok: true; name: string; json: Json; weights: ArrayBuffer } | { ok: false; message: string };

export async function exportCheckpoint(
  executor: Executor | null,
  nodeId: string,
): Promise<ExportedCheckpoint> {
  const outputs = executor?.outputsOf(nodeId);
  if (!outputs)
    return { ok: false, message: `Node "${nodeId}" has no results yet: run it first, then save its model.` };
  const { isTrainedNetwork } = await import('../score/trained');
  const model = Object.values(outputs).find(isTrainedNetwork);
  if (!model)
    return {
      ok: false,
      message: `Node "${nodeId}" outputs no trained network (only a trained or loaded network can be saved).`,
    };
  try {
    const { encodeCheckpoint } = await import('../score/checkpoint');
    const { json, weights } = await encodeCheckpoint(model);
    return { ok: true, name: nodeId, json, weights };
  } catch (error) {
    return { ok: false, message: `Saving the model of "${nodeId}" failed: ${(error as Error).message}` };
  }
}
