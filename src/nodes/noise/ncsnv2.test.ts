import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../runtime/backend-node';
import { normalRng } from '../../score/random';
import { ncsnv2Schedule } from '../../score/schedule/levels';
import { resolveParams } from '../resolve-params';
import { runKind } from '../testing';
import ncsnv2 from './ncsnv2';

const meta = (shape: number[]) => ({ kind: 'images' as const, shape, count: 100, source: 'data' });
const infer = (params: Record<string, unknown>, shape: number[] | null) =>
  ncsnv2.infer({
    nodeId: 'n',
    params: resolveParams(ncsnv2.params, params as never),
    inputs: { dataset: shape ? meta(shape) : undefined },
  });

describe('noise.ncsnv2', () => {
  beforeAll(() => useNodeBackend('cpu'));

  it('infers L from a numeric σ max (MNIST: 16 -> 95 levels), not from auto', () => {
    expect(infer({ sigmaMax: 16 }, [28, 28, 1])).toEqual({ schedule: { levels: 95 } });
    expect(infer({ sigmaMax: 50, overlap: 0.5668 }, [32, 32, 3])).toEqual({ schedule: { levels: 232 } });
    expect(infer({}, [28, 28, 1])).toEqual({ schedule: { levels: null } });
    expect(infer({ sigmaMax: 16 }, null)).toEqual({ schedule: { levels: null } });
  });

  it('says Technique 2 does not apply to 2-D data, and checks σ min', () => {
    expect(() => infer({}, [2])).toThrow(/no solution for D = 2/);
    expect(() => infer({ sigmaMax: 5 }, [2])).toThrow(/no solution for D = 2/);
    expect(() => infer({ sigmaMax: 0.001 }, [28, 28, 1])).toThrow(/σ min \(0.01\) must be smaller/);
  });

  it('runs Technique 1 + 2 on the data and reports σ_1, γ and L', async () => {
    const normal = normalRng(2);
    const values = Array.from({ length: 60 * 64 }, () => 0.5 + 0.2 * normal());
    const data = tf.tensor4d(values, [60, 8, 8, 1]);
    let farthest = 0;
    for (let i = 0; i < 60; i++)
      for (let j = i + 1; j < 60; j++) {
        let s = 0;
        for (let d = 0; d < 64; d++)
          s += (Math.fround(values[i * 64 + d]) - Math.fround(values[j * 64 + d])) ** 2;
        farthest = Math.max(farthest, Math.sqrt(s));
      }
    const dataset = {
      kind: 'images',
      shape: [8, 8, 1],
      count: 60,
      data,
      name: 't',
      dispose: () => data.dispose(),
    };
    const { outputs, progress } = await runKind(ncsnv2, { inputs: { dataset } });
    const { sigmas } = outputs.schedule;
    expect(sigmas[0]).toBeCloseTo(farthest, 6);
    expect(sigmas.length).toBe(ncsnv2Schedule(farthest, 0.01, 64).levels);
    expect(sigmas.at(-1)).toBe(0.01);
    const last = progress.at(-1)!;
    expect(last.fraction).toBe(1);
    expect(last.text).toMatch(
      new RegExp(`^σ ${Number(farthest.toPrecision(4))} → 0.01 · γ 1\\.\\d{4} · L ${sigmas.length}$`),
    );
    const summary = ncsnv2.summarize!(outputs as never, resolveParams(ncsnv2.params, {})) as Record<
      string,
      unknown
    >;
    expect(summary).toMatchObject({ levels: sigmas.length, overlapTarget: 0.5 });

    const cancelled = new AbortController();
    cancelled.abort();
    const before = tf.memory().numTensors;
    await expect(runKind(ncsnv2, { inputs: { dataset }, signal: cancelled.signal })).rejects.toThrow(
      /cancelled/,
    );
    expect(tf.memory().numTensors).toBe(before); // Technique 1 frees its blocks on cancel
    data.dispose();
  });
});
