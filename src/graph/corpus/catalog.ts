/**
 * A small, fixed catalog of node kinds for the file-format tests (corpus, fuzz, file I/O): plain
 * declarations, no tfjs, so the tests do not change when real kinds do.
 */
import { boolean, choice, integer, number, text, type KindCatalog, type KindSpec } from '..';

const kinds: KindSpec[] = [
  {
    type: 'data.toy',
    title: 'Toy data',
    category: 'Data',
    doc: '2-D toy points.',
    inputs: {},
    outputs: { dataset: { type: 'Dataset' } },
    params: {
      shape: choice({ default: 'swissroll', options: ['swissroll', 'rings'], doc: 'Which toy set.' }),
      count: integer({ default: 1000, min: 1, max: 100000, doc: 'How many points.' }),
    },
  },
  {
    type: 'schedule.geometric',
    title: 'Geometric schedule',
    category: 'Noise',
    doc: 'Geometric sigmas.',
    inputs: {},
    outputs: { schedule: { type: 'Schedule' } },
    params: {
      sigmaMax: number({ default: 1, min: 1e-4, max: 1e4, doc: 'Largest sigma.' }),
      levels: integer({ default: 10, min: 1, max: 10000, doc: 'L.' }),
    },
  },
  {
    type: 'train.fit',
    title: 'Train',
    category: 'Train',
    doc: 'Trains a model.',
    inputs: {
      dataset: { type: 'Dataset' },
      schedule: { type: 'Schedule' },
      model: { type: 'Model', optional: true },
    },
    outputs: { model: { type: 'Model' } },
    params: {
      steps: integer({ default: 100, min: 1, max: 1e6, doc: 'Steps.' }),
      ema: boolean({ default: true, doc: 'Use EMA.' }),
      note: text({ default: '', maxLength: 200, doc: 'A note.' }),
    },
  },
  {
    type: 'sample.langevin',
    title: 'Langevin',
    category: 'Sample',
    doc: 'Samples.',
    inputs: { model: { type: 'Model' }, schedule: { type: 'Schedule' } },
    outputs: { samples: { type: 'Samples' } },
    params: { steps: integer({ default: 10, min: 1, max: 1000, doc: 'Steps per level.' }) },
  },
  {
    type: 'view.samples',
    title: 'View',
    category: 'View',
    doc: 'Shows samples.',
    inputs: { samples: { type: 'Samples' } },
    outputs: {},
    params: {},
  },
];

const byType = new Map(kinds.map((k) => [k.type, k]));

export const corpusCatalog: KindCatalog = {
  get: (type) => byType.get(type),
  types: () => [...byType.keys()],
};
