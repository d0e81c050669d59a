import { describe, expect, it } from 'vitest';
import { checkParam } from '../../graph';
import { runKind } from '../testing';
import optimAdam from './adam';

describe('optim.adam', () => {
  it('defaults to Adam(1e-3, 0.9, 0.999, 1e-8) with a 0.999 bias-corrected EMA', async () => {
    expect((await runKind(optimAdam)).outputs.optimizer).toEqual({
      kind: 'adam',
      learningRate: 1e-3,
      lrDecay: 'constant',
      lrDecayTo: 0,
      warmupSteps: 0,
      beta1: 0.9,
      beta2: 0.999,
      epsilon: 1e-8,
      ema: 0.999,
      emaBiasCorrection: true,
    });
  });

  it('refuses an EMA momentum of 1 (the average would never move) and a zero learning rate', () => {
    expect(checkParam(optimAdam.params.ema, 1)).toMatch(/between/);
    expect(checkParam(optimAdam.params.learningRate, 0)).toMatch(/between/);
  });
});
