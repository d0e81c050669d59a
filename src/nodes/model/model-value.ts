/**
 * Narrowings of a Model value that infer() has already proven: the executor re-runs infer() on
 * the values that actually arrive, so these throw only on a bug, never on a user's graph.
 */
import type { TrainedNetwork } from '../../score/trained';
import type { ExactScore, ModelValue, NetworkSpec } from '../sockets';

/** A model that can score (trained, loaded or exact): what samplers and viewers use. */
export function readyModel(model: ModelValue): TrainedNetwork | ExactScore {
  if (!model.ready) throw new Error(`Bug: an untrained ${model.kind} network got past infer().`);
  return model;
}

/** An architecture or a trained network: what train.fit trains. */
export function trainableModel(model: ModelValue): NetworkSpec | TrainedNetwork {
  if (model.ready && model.exact) throw new Error(`Bug: the exact score ${model.kind} got past infer().`);
  return model;
}
