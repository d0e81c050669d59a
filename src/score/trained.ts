/**
 * A trained score network as a ScoreModel: score() runs the EMA weights (NCSNv2 Technique 5:
 * sample with the averaged weights). It also carries everything needed to save it as a
 * checkpoint or to resume training: kind, config, shape, sigmas, raw params, EMA and step.
 */
import type * as tf from '@tensorflow/tfjs';
import { buildNetwork, isNetworkKind, type NetworkKind } from './networks/build';
import { networkScore, type ScoreNetwork } from './networks/network';
import { countParameters, disposeWeights, type Weights } from './networks/weights';
import type { ScoreModel } from './values';

export interface TrainedNetwork extends ScoreModel {
  readonly exact: false;
  readonly kind: NetworkKind;
  /** The architecture params (plain JSON) that rebuild the network. */
  readonly config: Readonly<Record<string, unknown>>;
  readonly shape: number[];
  /** The schedule it was trained with (largest first). */
  readonly sigmas: number[];
  /** Noise levels a conditionally normalised net is tied to (= sigmas.length); null when any count works. */
  readonly levels: number | null;
  /** Raw trained weights (what Adam updates; resume continues from these). */
  readonly params: Weights;
  /** EMA shadow of `params`; score() uses these. */
  readonly ema: Weights;
  /** Optimiser steps taken so far (across resumes). */
  readonly step: number;
  readonly parameterCount: number;
}

class TrainedScoreNet implements TrainedNetwork {
  readonly ready = true as const;
  readonly exact = false as const;
  readonly kind: NetworkKind;
  readonly config: Readonly<Record<string, unknown>>;
  readonly shape: number[];
  readonly levels: number | null;
  readonly parameterCount: number;
  // Private: a network holds no tensors, and the runtime walks only public properties.
  readonly #network: ScoreNetwork;

  constructor(
    network: ScoreNetwork,
    readonly sigmas: number[],
    readonly params: Weights,
    readonly ema: Weights,
    readonly step: number,
  ) {
    this.#network = network;
    this.kind = network.kind;
    this.config = network.config;
    this.shape = [...network.shape];
    this.levels = network.levels;
    this.parameterCount = countParameters(network.weightSpecs);
  }

  score(x: tf.Tensor, sigma: tf.Tensor1D, labels: tf.Tensor1D): tf.Tensor {
    const itemShape = x.shape.slice(1);
    if (itemShape.join() !== this.shape.join())
      throw new Error(`This ${this.kind} model works on items of shape [${this.shape}], not [${itemShape}].`);
    return networkScore(this.#network, this.ema, x, sigma, labels);
  }

  dispose(): void {
    disposeWeights(this.params);
    disposeWeights(this.ema);
  }
}

/** Wraps weights (owned from now on by the result) of `network` trained on `sigmas` for `step` steps. */
export function makeTrainedNetwork(
  network: ScoreNetwork,
  sigmas: readonly number[],
  params: Weights,
  ema: Weights,
  step: number,
): TrainedNetwork {
  return new TrainedScoreNet(network, [...sigmas], params, ema, step);
}

/** The architecture of a trained network, rebuilt from its kind, config and shape. */
export function networkOf(model: Pick<TrainedNetwork, 'kind' | 'config' | 'shape' | 'sigmas'>): ScoreNetwork {
  return buildNetwork(model.kind, model.config, model.shape, model.sigmas.length);
}

/** Whether a model value is a trained network (which can be resumed or saved), not an exact score. */
export function isTrainedNetwork(value: unknown): value is TrainedNetwork {
  if (value === null || typeof value !== 'object') return false;
  const v = value as Partial<TrainedNetwork>;
  return (
    v.ready === true &&
    typeof v.kind === 'string' &&
    isNetworkKind(v.kind) &&
    typeof v.step === 'number' &&
    typeof v.params === 'object' &&
    typeof v.ema === 'object'
  );
}
