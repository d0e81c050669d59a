/** <sg-viewer>: a viewer node's display — image grid, scatter or loss curve — or a hint before the first run. */
import { LitElement, css, html, nothing } from 'lit';
import type { DisplayPayload } from '../../nodes/display';
import './sg-image-grid';
import './sg-scatter';
import './sg-loss-chart';

export class SgViewer extends LitElement {
  static override properties = { display: { attribute: false } };
  static override styles = css`
    :host {
      display: block;
    }
    .frame {
      background: var(--sg-surface-2);
      border-radius: 6px;
      overflow: hidden;
    }
    .empty {
      display: grid;
      place-items: center;
      height: 120px;
      color: var(--sg-muted);
      font-size: 12px;
      text-align: center;
      padding: 0 16px;
    }
    .caption {
      margin-top: 4px;
      color: var(--sg-muted);
      font-size: 11px;
      font-family: var(--sg-mono);
    }
  `;

  declare display: DisplayPayload | undefined;

  override render() {
    const d = this.display;
    if (!d) return html`<div class="frame empty">Run the graph (Ctrl+Enter) to see the result here.</div>`;
    return html`<div class="frame" data-testid="viewer" data-kind=${d.kind}>${this.renderDisplay(d)}</div>
      ${d.caption ? html`<div class="caption">${d.caption}</div>` : nothing}`;
  }

  private renderDisplay(d: DisplayPayload) {
    switch (d.kind) {
      case 'images':
        return html`<sg-image-grid .display=${d}></sg-image-grid>`;
      case 'points':
        return html`<sg-scatter .display=${d}></sg-scatter>`;
      case 'loss':
        return html`<sg-loss-chart .display=${d}></sg-loss-chart>`;
    }
  }
}

if (!customElements.get('sg-viewer')) customElements.define('sg-viewer', SgViewer);

declare global {
  interface HTMLElementTagNameMap {
    'sg-viewer': SgViewer;
  }
}
