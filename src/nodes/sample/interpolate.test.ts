import { beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../runtime/backend-node';
import { makeMixtureScoreModel } from '../../score/exact/mixture-score';
import { resolveParams } from '../resolve-params';
import { runKind } from '../testing';
import interpolate from './interpolate';

describe('sample.interpolate', () => {
  beforeAll(() => useNodeBackend('cpu'));

  it('draws rows × columns samples whose neighbours along a row are closer than the two ends', async () => {
    const model = makeMixtureScoreModel([{ mean: Array(16).fill(0.5), std: 0.2, weight: 1 }], [4, 4, 1]);
    const run = await runKind(interpolate, {
      params: { rows: 3, columns: 6, steps: 10, stepSize: 1e-4 },
      inputs: { model, schedule: { sigmas: [1, 0.3, 0.1] } },
    });
    const x = run.outputs.samples.data;
    expect(x.shape).toEqual([18, 4, 4, 1]);
    const v = await x.data();
    const dist = (a: number, b: number) =>
      Math.hypot(...Array.from({ length: 16 }, (_, d) => v[a * 16 + d] - v[b * 16 + d]));
    for (let r = 0; r < 3; r++) {
      const ends = dist(r * 6, r * 6 + 5);
      for (let j = 0; j < 5; j++) expect(dist(r * 6 + j, r * 6 + j + 1)).toBeLessThan(0.6 * ends);
    }
    x.dispose();
  });

  it('infers rows × columns samples', () => {
    const out = interpolate.infer({
      nodeId: 'interp',
      params: resolveParams(interpolate.params, { rows: 2, columns: 9 }),
      inputs: {
        model: { ready: true, exact: false, kind: 'ncsn', shape: [28, 28, 1], levels: null, source: 'fit' },
        schedule: { levels: 100, source: 'sched' },
        dataset: undefined,
      },
    });
    expect(out.samples).toEqual({ kind: 'images', shape: [28, 28, 1], count: 18 });
  });
});
