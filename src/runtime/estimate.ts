/**
 * Time you can plan before a run (issue 10 item 5): a short calibration runs the graph itself on
 * the chosen backend, measures the pace of its first long node (one whose progress counts
 * steps: training, sampling) once the first slow steps are behind it, then stops the run. The
 * estimate is the time of the nodes before it plus that node's whole length at the measured
 * pace. Fed with run events only, so the CLI (Executor + AbortController) and the editor (the
 * worker's events + cancel) share it.
 */
import type { RunEvent } from './events';
import { PaceMeter, formatDuration, stepCount } from './pace';

export interface RunEstimate {
  /** Seconds from the start of the run to the end of `nodeId`. */
  seconds: number;
  /** The long node measured; null when the whole run finished within the calibration. */
  nodeId: string | null;
  stepsPerSecond?: number;
  /** Nodes after `nodeId` in the plan, not measured. */
  notMeasured: number;
}

/** An estimate above this is "long" and comes with advice. */
export const LONG_RUN_SECONDS = 15 * 60;

export class Calibration {
  private startedAt = 0;
  private readonly nodeStart = new Map<string, number>();
  private finishedBefore = 0;
  private measuring: { nodeId: string; since: number; meter: PaceMeter } | null = null;
  private order: string[] = [];
  result: RunEstimate | null = null;

  /**
   * @param measureMs how long to watch the long node's progress; its first quarter (kernel
   *   compilation, first slow steps) is left out of the rate
   * @param now milliseconds (a parameter for tests)
   */
  constructor(
    private readonly measureMs = 6000,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Feeds one run event; returns true once the estimate is known (the caller stops the run). */
  handle(event: RunEvent): boolean {
    if (this.result) return true;
    const t = this.now();
    switch (event.type) {
      case 'run-started':
        this.startedAt = t;
        this.order = event.nodeIds;
        return false;
      case 'started':
        this.nodeStart.set(event.nodeId, t);
        return false;
      case 'done':
        if (!this.measuring) this.finishedBefore = (t - this.startedAt) / 1000;
        return false;
      case 'progress':
        return this.onProgress(event.nodeId, event.fraction, event.text, t);
      case 'run-finished':
        if (event.status === 'done' && !this.measuring)
          this.result = { seconds: event.seconds, nodeId: null, notMeasured: 0 };
        return !!this.result;
      default:
        return false;
    }
  }

  private onProgress(nodeId: string, fraction: number, text: string | undefined, t: number): boolean {
    if (!this.measuring) {
      if (!stepCount(text) || fraction >= 1) return false;
      this.measuring = {
        nodeId,
        since: t,
        meter: new PaceMeter(this.measureMs * 0.75, this.measureMs * 0.25),
      };
    }
    const m = this.measuring;
    if (m.nodeId !== nodeId) return false;
    const pace = m.meter.add(t, fraction, text);
    if (t - m.since < this.measureMs || pace.secondsLeft === undefined) return false;
    const elapsed = (t - (this.nodeStart.get(nodeId) ?? m.since)) / 1000;
    const index = this.order.indexOf(nodeId);
    this.result = {
      seconds: this.finishedBefore + elapsed + pace.secondsLeft,
      nodeId,
      stepsPerSecond: pace.stepsPerSecond,
      notMeasured: index < 0 ? 0 : this.order.length - index - 1,
    };
    return true;
  }
}

/** "≈ 3 h 05 min on WASM here (to the end of "train"; 2 later nodes not measured) — try …". */
export function describeEstimate(estimate: RunEstimate, backend: string): string {
  const where = `on ${backend.toUpperCase()} here`;
  const scope = estimate.nodeId
    ? ` (to the end of "${estimate.nodeId}"${estimate.notMeasured ? `; ${estimate.notMeasured} later node${estimate.notMeasured === 1 ? '' : 's'} not measured` : ''})`
    : ' (measured: the whole run)';
  const advice =
    estimate.seconds > LONG_RUN_SECONDS ? ' — try mnist-quick, fewer steps or a smaller batch, or a GPU' : '';
  return `≈ ${formatDuration(estimate.seconds)} ${where}${scope}${advice}.`;
}
