/** sample.inpaint: fill in the unknown pixels of images by annealed Langevin dynamics (NCSN App. B). */
import { choice, integer } from '../../graph';
import { defineNode, InferError } from '../define';
import { checkItemShape, checkSamplerModel, checkStepSize, samplesKind } from './sampler-checks';
import { initParams, samplerParams, trajectoryParam } from './sampler-params';
import {
  checkImagesFit,
  prepareSampling,
  previewFinal,
  previewLimit,
  reportingHooks,
  samplesValue,
} from './sampler-run';

export default defineNode({
  type: 'sample.inpaint',
  title: 'Inpainting',
  category: 'Sample',
  doc: 'Completes images where the mask is 0 by annealed Langevin dynamics, with the known pixels (mask 1) replaced at every level by the clean value plus that level’s noise. The known pixels come out exactly as given.',
  inputs: {
    model: { type: 'Model', doc: 'A trained or exact score model.' },
    schedule: { type: 'Schedule', doc: 'The noise levels, largest first.' },
    images: { type: 'Samples', doc: 'The images to complete (their masked-out pixels are ignored).' },
    mask: { type: 'Mask', doc: '1 where a pixel is known, 0 where it is to be filled in.' },
  },
  outputs: {
    samples: {
      type: 'Samples',
      doc: 'perImage completions of each image, one image’s completions after another.',
    },
  },
  params: {
    perImage: integer({
      default: 4,
      min: 1,
      max: 256,
      label: 'completions per image',
      doc: 'Completions drawn for each image (set view.images columns to the same to get one row per image).',
    }),
    ...samplerParams,
    renoise: choice<'step' | 'level'>({
      default: 'step',
      options: ['step', 'level'] as const,
      doc: 'How often the known pixels get fresh noise.',
      optionDocs: {
        step: 'Fresh noise at every step, written in before the score (NCSNv2 code).',
        level:
          'Noise drawn once per level, written in before and after every step (NCSN code, App. B Alg. 2).',
      },
    }),
    initRange: initParams.initRange,
    trajectory: trajectoryParam,
  },

  infer({ params, inputs }) {
    checkSamplerModel(inputs.model, inputs.schedule);
    checkStepSize(params.stepSize, inputs.schedule);
    const shape = checkItemShape(inputs.model, 'images', 'images', inputs.images);
    const mask = inputs.mask;
    if (shape && mask?.shape && mask.shape.join() !== shape.join())
      throw new InferError(
        `The mask from "${mask.source}" is [${mask.shape}] but the images are [${shape}].`,
        {
          socket: 'mask',
        },
      );
    const count = inputs.images?.count == null ? null : inputs.images.count * params.perImage;
    return { samples: { kind: samplesKind(shape), shape, count } };
  },

  async run(ctx) {
    const { params, inputs } = ctx;
    const kit = await prepareSampling(inputs.model, inputs.schedule, params, ctx.seed);
    const { sampling, sigmas, shape } = kit;
    const { images, mask } = inputs;
    checkImagesFit(images.data, shape);
    const count = images.data.shape[0] * params.perImage;
    const known = sampling.repeatEach(images.data, params.perImage);
    const x0 = sampling.initialSamples({
      init: 'uniform',
      count,
      shape,
      range: params.initRange,
      sigmaMax: sigmas[0],
      seed: sampling.mixSeeds(kit.seed, 1),
    });
    try {
      const inpaint = sampling.makeAnnealedInpainting(kit.score, sigmas, {
        stepSize: kit.epsilon,
        stepsPerSigma: params.steps,
        rule: params.rule,
        renoise: params.renoise,
        denoise: params.denoise,
      });
      const previewItems = previewLimit(shape);
      const hooks = reportingHooks(ctx, kit, {
        steps: params.steps,
        previewItems,
        recordTrajectory: params.trajectory,
        what: `inpainting ${count}`,
      });
      const { x, trajectory } = await inpaint(known, mask.data, x0, hooks);
      await previewFinal(
        ctx,
        kit,
        x,
        previewItems,
        `${images.data.shape[0]} images × ${params.perImage} completions`,
      );
      return { samples: samplesValue(shape, x, params.trajectory ? trajectory : undefined) };
    } finally {
      known.dispose();
      x0.dispose();
    }
  },
});
