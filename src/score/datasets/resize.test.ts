import { describe, expect, it } from 'vitest';
import { resizeArea } from './resize';

describe('area resize', () => {
  it('takes exact block means for integer factors (28 -> 14 -> 7 style)', () => {
    const img = Float32Array.from({ length: 16 }, (_, i) => i); // 4x4, one channel
    expect(Array.from(resizeArea(img, 1, 4, 4, 1, 2, 2))).toEqual([2.5, 4.5, 10.5, 12.5]);
    expect(Array.from(resizeArea(img, 1, 4, 4, 1, 1, 1))).toEqual([7.5]);
  });

  it('weights fractional overlaps (3 -> 2) and keeps channels and images apart', () => {
    // Two 1x3 RGB-less rows: [0, 3, 6] -> [(0 + 3/2)/1.5, (3/2 + 6)/1.5] = [1, 5].
    const out = resizeArea(Float32Array.of(0, 3, 6, 10, 10, 10), 2, 1, 3, 1, 1, 2);
    expect(Array.from(out)).toEqual([1, 5, 10, 10]);
    const rgb = Float32Array.of(1, 10, 100, 3, 30, 300); // 1x2 RGB -> 1x1
    expect(Array.from(resizeArea(rgb, 1, 1, 2, 3, 1, 1))).toEqual([2, 20, 200]);
  });

  it('repeats pixels when enlarging, and applies the scale', () => {
    expect(Array.from(resizeArea(Float32Array.of(255, 0), 1, 1, 2, 1, 2, 4, 1 / 255))).toEqual([
      1, 1, 0, 0, 1, 1, 0, 0,
    ]);
  });
});
