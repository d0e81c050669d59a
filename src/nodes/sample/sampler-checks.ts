/**
 * Compile-time checks shared by the sampler kinds, each thrown as an InferError on the socket
 * or param at fault and naming the upstream node, so mistakes show before any GPU work.
 */
import { InferError } from '../define';
import type { Meta } from '../sockets';

/** A sampler needs a ready model whose conditioning (if any) matches the schedule's levels. */
export function checkSamplerModel(
  model: Meta<'Model'> | undefined,
  schedule: Meta<'Schedule'> | undefined,
): void {
  if (!model) return;
  if (!model.ready)
    throw new InferError(
      `The ${model.kind} network from "${model.source}" is untrained: train it first with train.fit and connect train.fit’s model here.`,
      { socket: 'model' },
    );
  if (model.levels !== null && schedule && schedule.levels !== null && model.levels !== schedule.levels)
    throw new InferError(
      `The model from "${model.source}" is conditioned on ${model.levels} noise levels, but the schedule from "${schedule.source}" has ${schedule.levels}: sample with the schedule it was trained with.`,
      { socket: 'schedule' },
    );
}

/** Technique 4 (stepSize auto) needs a ratio between levels, so at least two. */
export function checkStepSize(stepSize: number | 'auto', schedule: Meta<'Schedule'> | undefined): void {
  if (stepSize === 'auto' && schedule?.levels === 1)
    throw new InferError(
      `Step size "auto" (Technique 4) needs at least 2 noise levels, and the schedule from "${schedule.source}" has 1: set a number (for plain Langevin, e.g. 0.1 × the data variance).`,
      { param: 'stepSize' },
    );
}

/** Checks that the data on `socket` fits the model; returns the item shape to use (either, when one is unknown). */
export function checkItemShape(
  model: Meta<'Model'> | undefined,
  socket: string,
  what: string,
  other: { source: string; shape: number[] | null } | undefined,
): number[] | null {
  const modelShape = model?.shape ?? null;
  const otherShape = other?.shape ?? null;
  if (modelShape && otherShape && modelShape.join() !== otherShape.join())
    throw new InferError(
      `The ${what} from "${other!.source}" are [${otherShape}] but the model from "${model!.source}" works on [${modelShape}].`,
      { socket },
    );
  return modelShape ?? otherShape;
}

/** Points are [2]-shaped items; anything else is an image [H, W, C]. */
export function samplesKind(shape: readonly number[] | null): 'points' | 'images' | null {
  if (!shape) return null;
  return shape.length === 1 ? 'points' : 'images';
}

/** A conditional model's level k must exist in the schedule. */
export function checkLevel(level: number, schedule: Meta<'Schedule'> | undefined, param = 'level'): void {
  if (schedule && schedule.levels !== null && level > schedule.levels)
    throw new InferError(
      `Level ${level} does not exist: the schedule from "${schedule.source}" has ${schedule.levels} levels (1 = the largest sigma).`,
      { param },
    );
}

/**
 * The checks every sampler that starts its own chains shares: model and schedule fit, ε can be
 * chosen, and init = data has a dataset. Returns the item shape of the samples.
 */
export function checkChainStart(
  params: { stepSize: number | 'auto'; init: 'uniform' | 'gaussian' | 'data' },
  inputs: { model?: Meta<'Model'>; schedule?: Meta<'Schedule'>; dataset?: Meta<'Dataset'> },
  chains: string,
): number[] | null {
  checkSamplerModel(inputs.model, inputs.schedule);
  checkStepSize(params.stepSize, inputs.schedule);
  if (params.init === 'data' && !inputs.dataset)
    throw new InferError(`init = data starts the ${chains} from training items: connect a dataset.`, {
      socket: 'dataset',
      param: 'init',
    });
  return checkItemShape(
    inputs.model,
    'dataset',
    'dataset items',
    params.init === 'data' ? inputs.dataset : undefined,
  );
}
