/** data.mixture: samples of a 2-D Gaussian mixture whose exact noisy score is known. */
import { components, integer } from '../../graph';
import { declareNode, defineNode, lazy } from '../define';
import { summarizeDataset } from './dataset-summary';

export const declaration = declareNode({
  type: 'data.mixture',
  title: 'Gaussian mixture',
  category: 'Data',
  doc:
    'Samples of a 2-D mixture Σ w_k N(μ_k, s_k² I). The dataset carries its components, so score.exact ' +
    'gives its exact noisy score (no training) and a trained model can be compared with the truth. ' +
    'The default is the NCSN two-mode toy (Song & Ermon 2019, §3.2.2): 4/5 N((5, 5), I) + 1/5 N((−5, −5), I) ' +
    'with 1280 points; there, plain Langevin gets the 4:1 weights wrong and annealed Langevin recovers them ' +
    '(use a schedule σ 20 → 1 with 10 levels and start samplers in [−8, 8]). Coordinates are as given, ' +
    'not rescaled. The points depend only on the seed.',
  inputs: {},
  outputs: {
    dataset: { type: 'Dataset', doc: 'Points [count, 2], with the mixture’s components attached.' },
  },
  params: {
    components: components({
      default: [
        { mean: [5, 5], std: 1, weight: 0.8 },
        { mean: [-5, -5], std: 1, weight: 0.2 },
      ],
      dims: 2,
      maxItems: 16,
      doc: 'The components: mean (x, y), std s_k (isotropic) and weight w_k (normalised to sum to 1).',
    }),
    count: integer({ default: 1280, min: 1, max: 100000, doc: 'How many points to draw.' }),
    seed: integer({
      default: 1,
      min: 1,
      max: 2147483646,
      doc: 'Change it for a different draw of the same mixture.',
    }),
  },

  infer: ({ params }) => ({ dataset: { kind: 'points' as const, shape: [2], count: params.count } }),

  summarize: ({ dataset }) => ({ ...summarizeDataset(dataset), components: dataset.mixture ?? null }),
});

export default defineNode({ ...declaration, run: lazy(() => import('./mixture.run')) });
