/**
 * train.fit: trains a score network by denoising score matching over a noise schedule, with
 * Adam and an EMA of the weights. Builds the weights once it knows the data shape and the
 * schedule; given an already trained network, it continues from that network's weights.
 */
import { integer } from '../../graph';
import type { TrainedNetwork } from '../../score/trained';
import { defineNode } from '../define';
import { trainedModelMeta } from './fit-checks';
import { formatLoss, lossDisplay } from './loss-display';

export default defineNode({
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

  infer: ({ inputs }) => ({
    model: trainedModelMeta(inputs.dataset, inputs.schedule, inputs.model),
    losses: {},
  }),

  async run(ctx) {
    const { params, inputs } = ctx;
    const { dataset, schedule, model, loss, optimizer } = inputs;
    const [
      { buildNetwork },
      { train },
      { isTrainedNetwork, networkOf },
      { deriveSeed },
      { estimateStepMemory, planMicroBatches },
      { countParameters },
    ] = await Promise.all([
      import('../../score/networks/build'),
      import('../../score/train'),
      import('../../score/trained'),
      import('../../score/random'),
      import('../../score/step-memory'),
      import('../../score/networks/weights'),
    ]);
    const sigmas = schedule.sigmas;
    let resume: { params: TrainedNetwork['params']; ema: TrainedNetwork['ema']; step: number } | undefined;
    let network;
    let salt: number;
    if (model.ready) {
      if (!isTrainedNetwork(model))
        throw new Error(`A ${model.kind} score has no weights to train: connect model.mlp or model.ncsn.`);
      if (model.shape.join() !== dataset.shape.join())
        throw new Error(
          `The network was trained on items of shape [${model.shape}], but the dataset has [${dataset.shape}].`,
        );
      if (model.levels !== null && model.levels !== sigmas.length)
        throw new Error(
          `The network is conditioned on ${model.levels} noise levels, but the schedule has ${sigmas.length}.`,
        );
      network = networkOf({ ...model, sigmas });
      resume = { params: model.params, ema: model.ema, step: model.step };
      salt = model.step; // a continued run draws new noise
    } else {
      network = buildNetwork(model.kind, model.config, dataset.shape, sigmas.length);
      salt = model.seed;
    }

    // Before any tensor: split the batch when a whole-batch step would not fit this backend.
    const memory = estimateStepMemory({
      kind: network.kind,
      config: network.config,
      shape: network.shape,
      parameters: countParameters(network.weightSpecs),
    });
    const plan = planMicroBatches(memory, params.batchSize, ctx.backend, network.config.norm !== 'batch');
    const split = plan.count > 1 ? ` · batch ${params.batchSize} as ${plan.count}×${plan.microBatch}` : '';
    if (split) ctx.progress(0, `step 0/${params.steps}${split} (memory)`);

    let lastLoss: number | null = null;
    const result = await train({
      network,
      data: dataset.data,
      sigmas,
      sigmaPer: loss.sigmaPer,
      adam: optimizer,
      ema: { momentum: optimizer.ema, biasCorrection: optimizer.emaBiasCorrection },
      steps: params.steps,
      batchSize: params.batchSize,
      microBatch: plan.microBatch,
      seed: deriveSeed(params.seed, ctx.seed, salt),
      logEvery: params.logEvery,
      resume,
      onLog: ({ loss: value, log }) => {
        lastLoss = value;
        ctx.preview(lossDisplay(log, true));
      },
      onStep: (done, total) =>
        ctx.progress(
          done / total,
          `step ${done}/${total}` + (lastLoss === null ? '' : ` · loss ${formatLoss(lastLoss)}`) + split,
        ),
      checkpoint: ctx.checkpoint,
    });
    if (result.stopped) {
      ctx.progress(1, result.stopped);
      ctx.preview(lossDisplay(result.log, true));
    }
    return { model: result.model, losses: result.log };
  },

  summarize({ model, losses }) {
    const trained = model as TrainedNetwork;
    return {
      kind: trained.kind,
      shape: trained.shape,
      step: trained.step,
      levels: losses.sigmas.length,
      parameters: trained.parameterCount,
      finalLoss: losses.loss.length ? losses.loss[losses.loss.length - 1] : null,
      ...(losses.stopped ? { stopped: losses.stopped } : {}),
    };
  },
});
