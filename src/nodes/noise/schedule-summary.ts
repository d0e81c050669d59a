/** What a schedule node reports: its sigmas, ratio and level count (summary.json, tooltips, progress). */
import { scheduleRatio } from '../../score/schedule/geometric';
import type { ScheduleValue } from '../sockets';

export function summarizeSchedule(schedule: ScheduleValue) {
  return {
    sigmas: [...schedule.sigmas],
    gamma: scheduleRatio(schedule.sigmas),
    levels: schedule.sigmas.length,
  };
}

/** "σ 16 → 0.01 · γ 1.0817 · L 95" */
export function describeSchedule(sigmas: readonly number[]): string {
  const round = (v: number) => Number(v.toPrecision(4));
  const gamma = scheduleRatio(sigmas);
  return `σ ${round(sigmas[0])} → ${round(sigmas[sigmas.length - 1])} · γ ${gamma.toFixed(4)} · L ${sigmas.length}`;
}
