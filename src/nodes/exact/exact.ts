/** score.exact: a score with no training — a mixture's exact noisy score, or the empirical optimum. */
import { declareNode, defineNode, lazy } from '../define';

export const declaration = declareNode({
  type: 'score.exact',
  title: 'Exact score',
  category: 'Score',
  doc:
    'The true score ∇ log p_σ(x) of the noisy data, with no network and no training — to test samplers, ' +
    'schedules and step sizes on their own, or to compare a trained model with the truth. For a ' +
    'Gaussian mixture dataset (data.mixture) it is the analytic score of Σ w_k N(μ_k, (s_k² + σ²) I). ' +
    'For any other dataset it is the empirical-data optimum of denoising score matching, the score of ' +
    '(1/N) Σ_n N(x_n, σ² I): s*(x, σ) = Σ_n softmax_n(−‖x − x_n‖²/2σ²) (x_n − x)/σ². Samples drawn with ' +
    'it collapse onto (noisy) training items — it memorises, as the DSM optimum must. It works at any σ; ' +
    'cost grows with the number of items (one matrix product over all of them per step).',
  inputs: {
    dataset: { type: 'Dataset', doc: 'The data whose noisy score is wanted.' },
    schedule: {
      type: 'Schedule',
      optional: true,
      doc: 'Optional: the levels it will be sampled with (recorded on the model; any σ works).',
    },
  },
  outputs: { model: { type: 'Model', doc: 'A ready score model s(x, σ).' } },
  params: {},

  infer: ({ inputs }) => ({
    model: {
      ready: true as const,
      exact: true,
      kind: 'exact',
      shape: inputs.dataset ? [...inputs.dataset.shape] : null,
      levels: null,
    },
  }),

  summarize: ({ model }) => ({
    kind: model.kind,
    shape: model.ready ? [...model.shape] : null,
    levels: model.ready && model.sigmas ? model.sigmas.length : null,
  }),
});

export default defineNode({ ...declaration, run: lazy(() => import('./exact.run')) });
