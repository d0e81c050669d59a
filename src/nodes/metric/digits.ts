/** metric.digits: how many samples the bundled digit classifier recognises, and how digit-like they are. */
import { number } from '../../graph';
import { declareNode, defineNode, lazy, InferError } from '../define';

export const declaration = declareNode({
  type: 'metric.digits',
  title: 'Digit quality',
  category: 'Metric',
  doc:
    'Scores MNIST-like samples with the bundled digit classifier (trained by `npm run prepare-assets` ' +
    'on the bundled digits; 98 % right on the 1,000 it never saw): the share of samples it calls a digit ' +
    'with confidence ≥ the threshold, how many of those each digit got (all 10 present = coverage), and ' +
    'the Fréchet distance of their classifier features to the held-out digits — shown beside the floor ' +
    '(as many training digits: a perfect model) and the ceiling (as many uniform-noise images). ' +
    'Smaller samples (14 or 7 px, the data.mnist sizes) are compared with digits at their size. Samples are clamped to [0, 1].',
  view: true,
  inputs: {
    samples: { type: 'Samples', doc: 'One-channel images [N, S, S, 1] with S = 28, 14 or 7; N ≥ 2.' },
  },
  outputs: {},
  params: {
    threshold: number({
      default: 0.9,
      min: 0.5,
      max: 0.999,
      label: 'confidence',
      doc: 'Class probability a sample needs to count as a recognised digit.',
    }),
  },

  infer({ inputs }) {
    const samples = inputs.samples;
    if (samples?.kind === 'points')
      throw new InferError(
        `The samples from "${samples.source}" are 2-D points: score them with metric.points.`,
        { socket: 'samples' },
      );
    const shape = samples?.shape;
    if (
      shape &&
      (shape.length !== 3 || shape[2] !== 1 || shape[0] !== shape[1] || ![28, 14, 7].includes(shape[0]))
    )
      throw new InferError(
        `The digit classifier reads one-channel 28, 14 or 7 px square images; the samples from "${samples.source}" are [${shape}].`,
        { socket: 'samples' },
      );
    if (samples?.count != null && samples.count < 2)
      throw new InferError(`The quality metrics need at least 2 samples; "${samples.source}" makes 1.`, {
        socket: 'samples',
      });
    return {};
  },
});

export default defineNode({ ...declaration, run: lazy(() => import('./digits.run')) });
