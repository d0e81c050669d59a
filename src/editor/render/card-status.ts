/**
 * A card's run state in its header: a status pill (with the time left while running), and while
 * running the pace, the progress text and a thin bar.
 */
import { html, nothing } from 'lit';
import type { NodeStatus } from '../../runtime/events';
import { describePace, formatDuration, type Pace } from '../../runtime/pace';

const STATUS_TEXT: Record<NodeStatus, string> = {
  idle: '',
  queued: 'queued',
  running: 'running',
  cached: 'cached',
  done: 'done',
  error: 'error',
  cancelled: 'stopped',
};

export function statusTemplate(status: NodeStatus, seconds: number | undefined, pace?: Pace) {
  if (status === 'idle') return nothing;
  const time = status === 'done' && seconds !== undefined ? ` · ${formatSeconds(seconds)}` : '';
  const left = status === 'running' && pace?.secondsLeft !== undefined;
  return html`<span class="status" data-testid="node-status" data-status=${status}
    >${left ? `${formatDuration(pace!.secondsLeft!)} left` : `${STATUS_TEXT[status]}${time}`}</span
  >`;
}

/** While running, the header shows the progress text where the id was (no layout change). */
export function progressTemplate(fraction: number | undefined, text: string | undefined, pace?: Pace) {
  const pct = Math.round((fraction ?? 0) * 100);
  // Steps/s here; the time left goes in the status pill.
  const speed = describePace({ stepsPerSecond: pace?.stepsPerSecond });
  return html`<span
    class="progress-text"
    data-testid="node-progress"
    role="progressbar"
    aria-valuemin="0"
    aria-valuemax="100"
    aria-valuenow=${pct}
    title=${[pace && describePace(pace), text ?? `${pct}%`].filter(Boolean).join(' · ')}
    >${
      speed ? html`<span class="pace" data-testid="node-pace">${speed}</span> · ` : nothing
    }${text ?? `${pct}%`}</span
  >`;
}

/** A thin bar along the header's lower edge. */
export function barTemplate(fraction: number | undefined) {
  return html`<div class="bar" aria-hidden="true">
    <div class="fill" style="width:${Math.round((fraction ?? 0) * 100)}%"></div>
  </div>`;
}

export function formatSeconds(s: number): string {
  if (s < 10) return `${s.toFixed(1)} s`;
  if (s < 120) return `${Math.round(s)} s`;
  return `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
}
