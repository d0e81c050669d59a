/** The loss-curve payload shown by train.fit's previews and by view.loss: plain copied arrays. */
import type { LossDisplay } from '../display';
import type { LossLog } from '../sockets';

/** 412.3, 1.234, 0.01234: enough digits to see progress, few enough to read. */
export function formatLoss(loss: number): string {
  if (!Number.isFinite(loss)) return String(loss);
  return Math.abs(loss) >= 100 ? loss.toFixed(1) : loss.toPrecision(4);
}

/** "loss 412.3 at step 1000", plus why training stopped early when it did. */
export function lossCaption(log: LossLog): string {
  const last = log.loss.length - 1;
  const text =
    last < 0 ? 'no loss logged yet' : `loss ${formatLoss(log.loss[last])} at step ${log.steps[last]}`;
  return log.stopped ? `${text}. ${log.stopped}` : text;
}

/** A copy of the log as a display; per-level means (index 0 = σ_1, the largest) when asked. */
export function lossDisplay(log: LossLog, perLevel: boolean): LossDisplay {
  const display: LossDisplay = {
    kind: 'loss',
    steps: [...log.steps],
    loss: [...log.loss],
    caption: lossCaption(log),
  };
  if (perLevel) {
    display.perLevel = [...log.perLevel];
    display.sigmas = [...log.sigmas];
  }
  return display;
}
