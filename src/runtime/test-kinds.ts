/** Tiny node kinds for runtime tests: a tensor source, an adder, and a slow looping node. */
import * as tf from '@tensorflow/tfjs';
import { integer, number } from '../graph';
import { defineNode, InferError } from '../nodes/define';
import { NodeRegistry } from '../nodes/registry';
import type { SamplesValue } from '../nodes/sockets';

const samples = (data: tf.Tensor): SamplesValue => ({ kind: 'points', data });

export const source = defineNode({
  type: 'test.source',
  title: 'Source',
  category: 'Test',
  doc: 'count × 2 points, all equal to value.',
  inputs: {},
  outputs: { samples: { type: 'Samples' } },
  params: {
    value: number({ default: 1, min: -100, max: 100, doc: 'The value.' }),
    count: integer({ default: 4, min: 1, max: 1000, doc: 'How many points.' }),
  },
  infer: ({ params }) => ({ samples: { kind: 'points' as const, shape: [2], count: params.count } }),
  async run({ params }) {
    return { samples: samples(tf.fill([params.count, 2], params.value)) };
  },
});

export const add = defineNode({
  type: 'test.add',
  title: 'Add',
  category: 'Test',
  doc: 'Adds a constant.',
  inputs: { samples: { type: 'Samples' } },
  outputs: { samples: { type: 'Samples' } },
  params: { amount: number({ default: 1, min: -100, max: 100, doc: 'Added to every value.' }) },
  infer: ({ inputs }) => {
    if (inputs.samples!.count! > 500) throw new InferError('Too many points for test.add.');
    return { samples: { ...inputs.samples!, source: undefined } as never };
  },
  async run({ params, inputs }) {
    return { samples: samples(tf.add(inputs.samples.data, params.amount)) };
  },
});

/** Loops `steps` times, making tensors each step and holding some across steps, like training. */
export const slow = defineNode({
  type: 'test.slow',
  title: 'Slow',
  category: 'Test',
  doc: 'A loop that can be cancelled.',
  inputs: { samples: { type: 'Samples' } },
  outputs: { samples: { type: 'Samples' } },
  params: { steps: integer({ default: 50, min: 1, max: 100000, doc: 'Loop length.' }) },
  infer: ({ inputs }) => ({ samples: { kind: 'points' as const, shape: [2], count: inputs.samples!.count } }),
  async run({ params, inputs, checkpoint, progress }) {
    const held = tf.variable(tf.zerosLike(inputs.samples.data), false);
    let x = tf.clone(inputs.samples.data);
    for (let i = 0; i < params.steps; i++) {
      const next = tf.tidy(() => tf.add(x, 1));
      x.dispose();
      x = next;
      tf.mul(x, 2); // deliberately unowned per-step garbage: the runtime frees it
      progress((i + 1) / params.steps, `step ${i + 1}`);
      await checkpoint();
    }
    held.dispose();
    return { samples: samples(x) };
  },
});

export const testRegistry = new NodeRegistry([source, add, slow]);
