import { beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../runtime/backend-node';
import { encodePng } from '../../render/png';
import { runKind } from '../testing';
import images from './images';

const dataUrl = async (w: number, h: number, rgba: number[]) =>
  `data:image/png;base64,${Buffer.from(await encodePng(w, h, Uint8Array.from(rgba))).toString('base64')}`;

describe('data.images', () => {
  beforeAll(() => useNodeBackend('cpu'));

  it('asks for images when there are none', () => {
    expect(() =>
      images.infer({ nodeId: 'i', params: { images: [], size: 28, color: 'grey' }, inputs: {} }),
    ).toThrow(/drop PNG or JPEG/);
  });

  it('infers and loads [count, size, size, C] in [0, 1]', async () => {
    const red = await dataUrl(2, 2, Array.from({ length: 4 }, () => [255, 0, 0, 255]).flat());
    const params = { images: [red, red, red], size: 4, color: 'rgb' as const };
    expect(images.infer({ nodeId: 'i', params, inputs: {} })).toEqual({
      dataset: { kind: 'images', shape: [4, 4, 3], count: 3 },
    });
    const { outputs, previews } = await runKind(images, { params });
    expect(outputs.dataset.data.shape).toEqual([3, 4, 4, 3]);
    expect(Array.from(outputs.dataset.data.dataSync().slice(0, 3))).toEqual([1, 0, 0]);
    expect(previews[0]).toMatchObject({ kind: 'images', count: 3, channels: 3 });
    outputs.dataset.dispose();
  });
});
