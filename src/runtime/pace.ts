/**
 * How fast a running node goes and how long it has left, derived from its progress events alone
 * (issue 10 item 5): one place for the editor's cards and the CLI's progress lines, so no node
 * kind measures time itself. Rates come from a recent window, so the first slow step (shader or
 * kernel compilation) does not skew them for the rest of the run.
 */

export interface Pace {
  /** Optimiser or sampler steps per second, when the progress text counts steps ("step 340/1000"). */
  stepsPerSecond?: number;
  /** Seconds until the node's progress reaches 1, at the recent rate. */
  secondsLeft?: number;
}

interface Sample {
  t: number;
  fraction: number;
  step?: number;
}

/** "step 340/1000" anywhere in a progress text, else null. */
export function stepCount(text: string | undefined): { done: number; total: number } | null {
  const m = text?.match(/\bstep (\d+)\/(\d+)\b/);
  return m ? { done: Number(m[1]), total: Number(m[2]) } : null;
}

export class PaceMeter {
  private samples: Sample[] = [];

  /**
   * @param windowMs rates are measured over (at most) this much recent time
   * @param minSpanMs no estimate until progress has been seen over at least this long
   */
  constructor(
    private readonly windowMs = 20_000,
    private readonly minSpanMs = 1_500,
  ) {}

  /** Adds a progress event seen at time `t` (ms) and returns the pace so far. */
  add(t: number, fraction: number, text?: string): Pace {
    this.samples.push({ t, fraction, step: stepCount(text)?.done });
    while (this.samples.length > 2 && t - this.samples[1].t >= this.windowMs) this.samples.shift();
    return this.pace();
  }

  pace(): Pace {
    const first = this.samples[0];
    const last = this.samples[this.samples.length - 1];
    if (!first || last.t - first.t < this.minSpanMs) return {};
    const seconds = (last.t - first.t) / 1000;
    const pace: Pace = {};
    if (first.step !== undefined && last.step !== undefined && last.step > first.step)
      pace.stepsPerSecond = (last.step - first.step) / seconds;
    const rate = (last.fraction - first.fraction) / seconds;
    if (rate > 0) pace.secondsLeft = Math.max(0, (1 - last.fraction) / rate);
    return pace;
  }
}

/** 42 s, 12 min, 3 h 05 min: precise enough to plan by. */
export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${Math.max(1, Math.round(seconds))} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/** "12.3 steps/s · 54 s left", or as much of it as is known ('' before the first estimate). */
export function describePace(pace: Pace): string {
  const parts: string[] = [];
  if (pace.stepsPerSecond !== undefined)
    parts.push(
      `${pace.stepsPerSecond >= 10 ? Math.round(pace.stepsPerSecond) : pace.stepsPerSecond.toPrecision(2)} steps/s`,
    );
  if (pace.secondsLeft !== undefined) parts.push(`${formatDuration(pace.secondsLeft)} left`);
  return parts.join(' · ');
}
