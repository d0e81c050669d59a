/** model.mlp: an MLP score network for 2-D points (or any flattened data); train.fit makes its weights. */
import { boolean, choice, integer } from '../../graph';
import { declareNode, defineNode, lazy } from '../define';

export const declaration = declareNode({
  type: 'model.mlp',
  title: 'MLP score network',
  category: 'Model',
  doc:
    'A small fully connected network s_θ(x, σ) for 2-D toy data: input x and log σ, a few hidden ' +
    'layers with ELU or SiLU, a linear output the size of x (no output activation). By default the ' +
    'output is divided by σ (NCSNv2 Technique 3: the true score grows like 1/σ, so the network only ' +
    'has to output O(1) values at every level). Untrained: connect it to train.fit.',
  inputs: {},
  outputs: { model: { type: 'Model', doc: 'The untrained architecture; train.fit builds and trains it.' } },
  params: {
    width: integer({ default: 128, min: 4, max: 2048, doc: 'Units per hidden layer.' }),
    depth: integer({ default: 3, min: 1, max: 8, doc: 'Number of hidden layers.' }),
    activation: choice({
      default: 'elu',
      options: ['elu', 'silu'] as const,
      doc: 'Hidden nonlinearity.',
      optionDocs: {
        elu: 'ELU, as in the NCSN/NCSNv2 networks.',
        silu: 'SiLU (swish, x·sigmoid(x)): smooth everywhere, often a little better on toys.',
      },
    }),
    divideBySigma: boolean({
      default: true,
      label: 'divide by σ',
      doc: 'Score = f(x, log σ)/σ (NCSNv2 Technique 3). Off: the network outputs the score itself, which must span 1/σ_max … 1/σ_min.',
    }),
  },

  infer: ({ params }) => ({
    model: { ready: false as const, kind: 'mlp', shape: null, levels: null, architecture: { ...params } },
  }),

  summarize: ({ model }) => ({ kind: model.kind, ready: model.ready }),
});

export default defineNode({ ...declaration, run: lazy(() => import('./mlp.run')) });
