/** <sg-metrics>: a metric node's numbers (with their floor and ceiling) and its small histogram. */
import { LitElement, css, html } from 'lit';
import type { MetricsDisplay } from '../../nodes/display';
import { VIEW_WIDTH } from './canvas-size';

const BAR_HEIGHT = 64;

export class SgMetrics extends LitElement {
  static override properties = {
    display: { attribute: false },
    width: { type: Number },
  };
  static override styles = css`
    :host {
      display: block;
      padding: 6px 8px;
      box-sizing: border-box;
      font: 11px var(--sg-font);
      color: var(--sg-text);
    }
    table {
      width: 100%;
      border-collapse: collapse;
    }
    td {
      padding: 1px 0;
      vertical-align: baseline;
    }
    td.value {
      font: 12px var(--sg-mono);
      text-align: right;
      padding: 0 6px;
    }
    td.note {
      color: var(--sg-muted);
      font-size: 10.5px;
    }
    .title {
      margin-top: 6px;
      color: var(--sg-muted);
    }
    .bars {
      display: flex;
      align-items: flex-end;
      gap: 2px;
      height: ${BAR_HEIGHT}px;
      border-bottom: 1px solid var(--sg-border);
    }
    .bar {
      flex: 1;
      background: var(--sg-accent);
      min-height: 1px;
    }
    .labels {
      display: flex;
      gap: 2px;
      color: var(--sg-muted);
      font-size: 10px;
    }
    .labels span {
      flex: 1;
      text-align: center;
    }
  `;

  declare display: MetricsDisplay;
  declare width: number;

  constructor() {
    super();
    this.width = VIEW_WIDTH;
  }

  override render() {
    const d = this.display;
    const top = Math.max(...d.bars.values.filter(Number.isFinite), 1e-12);
    return html`<div style="width:${this.width}px; box-sizing:border-box">
      <table>
        ${d.rows.map(
          (row) =>
            html`<tr data-metric=${row.label}>
              <td>${row.label}</td>
              <td class="value">${row.value}</td>
              <td class="note">${row.note ?? ''}</td>
            </tr>`,
        )}
      </table>
      <div class="title">${d.bars.title}</div>
      <div class="bars">
        ${d.bars.values.map(
          (v, i) =>
            html`<div
              class="bar"
              title="${d.bars.labels[i]}: ${v}"
              style="height:${Number.isFinite(v) ? Math.max(0, (v / top) * 100) : 0}%"
            ></div>`,
        )}
      </div>
      <div class="labels">${d.bars.labels.map((label) => html`<span>${label}</span>`)}</div>
    </div>`;
  }
}

if (!customElements.get('sg-metrics')) customElements.define('sg-metrics', SgMetrics);

declare global {
  interface HTMLElementTagNameMap {
    'sg-metrics': SgMetrics;
  }
}
