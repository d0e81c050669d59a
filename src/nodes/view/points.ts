/** view.points: a 2-D scatter of samples over the data, optionally with score-field arrows. */
import { integer } from '../../graph';
import { defineNode, InferError } from '../define';
import { pointBounds, pointsDisplay, scaleField } from './displays';

const MAX_POINTS = 20000;
const MAX_OVERLAY = 5000;

export default defineNode({
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

  async run({ params, inputs, preview }) {
    const { readItems, scoreField } = await import('../../score/sampling');
    const { samples, dataset, model, schedule } = inputs;
    if (samples.data.rank !== 2 || samples.data.shape[1] !== 2)
      throw new Error(`view.points shows 2-D points [N, 2] (got [${samples.data.shape}]).`);
    const points = (await readItems(samples.data, MAX_POINTS)).values;
    const overlay = dataset ? (await readItems(dataset.data, MAX_OVERLAY)).values : undefined;
    const bounds = pointBounds(points, overlay);
    const n = samples.data.shape[0];
    let caption = points.length / 2 < n ? `${points.length / 2} of ${n} points` : `${n} points`;
    let field: Float32Array | undefined;
    if (model && schedule) {
      if (!model.ready)
        throw new Error('The model is untrained: train it first with train.fit to draw its field.');
      const L = schedule.sigmas.length;
      if (params.level > L)
        throw new Error(`Level ${params.level} does not exist: the schedule has ${L} levels.`);
      const sigma = schedule.sigmas[params.level - 1];
      const raw = await scoreField((x, s, labels) => model.score(x, s, labels), {
        bounds,
        resolution: params.arrows,
        sigma,
        label: params.level - 1,
      });
      field = scaleField(raw, (bounds[1] - bounds[0]) / params.arrows);
      caption += ` · score field at level ${params.level}/${L} (σ ${sigma.toPrecision(3)})`;
    }
    preview(pointsDisplay(points, { overlay, field, bounds, caption }));
    return {};
  },
});
