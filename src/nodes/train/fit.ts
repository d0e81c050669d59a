/**
 * train.fit: trains a score network by denoising score matching over a noise schedule, with
 * Adam and an EMA of the weights. Builds the weights once it knows the data shape and the
 * schedule; given an already trained network, it continues from that network's weights.
 */
import { integer } from '../../graph';
import { declareNode, defineNode, lazy } from '../define';
import { checkStepMemory, trainedModelMeta } from './fit-checks';

export const declaration = declareNode({
  type: 'train.fit',
  title: 'Train',
  category: 'Train',
  doc:
    'Trains the network on the dataset: each step draws a batch and noise levels from the schedule, ' +
    'takes one Adam step on the DSM loss and updates the EMA of the weights. The loss is read back ' +
    'only every "log every" steps (reading it every step would stall a GPU). The trained model samples ' +
    'with the EMA weights. Connect a trained network instead of model.mlp/model.ncsn to train it further.',
  inputs: {
    dataset: { type: 'Dataset', doc: 'Training examples.' },
    schedule: { type: 'Schedule', doc: 'The noise levels σ_1 > … > σ_L to train at.' },
    model: {
      type: 'Model',
      doc: 'An untrained architecture (model.mlp, model.ncsn) or a trained network to continue.',
    },
    loss: { type: 'Loss', doc: 'The objective (loss.dsm).' },
    optimizer: { type: 'Optimizer', doc: 'Adam + EMA settings (optim.adam).' },
  },
  outputs: {
    model: { type: 'Model', doc: 'The trained network (samples with the EMA weights).' },
    losses: { type: 'Losses', doc: 'Loss at each log point and per noise level, for view.loss.' },
  },
  params: {
    steps: integer({ default: 1000, min: 1, max: 1_000_000, doc: 'Optimiser steps to take.' }),
    batchSize: integer({ default: 128, min: 1, max: 4096, label: 'batch size', doc: 'Examples per step.' }),
    seed: integer({
      default: 1,
      min: 1,
      max: 2_147_483_646,
      doc: 'Seeds the initial weights, the data order, the noise levels and the noise: same seed, same run.',
    }),
    logEvery: integer({
      default: 50,
      min: 1,
      max: 100_000,
      label: 'log every',
      doc: 'Read the loss back (and update the curve) every this many steps.',
    }),
  },

  infer: ({ nodeId, inputs, params, backend }) => {
    const model = trainedModelMeta(inputs.dataset, inputs.schedule, inputs.model);
    checkStepMemory(nodeId, inputs.dataset, inputs.model, params.batchSize, backend);
    return { model, losses: {} };
  },

  summarize({ model, losses }) {
    const trained = model.ready && !model.exact ? model : null;
    return {
      kind: model.kind,
      shape: trained?.shape ?? null,
      step: trained?.step ?? null,
      levels: losses.sigmas.length,
      parameters: trained?.parameterCount ?? null,
      finalLoss: losses.loss.length ? losses.loss[losses.loss.length - 1] : null,
      ...(losses.stopped ? { stopped: losses.stopped } : {}),
      ...(losses.microBatch ? { microBatch: losses.microBatch } : {}),
      ...(losses.threads ? { threads: losses.threads } : {}),
    };
  },
});

export default defineNode({ ...declaration, run: lazy(() => import('./fit.run')) });
