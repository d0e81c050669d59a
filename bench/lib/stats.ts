/** Small statistics for noisy timings: medians, quantiles, spread, and A/B interleaving. */

export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
}

export const median = (values: readonly number[]) => quantile(values, 0.5);

/** (max − min) / median: how far repeated runs moved, as a fraction. */
export function spread(values: readonly number[]): number {
  if (values.length < 2) return 0;
  return (Math.max(...values) - Math.min(...values)) / median(values);
}

/**
 * Runs each variant `rounds` times, interleaved (A B C, B C A, C A B, …) so slow phases of a
 * shared machine hit every variant alike; returns each variant's results in run order.
 */
export async function interleave<T>(
  variants: Record<string, () => Promise<T>>,
  rounds: number,
): Promise<Record<string, T[]>> {
  const names = Object.keys(variants);
  const results: Record<string, T[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(round + k) % names.length];
      results[name].push(await variants[name]());
    }
  }
  return results;
}

/** Per-round ratios a[i] / b[i] (paired, so a slow round slows both), and their median. */
export function pairedRatio(
  a: readonly number[],
  b: readonly number[],
): { median: number; values: number[] } {
  const values = a.map((v, i) => v / b[i]);
  return { median: median(values), values };
}

export const now = () => performance.now();

export interface Timing {
  /** Wall-clock seconds. */
  wall: number;
  /** Seconds of CPU this process used (user + system): robust to other processes on a shared machine. */
  cpu: number;
}

/** Times `body`, in wall-clock and process CPU seconds; `wall` may be overridden by what body reports. */
export async function timed(body: () => Promise<number | void>): Promise<Timing> {
  const cpu0 = cpuMs();
  const t0 = now();
  const reported = await body();
  const wall = (now() - t0) / 1000;
  return { wall: typeof reported === 'number' ? reported : wall, cpu: (cpuMs() - cpu0) / 1000 };
}

/**
 * Marks (step, wall ms, CPU ms) as a loop runs, for the steady step time: the time from a mark
 * at step ≥ `from` to the last mark, per step — what a long run's throughput is, without the
 * fixed costs of a run (weights, first-step compiles, the final read).
 */
export class StepClock {
  private readonly marks: { step: number; wall: number; cpu: number }[] = [];

  mark(step: number, wall = now(), cpu = cpuMs()): void {
    this.marks.push({ step, wall, cpu });
  }

  steady(from = 1): Timing | null {
    const first = this.marks.find((m) => m.step >= from);
    const last = this.marks[this.marks.length - 1];
    if (!first || !last || last.step <= first.step) return null;
    const steps = last.step - first.step;
    return { wall: (last.wall - first.wall) / steps, cpu: (last.cpu - first.cpu) / steps };
  }
}

/** Process CPU milliseconds so far (NaN in a browser). */
export function cpuMs(): number {
  if (typeof process === 'undefined' || !process.cpuUsage) return NaN;
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
}
