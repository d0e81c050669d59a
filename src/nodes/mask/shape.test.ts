import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { useNodeBackend } from '../../runtime/backend-node';
import { resolveParams } from '../resolve-params';
import { runKind } from '../testing';
import shape from './shape';

const params = resolveParams(shape.params, {});
const images = { kind: 'images' as const, shape: [4, 4, 1], count: 3, source: 'pick' };

describe('mask.shape', () => {
  beforeAll(() => useNodeBackend('cpu'));

  it('takes its size from a dataset or samples, and refuses points or nothing', () => {
    expect(shape.infer({ nodeId: 'm', params, inputs: { dataset: undefined, samples: images } })).toEqual({
      mask: { shape: [4, 4, 1] },
    });
    expect(() =>
      shape.infer({ nodeId: 'm', params, inputs: { dataset: undefined, samples: undefined } }),
    ).toThrow(/Connect a dataset or samples/);
    const points = { kind: 'points' as const, shape: [2], count: 9, source: 'toy' };
    expect(() =>
      shape.infer({ nodeId: 'm', params, inputs: { dataset: points, samples: undefined } }),
    ).toThrow(/Masks are for images, and the data from "toy" are points/);
  });

  it('makes a [H, W, C] tensor (1 = known) and previews it', async () => {
    const data = tf.zeros([3, 4, 4, 1]);
    const { outputs, previews } = await runKind(shape, {
      params: { hide: 'centre-box', fraction: 0.25 },
      inputs: { samples: { kind: 'images', data } },
    });
    expect(outputs.mask.data.shape).toEqual([4, 4, 1]);
    expect(Array.from(outputs.mask.data.dataSync())).toEqual([
      1, 1, 1, 1, 1, 0, 0, 1, 1, 0, 0, 1, 1, 1, 1, 1,
    ]);
    expect(previews[0]).toMatchObject({ kind: 'images', count: 1, height: 4, width: 4 });
    outputs.mask.data.dispose();
    data.dispose();
  });
});
