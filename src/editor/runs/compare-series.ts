/**
 * The curves the Runs comparison overlays, from two runs' loss displays: loss per logged step,
 * and mean loss per noise level against σ itself (log scale, largest on the left), so runs with
 * different schedules (10 vs 95 levels) line up where their σ agree. Runs recorded without their
 * σ fall back to the level's number for both.
 */
import type { LossDisplay } from '../../nodes/display';
import type { CompareSeries } from './sg-compare-chart';

export interface CompareCurves {
  steps: CompareSeries[];
  levels: CompareSeries[];
  /** Whether `levels` is plotted against log10 σ (else the level number, 1 = largest σ). */
  bySigma: boolean;
}

export function compareCurves(runs: { label: string; loss: LossDisplay | undefined }[]): CompareCurves {
  const withLoss = runs.filter((r): r is { label: string; loss: LossDisplay } => !!r.loss);
  const withLevels = withLoss.filter((r) => r.loss.perLevel?.length);
  const bySigma =
    withLevels.length > 0 &&
    withLevels.every(
      (r) => r.loss.sigmas?.length === r.loss.perLevel!.length && r.loss.sigmas.every((s) => s > 0),
    );
  return {
    steps: withLoss.map((r) => ({ label: r.label, x: r.loss.steps, y: r.loss.loss })),
    levels: withLevels.map((r) => ({
      label: r.label,
      x: bySigma ? r.loss.sigmas!.map((s) => Math.log10(s)) : r.loss.perLevel!.map((_, l) => l + 1),
      y: r.loss.perLevel!,
    })),
    bySigma,
  };
}
