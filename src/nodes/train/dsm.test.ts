import { describe, expect, it } from 'vitest';
import { runKind } from '../testing';
import lossDsm from './dsm';

describe('loss.dsm', () => {
  it('draws sigma once per step by default, or per sample', async () => {
    expect((await runKind(lossDsm)).outputs.loss).toEqual({ kind: 'dsm', sigmaPer: 'step' });
    expect((await runKind(lossDsm, { params: { sigmaPer: 'sample' } })).outputs.loss).toEqual({
      kind: 'dsm',
      sigmaPer: 'sample',
    });
  });
});
