/**
 * train.fit's compile-time checks: which model, data and schedule fit together, with each
 * mistake reported on the node that has to change (the model node for an architecture that
 * does not fit the data). Pure and tfjs-free.
 */
import { estimateStepMemory, planMicroBatches } from '../../score/step-memory';
import { InferError } from '../define';
import type { Meta, OutputMeta } from '../sockets';

/** The trained model's meta, or an InferError naming the node to fix. */
export function trainedModelMeta(
  dataset: Meta<'Dataset'> | undefined,
  schedule: Meta<'Schedule'> | undefined,
  model: Meta<'Model'> | undefined,
): OutputMeta<'Model'> {
  if (!dataset || !model)
    return {
      ready: true,
      exact: false,
      kind: model?.kind ?? 'network',
      shape: dataset?.shape ?? null,
      levels: null,
    };
  const scheduleLevels = schedule?.levels ?? null;
  if (model.ready) {
    if (model.exact)
      throw new InferError(
        `"${model.source}" is an exact score: it has no weights to train. Connect model.mlp or model.ncsn, or a trained network to continue training it.`,
        { socket: 'model' },
      );
    if (model.shape && model.shape.join() !== dataset.shape.join())
      throw new InferError(
        `The network from "${model.source}" was trained on items of shape [${model.shape}], but the dataset from "${dataset.source}" has items of shape [${dataset.shape}].`,
        { nodeId: model.source },
      );
    if (model.levels !== null && scheduleLevels !== null && model.levels !== scheduleLevels)
      throw new InferError(
        `The network from "${model.source}" is conditioned on ${model.levels} noise levels, but the schedule from "${schedule!.source}" has ${scheduleLevels}: its conditional norms tie the weights to L.`,
        { nodeId: model.source },
      );
    return { ready: true, exact: false, kind: model.kind, shape: [...dataset.shape], levels: model.levels };
  }
  if (model.kind === 'ncsn' && dataset.kind !== 'images')
    throw new InferError(
      `The conv score network "${model.source}" needs images, but the dataset from "${dataset.source}" is ${dataset.shape.length === 1 ? `${dataset.shape[0]}-D points` : `of shape [${dataset.shape}]`}: use model.mlp for points.`,
      { nodeId: model.source },
    );
  return {
    ready: true,
    exact: false,
    kind: model.kind,
    shape: [...dataset.shape],
    levels: model.conditional ? scheduleLevels : null,
  };
}

/**
 * On a known backend, refuses a batch whose step cannot fit even in micro-batches (one item too
 * large, or BatchNorm, which cannot be split), naming the largest batch that fits. The weights'
 * share is left out here (their count needs the built network); the run plans with it.
 */
export function checkStepMemory(
  nodeId: string,
  dataset: Meta<'Dataset'> | undefined,
  model: Meta<'Model'> | undefined,
  batchSize: number,
  backend: string | undefined,
): void {
  if (!backend || !dataset || !model || model.ready || !model.architecture) return;
  const memory = estimateStepMemory({
    kind: model.kind,
    config: model.architecture,
    shape: dataset.shape,
    parameters: 0,
    backend,
  });
  try {
    planMicroBatches(memory, batchSize, backend, model.architecture.norm !== 'batch');
  } catch (error) {
    throw new InferError(`Node "${nodeId}" (train.fit) on ${backend}: ${(error as Error).message}`, {
      param: 'batchSize',
    });
  }
}
