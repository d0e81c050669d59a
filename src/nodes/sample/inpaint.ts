/** sample.inpaint: fill in the unknown pixels of images by annealed Langevin dynamics (NCSN App. B). */
import { choice, integer } from '../../graph';
import { summarizeSamples } from './sampler-summary';
import { declareNode, defineNode, lazy, InferError } from '../define';
import { checkItemShape, checkSamplerModel, checkStepSize, samplesKind } from './sampler-checks';
import { initParams, samplerInputs, samplerParams, trajectoryParam } from './sampler-params';

export const declaration = declareNode({
  type: 'sample.inpaint',
  title: 'Inpainting',
  category: 'Sample',
  doc: 'Completes images where the mask is 0 by annealed Langevin dynamics, with the known pixels (mask 1) replaced at every level by the clean value plus that level’s noise. The known pixels come out exactly as given.',
  inputs: {
    ...samplerInputs,
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

  summarize: ({ samples }, params) => summarizeSamples(samples, params),
});

export default defineNode({ ...declaration, run: lazy(() => import('./inpaint.run')) });
