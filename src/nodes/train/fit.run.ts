/** train.fit: the run body, loaded on the first run (see fit.ts). */
import type { TrainedNetwork } from '../../score/trained';
import { formatLoss, lossDisplay } from './loss-display';
import type { RunOf } from '../define';
import type { declaration } from './fit';
import { buildNetwork } from '../../score/networks/build';
import { train } from '../../score/train';
import { networkOf } from '../../score/trained';
import { trainableModel } from '../model/model-value';
import { deriveSeed } from '../../score/random';
import { estimateStepMemory, planMicroBatches } from '../../score/step-memory';
import { countParameters } from '../../score/networks/weights';

const run: RunOf<typeof declaration> = async (ctx) => {
  const { params, inputs } = ctx;
  const { dataset, schedule, loss, optimizer } = inputs;
  // infer() (re-run on these values) checked the model against the data and the schedule.
  const model = trainableModel(inputs.model);
  const sigmas = schedule.sigmas;
  let resume: { params: TrainedNetwork['params']; ema: TrainedNetwork['ema']; step: number } | undefined;
  let network;
  let salt: number;
  if (model.ready) {
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
    backend: ctx.backend,
  });
  // BatchNorm's statistics are over the whole batch: its batch is never split (micro-batches, threads).
  const splittable = network.config.norm !== 'batch';
  const plan = planMicroBatches(memory, params.batchSize, ctx.backend, splittable);
  const split = plan.count > 1 ? ` · batch ${params.batchSize} as ${plan.count}×${plan.microBatch}` : '';

  let lastLoss: number | null = null;
  const result = await train({
    network,
    data: dataset.data,
    sigmas,
    sigmaPer: loss.sigmaPer,
    adam: optimizer,
    schedule: { decay: optimizer.lrDecay, decayTo: optimizer.lrDecayTo, warmupSteps: optimizer.warmupSteps },
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
    helpers: splittable ? ctx.gradientHelpers : undefined,
  });
  if (result.stopped) {
    ctx.progress(1, result.stopped);
    ctx.preview(lossDisplay(result.log, true));
  }
  return { model: result.model, losses: result.log };
};

export default run;
