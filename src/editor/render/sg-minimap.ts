/**
 * <sg-minimap>: node rectangles and the visible viewport; drag the viewport or click to jump.
 * It sits in the canvas's top-right corner, where fitting a graph leaves room for it (canvas-view),
 * and its × hides it (the Minimap toggle in the toolbar brings it back). On a narrow canvas it
 * is hidden by rete/minimap.ts.
 */
import { LitElement, css, html, svg } from 'lit';

export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Rectangles as fractions of the minimap's square; moves given in the same fractions. */
export interface MinimapData {
  nodes: Rect[];
  viewport: Rect;
  translate(dx: number, dy: number): void;
  point(x: number, y: number): void;
  /** The × was pressed. */
  hide(): void;
}

const SIZE = 160;
/** Its distance from the canvas's edges. */
export const MINIMAP_MARGIN = 12;
const MARGIN = MINIMAP_MARGIN;

export class SgMinimap extends LitElement {
  static override properties = { data: { attribute: false } };
  static override styles = css`
    :host {
      position: absolute;
      right: ${MARGIN}px;
      top: ${MARGIN}px;
      width: ${SIZE}px;
      height: ${SIZE}px;
      background: color-mix(in srgb, var(--sg-surface) 88%, transparent);
      border: 1px solid var(--sg-border);
      border-radius: 8px;
      box-shadow: var(--sg-shadow);
      overflow: hidden;
      z-index: 5;
    }
    :host([hidden]) {
      display: none;
    }
    svg {
      width: 100%;
      height: 100%;
      display: block;
      cursor: pointer;
    }
    .node {
      fill: var(--sg-muted);
      opacity: 0.55;
    }
    .viewport {
      fill: var(--sg-accent);
      fill-opacity: 0.1;
      stroke: var(--sg-accent);
      stroke-width: 1.5;
      cursor: move;
    }
    .hide {
      position: absolute;
      top: 2px;
      right: 2px;
      width: 20px;
      height: 20px;
      padding: 0;
      border: none;
      border-radius: 4px;
      background: transparent;
      color: var(--sg-muted);
      font: 14px/20px var(--sg-font);
      cursor: pointer;
    }
    .hide:hover,
    .hide:focus-visible {
      background: var(--sg-border);
      color: var(--sg-text);
    }
  `;

  declare data: MinimapData | undefined;
  private drag: { x: number; y: number } | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    this.setAttribute('data-testid', 'minimap');
  }

  override render() {
    const d = this.data;
    if (!d) return html``;
    const px = (v: number) => v * SIZE;
    return html`<svg
        role="img"
        aria-label="minimap"
        @pointerdown=${this.onDown}
        @pointermove=${this.onMove}
        @pointerup=${this.onUp}
        @dblclick=${(e: Event) => e.stopPropagation()}
        @wheel=${(e: Event) => e.stopPropagation()}
      >
        ${d.nodes.map((n) => svg`<rect class="node" rx="2" x=${px(n.left)} y=${px(n.top)} width=${px(n.width)} height=${px(n.height)}></rect>`)}
        ${svg`<rect class="viewport" x=${px(d.viewport.left)} y=${px(d.viewport.top)} width=${px(d.viewport.width)} height=${px(d.viewport.height)}></rect>`}
      </svg>
      <button
        class="hide"
        data-testid="minimap-hide"
        aria-label="Hide the minimap"
        title="Hide the minimap (the toolbar's ▣ shows it again)"
        @pointerdown=${(e: Event) => e.stopPropagation()}
        @click=${() => d.hide()}
      >
        ×
      </button>`;
  }

  private readonly onDown = (e: PointerEvent) => {
    e.stopPropagation();
    const svgEl = e.currentTarget as SVGSVGElement;
    svgEl.setPointerCapture(e.pointerId);
    const onViewport = (e.composedPath()[0] as Element).classList?.contains('viewport');
    if (onViewport) this.drag = { x: e.clientX, y: e.clientY };
    else {
      const box = svgEl.getBoundingClientRect();
      this.data?.point((e.clientX - box.left) / SIZE, (e.clientY - box.top) / SIZE);
    }
  };

  private readonly onMove = (e: PointerEvent) => {
    if (!this.drag || !this.data) return;
    const dx = (e.clientX - this.drag.x) / SIZE;
    const dy = (e.clientY - this.drag.y) / SIZE;
    this.drag = { x: e.clientX, y: e.clientY };
    this.data.translate(-dx, -dy);
  };

  private readonly onUp = () => {
    this.drag = null;
  };
}

if (!customElements.get('sg-minimap')) customElements.define('sg-minimap', SgMinimap);

declare global {
  interface HTMLElementTagNameMap {
    'sg-minimap': SgMinimap;
  }
}
