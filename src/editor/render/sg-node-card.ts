/**
 * <sg-node-card>: a node on the canvas, generated from its kind's declaration — title in the
 * category colour, typed sockets, a control per param, status, progress, problems and, for
 * viewers, the display. Announces its sockets to the area after every layout change so wire
 * ends stay on them.
 *
 * @fires sg-param - a param was changed (from <sg-param>)
 * @fires sg-collapse - { nodeId, collapsed } the collapse toggle was pressed
 */
import { LitElement, html, nothing } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import type { KindSpec, Problem } from '../../graph';
import { categoryColor } from '../app/theme';
import type { DisplayPayload } from '../../nodes/display';
import type { SgNode } from '../rete/scheme';
import type { Side, SocketRef } from '../rete/signals';
import { emit, type CardContext } from './card-context';
import { barTemplate, progressTemplate, statusTemplate } from './card-status';
import { portsTemplate } from './card-ports';
import { cardStyles } from './node-card-styles';
import './controls/sg-param';
import '../viewers/sg-viewer';

/** Inner widths of a card and of a viewer card (see node-card-styles). */
const CARD_WIDTH = 232;
const VIEWER_CARD_WIDTH = 284;

const INTERACTIVE = new Set(['INPUT', 'SELECT', 'TEXTAREA', 'BUTTON', 'OPTION', 'LABEL', 'CANVAS']);

export class SgNodeCard extends LitElement {
  static override properties = {
    node: { attribute: false },
    context: { attribute: false },
    previewOpen: { state: true },
  };
  static override styles = cardStyles;

  declare node: SgNode | undefined;
  declare context: CardContext | undefined;
  declare previewOpen: boolean;
  private subscriptions: (() => void)[] = [];
  private subscribedTo: string | null = null;
  private announced: HTMLElement[] = [];
  private announceQueued = false;
  private readonly resizeObserver = new ResizeObserver(() => this.onResize());

  constructor() {
    super();
    this.previewOpen = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.setAttribute('data-testid', 'node');
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe();
    this.resizeObserver.disconnect();
    // A DOM move disconnects and reconnects at once: only forget sockets if it stays out.
    queueMicrotask(() => {
      if (this.isConnected || !this.announced.length) return;
      this.context?.forgetSockets(this.announced);
      this.announced = [];
    });
  }

  protected override willUpdate(): void {
    const node = this.node;
    if (!node || !this.context) return;
    this.dataset.nodeType = node.data.type;
    this.dataset.nodeId = node.id;
    if (this.subscribedTo !== node.id) this.subscribe(node.id, this.context);
  }

  override render() {
    const node = this.node;
    const ctx = this.context;
    if (!node || !ctx) return nothing;
    const kind: KindSpec | undefined = node.kind;
    const run = ctx.run.nodes.get(node.id);
    const problems = ctx.problems.get(node.id) ?? [];
    const status = run?.status ?? 'idle';
    const collapsed = !!node.data.collapsed;
    const messages = [
      ...new Set([...problems.map((p) => p.message), ...(run?.message ? [run.message] : [])]),
    ];
    const classes = {
      card: true,
      selected: !!ctx.selection.get(node.id),
      invalid: problems.length > 0 || status === 'error',
      collapsed,
      viewer: !!node.kind?.view,
      [`status-${status}`]: true,
    };
    return html`<div
      class=${classMap(classes)}
      style="--cat:${categoryColor(kind?.category ?? '')}"
      @pointerdown=${this.onPointerDown}
      @dblclick=${(e: Event) => e.stopPropagation()}
    >
      <header title=${kind?.doc ?? `Unknown node type "${node.data.type}"`}>
        <button
          class="collapse"
          aria-label=${collapsed ? 'Expand' : 'Collapse'}
          aria-expanded=${collapsed ? 'false' : 'true'}
          @click=${this.toggleCollapse}
        >
          ${collapsed ? '▸' : '▾'}
        </button>
        <span class="title" data-testid="title">${node.data.label ?? kind?.title ?? node.data.type}</span>
        ${
          status === 'running'
            ? progressTemplate(run?.fraction, run?.text, run?.pace)
            : html`<span class="id" title=${`id: ${node.id}`}>${node.id}</span>`
        }
        ${this.renderPreviewButton(ctx.run.displays.get(node.id))}
        ${statusTemplate(status, run?.seconds, run?.pace)}
        ${status === 'running' ? barTemplate(run?.fraction) : nothing}
      </header>
      ${
        messages.length
          ? html`<ul class="messages" data-testid="node-error" role="alert">
              ${messages.map((m) => html`<li>${m}</li>`)}
            </ul>`
          : nothing
      }
      <div class="ports">
        <div class="inputs">
          ${portsTemplate(node.id, 'input', kind?.inputs ?? {}, problems, ctx.wire.value)}
        </div>
        <div class="outputs">
          ${portsTemplate(node.id, 'output', kind?.outputs ?? {}, problems, ctx.wire.value)}
        </div>
      </div>
      ${collapsed || !kind ? nothing : this.renderParams(kind, problems)}
      ${collapsed ? nothing : this.renderDisplay(kind, ctx.run.displays.get(node.id))}
    </div>`;
  }

  protected override firstUpdated(): void {
    this.resizeObserver.observe(this.renderRoot.querySelector('.card')!);
  }

  protected override updated(): void {
    this.scheduleAnnounce();
  }

  /**
   * Viewers show their display in full (with a placeholder of the same size before the first run);
   * other nodes show theirs only when asked (header button), so a card never grows over its
   * neighbours by itself.
   */
  private renderDisplay(kind: KindSpec | undefined, display: DisplayPayload | undefined) {
    if (this.node?.kind?.view)
      return html`<sg-viewer
        class="viewer"
        .display=${display}
        .width=${VIEWER_CARD_WIDTH}
        ?chart=${Object.values(kind?.inputs ?? {}).some((s) => s.type === 'Losses')}
      ></sg-viewer>`;
    if (!display || !this.previewOpen) return nothing;
    return html`<sg-viewer class="viewer" .display=${display} .width=${CARD_WIDTH}></sg-viewer>`;
  }

  /** A node that previews something (a dataset, a loss so far) offers it from its header. */
  private renderPreviewButton(display: DisplayPayload | undefined) {
    if (this.node?.kind?.view || !display) return nothing;
    return html`<button
      class="preview-toggle"
      aria-label="Preview"
      aria-pressed=${this.previewOpen ? 'true' : 'false'}
      title=${`${this.previewOpen ? 'Hide' : 'Show'} the preview${display.caption ? `: ${display.caption}` : ''}`}
      @click=${this.togglePreview}
    >
      ◧
    </button>`;
  }

  private readonly togglePreview = (e: Event) => {
    e.stopPropagation();
    this.previewOpen = !this.previewOpen;
    // An opened preview may reach over other cards and the wires' copies: lift this card's area
    // view above them all (app-styles.ts).
    this.parentElement?.classList.toggle('preview-open', this.previewOpen);
  };

  private renderParams(kind: KindSpec, problems: Problem[]) {
    const keys = Object.keys(kind.params);
    if (!keys.length) return nothing;
    return html`<div class="params">
      ${keys.map(
        (key) =>
          html`<sg-param
            data-testid=${`control-${key}`}
            .spec=${kind.params[key]}
            .value=${this.node!.data.params[key]}
            .key=${key}
            .nodeId=${this.node!.id}
            .problem=${problems.find((p) => p.param === key)?.message}
          ></sg-param>`,
      )}
    </div>`;
  }

  private readonly toggleCollapse = (e: Event) => {
    e.stopPropagation();
    emit(this, 'sg-collapse', { nodeId: this.node!.id, collapsed: !this.node!.data.collapsed });
  };

  /** Controls keep the pointer: typing or sliding must not drag the node. */
  private readonly onPointerDown = (e: PointerEvent) => {
    const target = e.composedPath()[0];
    if (target instanceof Element && (INTERACTIVE.has(target.tagName) || target.closest('.interactive')))
      e.stopPropagation();
  };

  private subscribe(id: string, ctx: CardContext): void {
    this.unsubscribe();
    const redraw = () => this.requestUpdate();
    this.subscriptions = [
      ctx.run.nodes.listenKey(id, redraw),
      ctx.run.displays.listenKey(id, redraw),
      ctx.problems.listenKey(id, redraw),
      ctx.selection.listenKey(id, redraw),
      ctx.wire.listen(redraw),
    ];
    this.subscribedTo = id;
  }

  private unsubscribe(): void {
    for (const off of this.subscriptions) off();
    this.subscriptions = [];
    this.subscribedTo = null;
  }

  private onResize(): void {
    const card = this.renderRoot.querySelector<HTMLElement>('.card');
    if (card && this.node) {
      this.node.width = card.offsetWidth;
      this.node.height = card.offsetHeight;
    }
    this.scheduleAnnounce();
  }

  /** Re-announces sockets once per frame at most; each announcement re-measures their centres. */
  private scheduleAnnounce(): void {
    if (this.announceQueued) return;
    this.announceQueued = true;
    requestAnimationFrame(() => {
      this.announceQueued = false;
      if (!this.isConnected || !this.node || !this.context) return;
      const sockets: SocketRef[] = [...this.renderRoot.querySelectorAll<HTMLElement>('.socket')].map(
        (element) => ({
          element,
          side: element.dataset.side as Side,
          key: element.dataset.key!,
        }),
      );
      this.announced = sockets.map((s) => s.element);
      this.context.announceSockets(this.node.id, sockets);
    });
  }
}

if (!customElements.get('sg-node-card')) customElements.define('sg-node-card', SgNodeCard);

declare global {
  interface HTMLElementTagNameMap {
    'sg-node-card': SgNodeCard;
  }
}
