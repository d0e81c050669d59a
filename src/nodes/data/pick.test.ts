import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../runtime/backend-node';
import { runKind } from '../testing';
import pick from './pick';

const datasetMeta = { kind: 'images' as const, shape: [2, 2, 1], count: 10, source: 'data' };

describe('data.pick', () => {
  beforeAll(() => useNodeBackend('cpu'));

  it('infers the batch and refuses to pick past the end', () => {
    const params = { count: 4, offset: 6, shuffle: false, seed: 1 };
    expect(pick.infer({ nodeId: 'p', params, inputs: { dataset: datasetMeta } })).toEqual({
      batch: { kind: 'images', shape: [2, 2, 1], count: 4 },
    });
    expect(() =>
      pick.infer({ nodeId: 'p', params: { ...params, offset: 7 }, inputs: { dataset: datasetMeta } }),
    ).toThrow(/offset \+ count \(11\) is more than the 10 items of the dataset from "data"/);
    expect(() =>
      pick.infer({
        nodeId: 'p',
        params: { ...params, count: 11, shuffle: true },
        inputs: { dataset: datasetMeta },
      }),
    ).toThrow(/count \(11\)/);
  });

  it('takes consecutive items, or distinct seeded random ones, as its own copy', async () => {
    const data = tf.tensor4d(
      Array.from({ length: 40 }, (_, i) => Math.floor(i / 4)),
      [10, 2, 2, 1],
    );
    const dataset = {
      kind: 'images',
      shape: [2, 2, 1],
      count: 10,
      data,
      name: 't',
      dispose: () => data.dispose(),
    };
    const inOrder = await runKind(pick, { params: { count: 3, offset: 4 }, inputs: { dataset } });
    const shuffled = await runKind(pick, {
      params: { count: 6, shuffle: true, seed: 9 },
      inputs: { dataset },
    });
    const again = await runKind(pick, { params: { count: 6, shuffle: true, seed: 9 }, inputs: { dataset } });
    dataset.dispose(); // the batches own their tensors
    const firsts = (t: tf.Tensor) => Array.from(t.dataSync()).filter((_, i) => i % 4 === 0);
    expect(firsts(inOrder.outputs.batch.data)).toEqual([4, 5, 6]);
    expect(inOrder.outputs.batch.kind).toBe('images');
    const picked = firsts(shuffled.outputs.batch.data);
    expect(new Set(picked).size).toBe(6);
    expect(picked).toEqual(firsts(again.outputs.batch.data));
    expect(picked).not.toEqual([0, 1, 2, 3, 4, 5]);
    [inOrder, shuffled, again].forEach((r) => r.outputs.batch.data.dispose());
  });
});
