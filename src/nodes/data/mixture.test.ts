import { beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../runtime/backend-node';
import { runKind } from '../testing';
import mixture from './mixture';

describe('data.mixture', () => {
  beforeAll(() => useNodeBackend('cpu'));

  it('defaults to the NCSN two-mode toy: 1280 points, 4/5 of them near (5, 5), components attached', async () => {
    const { outputs } = await runKind(mixture);
    const { dataset } = outputs;
    expect(dataset.data.shape).toEqual([1280, 2]);
    expect(dataset.mixture).toEqual([
      { mean: [5, 5], std: 1, weight: 0.8 },
      { mean: [-5, -5], std: 1, weight: 0.2 },
    ]);
    const v = dataset.data.dataSync() as Float32Array;
    let upper = 0;
    for (let i = 0; i < 1280; i++) if (v[2 * i] + v[2 * i + 1] > 0) upper++;
    expect(upper / 1280).toBeGreaterThan(0.76);
    expect(upper / 1280).toBeLessThan(0.84);
    expect(mixture.summarize!(outputs as never, {} as never)).toMatchObject({
      count: 1280,
      components: dataset.mixture,
    });
    dataset.dispose();
  });
});
