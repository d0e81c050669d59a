/** A card's run state in its header: a status pill, and while running the progress text and a thin bar. */
import { html, nothing } from 'lit';
import type { NodeStatus } from '../../runtime/events';

const STATUS_TEXT: Record<NodeStatus, string> = {
  idle: '',
  queued: 'queued',
  running: 'running',
  cached: 'cached',
  done: 'done',
  error: 'error',
  cancelled: 'stopped',
};

export function statusTemplate(status: NodeStatus, seconds: number | undefined) {
  if (status === 'idle') return nothing;
  const time = status === 'done' && seconds !== undefined ? ` · ${formatSeconds(seconds)}` : '';
  return html`<span class="status" data-testid="node-status" data-status=${status}
    >${STATUS_TEXT[status]}${time}</span
  >`;
}

/** While running, the header shows the progress text where the id was (no layout change). */
export function progressTemplate(fraction: number | undefined, text: string | undefined) {
  const pct = Math.round((fraction ?? 0) * 100);
  return html`<span
    class="progress-text"
    data-testid="node-progress"
    role="progressbar"
    aria-valuemin="0"
    aria-valuemax="100"
    aria-valuenow=${pct}
    title=${text ?? `${pct}%`}
    >${text ?? `${pct}%`}</span
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
