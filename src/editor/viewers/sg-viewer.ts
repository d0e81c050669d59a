/** <sg-viewer>: a viewer node's display — image grid, scatter or loss curve — or a hint before the first run. */
import { LitElement, css, html, nothing } from 'lit';
import type { DisplayPayload } from '../../nodes/display';
import { EXPORT_PNG_EVENT } from '../files/export-event';
import { CHART_HEIGHT, VIEW_WIDTH } from './canvas-size';
import './sg-image-grid';
import './sg-scatter';
import './sg-loss-chart';
import './sg-metrics';

export class SgViewer extends LitElement {
  static override properties = {
    display: { attribute: false },
    chart: { type: Boolean },
    width: { type: Number },
  };
  static override styles = css`
    :host {
      display: block;
    }
    .frame {
      position: relative;
      background: var(--sg-surface-2);
      border-radius: 6px;
      overflow: hidden;
    }
    /* Export as PNG: shown on hover or keyboard focus. */
    .export {
      position: absolute;
      top: 4px;
      right: 4px;
      padding: 1px 6px;
      font: 10.5px var(--sg-font);
      color: var(--sg-text);
      background: var(--sg-surface);
      border: 1px solid var(--sg-border);
      border-radius: 4px;
      cursor: pointer;
      opacity: 0;
    }
    .frame:hover .export,
    .export:focus-visible {
      opacity: 1;
    }
    .empty {
      display: grid;
      place-items: center;
      box-sizing: border-box;
      color: var(--sg-muted);
      font-size: 12px;
      text-align: center;
      padding: 0 16px;
    }
    /* In full, wrapping (a stopped run explains itself here; issue 12 item 7). */
    .caption {
      min-height: 15px;
      margin-top: 3px;
      color: var(--sg-muted);
      font: 10.5px/15px var(--sg-mono);
      overflow-wrap: anywhere;
    }
  `;

  declare display: DisplayPayload | undefined;
  /** The viewer draws a chart (a loss curve), not a square plot: size the placeholder to match. */
  declare chart: boolean;
  /** Drawing width in CSS pixels. */
  declare width: number;

  constructor() {
    super();
    this.chart = false;
    this.width = VIEW_WIDTH;
  }

  override render() {
    const d = this.display;
    // The placeholder is as large as the display will be, so the card does not jump when it comes.
    if (!d)
      return html`<div class="frame empty" style="height:${this.chart ? CHART_HEIGHT : this.width}px">
          Run the graph (Ctrl+Enter) to see the result here.
        </div>
        <div class="caption"></div>`;
    // The last logged loss as an attribute: tests (and curious users) read it without the chart.
    const lastLoss = d.kind === 'loss' && d.loss.length ? String(d.loss[d.loss.length - 1]) : nothing;
    return html`<div class="frame" data-testid="viewer" data-kind=${d.kind} data-last-loss=${lastLoss}>
        ${this.renderDisplay(d)}
        <button
          class="export"
          data-testid="export-png"
          title="Export this image as PNG, with the graph inside (drop it on the editor to get the graph back)"
          @pointerdown=${(e: Event) => e.stopPropagation()}
          @click=${this.onExport}
        >
          PNG
        </button>
      </div>
      <div class="caption" title=${d.caption ?? ''}>${d.caption ?? ''}</div>`;
  }

  private readonly onExport = () =>
    this.dispatchEvent(new CustomEvent(EXPORT_PNG_EVENT, { bubbles: true, composed: true }));

  private renderDisplay(d: DisplayPayload) {
    switch (d.kind) {
      case 'images':
        return html`<sg-image-grid .display=${d} .width=${this.width}></sg-image-grid>`;
      case 'points':
        return html`<sg-scatter .display=${d} .width=${this.width}></sg-scatter>`;
      case 'loss':
        return html`<sg-loss-chart .display=${d} .width=${this.width}></sg-loss-chart>`;
      case 'metrics':
        return html`<sg-metrics .display=${d} .width=${this.width}></sg-metrics>`;
    }
  }
}

if (!customElements.get('sg-viewer')) customElements.define('sg-viewer', SgViewer);

declare global {
  interface HTMLElementTagNameMap {
    'sg-viewer': SgViewer;
  }
}
