import { describe, expect, it } from 'vitest';
import type { LossLog } from '../sockets';
import { runKind } from '../testing';
import viewLoss from './loss';

const log: LossLog = {
  steps: [50, 100],
  loss: [812.25, 412.3456],
  perLevel: [0.2, NaN, 0.9],
  sigmas: [1, 0.3, 0.1],
};

describe('view.loss', () => {
  it('shows the curve, with per-level means only when asked', async () => {
    const plain = await runKind(viewLoss, { inputs: { losses: log } });
    expect(plain.previews).toEqual([
      { kind: 'loss', steps: [50, 100], loss: [812.25, 412.3456], caption: 'loss 412.3 at step 100' },
    ]);
    const levels = await runKind(viewLoss, { params: { perLevel: true }, inputs: { losses: log } });
    expect(levels.previews[0]).toMatchObject({ perLevel: [0.2, NaN, 0.9], sigmas: [1, 0.3, 0.1] });
    expect(viewLoss.view).toBe(true);
  });

  it('says why training stopped early', async () => {
    const stopped = {
      ...log,
      stopped: 'Training stopped: the loss became NaN between steps 101 and 150 of 1000.',
    };
    const { previews } = await runKind(viewLoss, { inputs: { losses: stopped } });
    expect(previews[0].caption).toBe(`loss 412.3 at step 100. ${stopped.stopped}`);
  });
});
