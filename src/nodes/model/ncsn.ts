/** model.ncsn: the NCSNv2-style conv score network for images; train.fit makes its weights. */
import { choice, integer } from '../../graph';
import { declareNode, defineNode, lazy, InferError } from '../define';

export const declaration = declareNode({
  type: 'model.ncsn',
  title: 'NCSN conv score network',
  category: 'Model',
  doc:
    'The conv score network of NCSN / NCSNv2: residual blocks with ELU and pre-activation ' +
    'normalisation, one 2× downsample followed by dilated blocks, a RefineNet decoder and a 3×3 ' +
    'output conv with no activation; the input is mapped to 2x − 1 inside. arch "refinenet" is the ' +
    'papers\' network layer for layer; "compact" a lighter one (about 42 % of the parameters). ' +
    'Noise conditioning: divide the output by σ (NCSNv2 Technique 3) or conditional instance ' +
    "norm++ (NCSN), whose per-level parameters tie the weights to the schedule's L. Needs image " +
    'data. Untrained: connect it to train.fit.',
  inputs: {},
  outputs: { model: { type: 'Model', doc: 'The untrained architecture; train.fit builds and trains it.' } },
  params: {
    arch: choice({
      default: 'compact',
      options: ['compact', 'refinenet'] as const,
      label: 'architecture',
      doc: "Which network: the papers' RefineNet, or the lighter compact net (the default, so older graphs keep their meaning).",
      optionDocs: {
        refinenet:
          "The papers' network: NCSNv2's (ncsnv2 models/ncsnv2.py) with divide-by-sigma, NCSN v1's CondRefineNetDilated " +
          '(CIN++ in every RefineNet layer, average-pool CRP) with conditional-norm. Refine blocks with two adapt units ' +
          'per input, chained residual pooling and three output units in the last block; bilinear upsampling; dilated ' +
          'conv shortcuts. Same parameter count as the reference code at the same ngf.',
        compact:
          'A lighter RefineNet (about 42 % of the parameters at the same ngf): one conv per refine input, one residual ' +
          'conv unit, no chained residual pooling, nearest upsampling, identity shortcuts in the dilated blocks, and ' +
          'CIN++ only in the residual blocks. Trains faster on a CPU.',
      },
    }),
    ngf: integer({
      default: 32,
      min: 4,
      max: 256,
      label: 'channels (ngf)',
      doc: 'Base channel count: ngf at full resolution, 2·ngf below. NCSNv2 uses 128; 16–32 trains in a browser.',
    }),
    norm: choice({
      default: 'instance++',
      options: ['instance++', 'group', 'batch', 'none'] as const,
      doc: 'Normalisation before each activation.',
      optionDocs: {
        'instance++':
          'InstanceNorm++ (NCSN/NCSNv2): per image and channel, with the channel means added back so colours do not shift.',
        group: 'GroupNorm: per image, over groups of channels. A sound alternative.',
        batch: 'BatchNorm over the batch: shown for comparison only (see the warning).',
        none: 'No normalisation.',
      },
      warnings: {
        batch:
          'BatchNorm is wrong for score networks: a training batch mixes noise levels, so each ' +
          "item's output depends on which other levels were drawn with it, and the statistics at sampling time " +
          '(one σ per batch) differ from training for every level. Use instance++ or group.',
      },
    }),
    conditioning: choice({
      default: 'divide-by-sigma',
      options: ['divide-by-sigma', 'conditional-norm'] as const,
      doc: 'How the network knows the noise level.',
      optionDocs: {
        'divide-by-sigma':
          'NCSNv2 Technique 3: an unconditional network f(x) and s = f(x)/σ. Any schedule works, and L costs no weights.',
        'conditional-norm':
          'NCSN: every norm layer takes its scale and shift from a per-level table (CIN++ with instance++), so the weights are tied to the schedule’s L.',
      },
    }),
  },

  infer({ params }) {
    if (params.conditioning === 'conditional-norm' && params.norm === 'none')
      throw new InferError(
        'Conditional normalisation needs normalisation layers to condition: choose a norm (instance++ gives NCSN’s CIN++) or divide-by-sigma.',
        { param: 'conditioning' },
      );
    return {
      model: {
        ready: false as const,
        kind: 'ncsn',
        shape: null,
        levels: null,
        conditional: params.conditioning === 'conditional-norm',
        architecture: { ...params },
      },
    };
  },

  summarize: ({ model }) => ({ kind: model.kind, ready: model.ready }),
});

export default defineNode({ ...declaration, run: lazy(() => import('./ncsn.run')) });
