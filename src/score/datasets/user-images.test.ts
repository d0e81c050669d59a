import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../runtime/backend-node';
import { encodePng } from '../../render/png';
import { decodeImage, loadUserImages, toSquareImage } from './user-images';

async function pngDataUrl(width: number, height: number, rgba: number[]): Promise<string> {
  const bytes = await encodePng(width, height, Uint8Array.from(rgba));
  return `data:image/png;base64,${Buffer.from(bytes).toString('base64')}`;
}

describe('user images', () => {
  beforeAll(() => useNodeBackend('cpu'));

  it('centre-crops to a square, composites over black and takes BT.601 luma', () => {
    // 4x2 image: the crop keeps columns 1–2.
    const px = (r: number, g: number, b: number, a = 255) => [r, g, b, a];
    const rgba = Uint8ClampedArray.from([
      ...px(9, 9, 9), ...px(255, 0, 0), ...px(0, 255, 0), ...px(9, 9, 9),
      ...px(9, 9, 9), ...px(0, 0, 255), ...px(255, 255, 255, 0), ...px(9, 9, 9),
    ]); // prettier-ignore
    const grey = toSquareImage({ width: 4, height: 2, rgba }, 2, 'grey');
    expect(Array.from(grey).map((v) => +v.toFixed(4))).toEqual([0.299, 0.587, 0.114, 0]);
    const rgb = toSquareImage({ width: 4, height: 2, rgba }, 1, 'rgb');
    expect(Array.from(rgb).map((v) => +v.toFixed(4))).toEqual([0.25, 0.25, 0.25]);
  });

  it('loads PNG data URLs in Node as a dataset [N, size, size, C]', async () => {
    const white = await pngDataUrl(2, 2, Array(16).fill(255));
    const half = await pngDataUrl(1, 1, [255, 255, 255, 128]);
    const before = tf.memory().numTensors;
    const ds = await loadUserImages([white, half], 3, 'grey');
    expect(ds.data.shape).toEqual([2, 3, 3, 1]);
    expect(ds.shape).toEqual([3, 3, 1]);
    const values = Array.from(ds.data.dataSync());
    values.slice(0, 9).forEach((v) => expect(v).toBeCloseTo(1, 5));
    values.slice(9).forEach((v) => expect(v).toBeCloseTo(128 / 255, 5));
    ds.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('explains JPEG in Node, bad data URLs and an empty list', async () => {
    await expect(decodeImage('data:image/jpeg;base64,/9j/4AAQ', 1)).rejects.toThrow(
      /Image 2 is a JPEG, which only the browser can decode; convert it to PNG/,
    );
    await expect(decodeImage('data:text/plain;base64,aGk=', 0)).rejects.toThrow(
      /Image 1 is not a PNG or JPEG/,
    );
    await expect(decodeImage('data:image/png;base64,aGk=', 2)).rejects.toThrow(
      /Image 3 could not be decoded: Not a PNG/,
    );
    await expect(loadUserImages([], 28, 'grey')).rejects.toThrow(/drop PNG or JPEG/);
  });
});
