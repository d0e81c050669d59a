/** view.points: a 2-D scatter of samples over the data, optionally with score-field arrows. */
import { integer } from '../../graph';
import { declareNode, defineNode, lazy, InferError } from '../define';

export const declaration = declareNode({
  type: 'view.points',
  title: 'Point cloud',
  category: 'View',
  doc: 'Shows 2-D samples as a scatter plot, optionally over the training data (grey) and with arrows of the score field s(x, σ) at one noise level, so you can see where Langevin dynamics pushes points.',
  view: true,
  inputs: {
    samples: { type: 'Samples', doc: '2-D points [N, 2].' },
    dataset: { type: 'Dataset', optional: true, doc: 'Training data drawn underneath, for comparison.' },
    model: { type: 'Model', optional: true, doc: 'A trained or exact score model, to draw its field.' },
    schedule: { type: 'Schedule', optional: true, doc: 'The noise levels; `level` picks one for the field.' },
  },
  outputs: {},
  params: {
    level: integer({
      default: 1,
      min: 1,
      max: 10000,
      label: 'field level',
      doc: 'Which noise level’s score field to draw (1 = σ_1, the largest; smooth and global. L: sharp, near the data).',
    }),
    arrows: integer({ default: 20, min: 4, max: 64, label: 'arrows per side', doc: 'Grid of field arrows.' }),
  },

  infer({ params, inputs }) {
    const { samples, dataset, model, schedule } = inputs;
    if (samples?.kind === 'images')
      throw new InferError(`The samples from "${samples.source}" are images: show them with view.images.`, {
        socket: 'samples',
      });
    if (samples?.shape && samples.shape.join() !== '2')
      throw new InferError(
        `view.points shows 2-D points; the samples from "${samples.source}" are [${samples.shape}].`,
        {
          socket: 'samples',
        },
      );
    if (dataset && dataset.shape.join() !== '2')
      throw new InferError(`The dataset from "${dataset.source}" is not 2-D points ([${dataset.shape}]).`, {
        socket: 'dataset',
      });
    if (model && !schedule)
      throw new InferError(
        'To draw the score field, connect the schedule too (the field is drawn at one of its levels).',
        {
          socket: 'schedule',
        },
      );
    if (schedule && !model)
      throw new InferError('To draw the score field, connect a trained or exact model too.', {
        socket: 'model',
      });
    if (model && !model.ready)
      throw new InferError(
        `The ${model.kind} network from "${model.source}" is untrained: train it first with train.fit to draw its field.`,
        { socket: 'model' },
      );
    if (model?.shape && model.shape.join() !== '2')
      throw new InferError(`The model from "${model.source}" works on [${model.shape}], not 2-D points.`, {
        socket: 'model',
      });
    if (schedule?.levels != null && params.level > schedule.levels)
      throw new InferError(
        `Level ${params.level} does not exist: the schedule from "${schedule.source}" has ${schedule.levels} levels.`,
        { param: 'level' },
      );
    return {};
  },
});

export default defineNode({ ...declaration, run: lazy(() => import('./points.run')) });
