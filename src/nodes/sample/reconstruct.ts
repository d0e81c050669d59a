/** sample.reconstruct: perturb images to level k and anneal back (SDEdit-style partial diffusion). */
import { integer } from '../../graph';
import { summarizeSamples } from './sampler-summary';
import { declareNode, defineNode, lazy } from '../define';
import { checkItemShape, checkLevel, checkSamplerModel, checkStepSize, samplesKind } from './sampler-checks';
import { samplerInputs, samplerParams, trajectoryParam } from './sampler-params';

export const declaration = declareNode({
  type: 'sample.reconstruct',
  title: 'Reconstruction from level k',
  category: 'Sample',
  doc: 'Adds level k’s noise to each image (x + σ_k z) and runs annealed Langevin from level k to the end. Small k (large σ) gives a new sample loosely related to the input; k near L a near-copy. k = 1 is NCSNv2’s data_init.',
  inputs: {
    ...samplerInputs,
    images: { type: 'Samples', doc: 'The images (or points) to perturb and reconstruct.' },
  },
  outputs: {
    samples: { type: 'Samples', doc: 'perImage reconstructions of each input, one input’s after another.' },
  },
  params: {
    level: integer({
      default: 1,
      min: 1,
      max: 10000,
      label: 'start level k',
      doc: 'The level to perturb to and start from (1 = σ_1, the largest).',
    }),
    perImage: integer({
      default: 1,
      min: 1,
      max: 256,
      label: 'per image',
      doc: 'Reconstructions per input.',
    }),
    ...samplerParams,
    trajectory: trajectoryParam,
  },

  infer({ params, inputs }) {
    checkSamplerModel(inputs.model, inputs.schedule);
    checkStepSize(params.stepSize, inputs.schedule);
    checkLevel(params.level, inputs.schedule);
    const shape = checkItemShape(inputs.model, 'images', 'images', inputs.images);
    const count = inputs.images?.count == null ? null : inputs.images.count * params.perImage;
    return { samples: { kind: samplesKind(shape), shape, count } };
  },

  summarize: ({ samples }, params) => summarizeSamples(samples, params),
});

export default defineNode({ ...declaration, run: lazy(() => import('./reconstruct.run')) });
