import { describe, expect, it } from 'vitest';
import { runKind } from '../testing';
import modelMlp from './mlp';

describe('model.mlp', () => {
  it('outputs an untrained architecture carrying its params and seed', async () => {
    const { outputs } = await runKind(modelMlp, { params: { width: 32, activation: 'silu' }, seed: 99 });
    expect(outputs.model).toMatchObject({
      ready: false,
      kind: 'mlp',
      seed: 99,
      config: { width: 32, depth: 3, activation: 'silu', divideBySigma: true },
    });
  });

  it('infers an untrained mlp meta with no fixed shape', () => {
    const meta = modelMlp.infer({ nodeId: 'n', params: modelMlp.params as never, inputs: {} });
    expect(meta.model).toMatchObject({ ready: false, kind: 'mlp', shape: null, levels: null });
  });
});
