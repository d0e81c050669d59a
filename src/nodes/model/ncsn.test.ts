import { describe, expect, it } from 'vitest';
import { InferError } from '../define';
import { resolveParams } from '../resolve-params';
import { runKind } from '../testing';
import modelNcsn from './ncsn';

const infer = (params: Record<string, string | number>) =>
  modelNcsn.infer({ nodeId: 'net', params: resolveParams(modelNcsn.params, params), inputs: {} });

describe('model.ncsn', () => {
  it('defaults to NCSNv2: InstanceNorm++ and division by sigma', async () => {
    const { outputs } = await runKind(modelNcsn, { seed: 5 });
    expect(outputs.model).toMatchObject({
      ready: false,
      kind: 'ncsn',
      seed: 5,
      config: { ngf: 32, norm: 'instance++', conditioning: 'divide-by-sigma' },
    });
    expect(infer({}).model).toMatchObject({ ready: false, kind: 'ncsn', conditional: false });
  });

  it('marks conditional norms (tied to the schedule’s L) and refuses them without a norm', () => {
    expect(infer({ conditioning: 'conditional-norm' }).model).toMatchObject({
      ready: false,
      conditional: true,
    });
    expect(() => infer({ conditioning: 'conditional-norm', norm: 'none' })).toThrow(InferError);
    try {
      infer({ conditioning: 'conditional-norm', norm: 'none' });
    } catch (error) {
      expect((error as InferError).detail).toEqual({ param: 'conditioning' });
    }
  });

  it('keeps the compact net by default and passes arch "refinenet" to the network config', async () => {
    expect(modelNcsn.params.arch.default).toBe('compact');
    const { outputs } = await runKind(modelNcsn, { seed: 5, params: { arch: 'refinenet', ngf: 64 } });
    expect(outputs.model).toMatchObject({ config: { arch: 'refinenet', ngf: 64 } });
  });

  it('explains why BatchNorm is wrong when it is chosen', () => {
    expect(modelNcsn.params.norm.warnings?.batch).toMatch(/mixes noise levels/);
    expect(modelNcsn.params.norm.options).toEqual(['instance++', 'group', 'batch', 'none']);
  });
});
