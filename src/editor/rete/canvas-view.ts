/**
 * The canvas: a Rete editor + area with our renderer, the wire flow, selection, the context
 * menu and the minimap, kept in sync with the GraphDoc. Owns no document state of its own.
 */
import { NodeEditor } from 'rete';
import { AreaExtensions, AreaPlugin } from 'rete-area-plugin';
import { ConnectionPlugin } from 'rete-connection-plugin';
import { ContextMenuPlugin } from 'rete-context-menu-plugin';
import type { Item } from 'rete-context-menu-plugin/_types/types';
import type { Graph } from '../../graph';
import type { NodeRegistry } from '../../nodes/registry';
import type { CardContext } from '../render/card-context';
import { LitRenderer } from '../render/lit-renderer';
import type { Store } from '../state/store';
import { wireProblem } from '../state/wire-check';
import type { Schemes, SgConnection, SgNode } from './scheme';
import { trackSelection, type Selection, type SelectionHooks } from './selection';
import { fitInto, readableView, type Box } from './fit-region';
import { attachMinimap } from './minimap';
import type { Area, AreaExtra, SocketRef } from './signals';
import { ViewSync } from './view-sync';
import { WireFlow, type WireFlowHooks } from './wire-flow';

export interface CanvasHooks extends WireFlowHooks, SelectionHooks {
  /** Items of the context menu for the canvas, a node or a wire. */
  menu(target: 'root' | SgNode | SgConnection, at: { x: number; y: number }): Item[];
  /** A double-click on empty canvas, at area coordinates. */
  backgroundDoubleClick(at: { x: number; y: number }, client: { x: number; y: number }): void;
}

export type CanvasContext = Omit<CardContext, 'announceSockets' | 'forgetSockets'>;

/** The smallest zoom a graph opens at: card titles stay about 10 px or larger. */
export const READABLE_ZOOM = 0.8;

export class CanvasView {
  readonly editor = new NodeEditor<Schemes>();
  readonly area: Area;
  readonly sync: ViewSync;
  readonly selection: Selection;
  private readonly cleanups: (() => void)[] = [];

  constructor(
    readonly container: HTMLElement,
    host: HTMLElement,
    registry: NodeRegistry,
    context: CanvasContext,
    hooks: CanvasHooks,
    /** Whether the minimap shows (a preference the toolbar toggles). */
    minimap: Store<boolean>,
    /** Set here: whether the canvas is wide enough for the minimap. */
    minimapRoom: Store<boolean>,
  ) {
    const area = (this.area = new AreaPlugin<Schemes, AreaExtra>(container));
    const editor = this.editor;
    const renderer = new LitRenderer({
      ...context,
      announceSockets: (nodeId, sockets) => this.announce(nodeId, sockets),
      forgetSockets: (elements) => {
        for (const element of elements) void area.emit({ type: 'unmount', data: { element } });
      },
    });
    const connection = new ConnectionPlugin<Schemes, AreaExtra>();
    const flow = new WireFlow(editor, hooks);
    connection.addPreset(() => flow);

    editor.use(area);
    area.use(renderer);
    area.use(connection);
    area.use(
      new ContextMenuPlugin<Schemes>({
        items: (target) => ({ searchBar: false, list: hooks.menu(target, area.area.pointer) }),
      }),
    );
    AreaExtensions.zIndexNodesOrder(area);
    this.cleanups.push(attachMinimap(area, editor, minimap, minimapRoom));
    this.selection = trackSelection(area, context.selection, context.selectedWire, host, hooks);
    this.sync = new ViewSync(editor, area, registry);

    // Every wire Rete is asked to add is checked again: types, loops, one wire per input.
    editor.addPipe((ctx) => {
      if (ctx.type !== 'connectioncreate') return ctx;
      const c = ctx.data;
      if (
        editor
          .getConnections()
          .some((other) => other.target === c.target && other.targetInput === c.targetInput)
      )
        return undefined;
      const graph: Graph = {
        format: 'scoregraph',
        version: 1,
        name: '',
        nodes: editor.getNodes().map((n) => n.data),
        edges: editor
          .getConnections()
          .map((o) => ({ from: `${o.source}.${o.sourceOutput}`, to: `${o.target}.${o.targetInput}` })),
      };
      const problem = wireProblem(
        graph,
        registry,
        { nodeId: c.source, socket: String(c.sourceOutput) },
        { nodeId: c.target, socket: String(c.targetInput) },
      );
      return problem ? undefined : ctx;
    });
    // Double-click on the background is for node search, not zoom.
    area.addPipe((ctx) => (ctx.type === 'zoom' && ctx.data.source === 'dblclick' ? undefined : ctx));

    const onDoubleClick = (e: MouseEvent) => {
      if (e.composedPath().some((el) => el instanceof HTMLElement && el.tagName === 'SG-NODE-CARD')) return;
      area.area.setPointerFrom(e);
      hooks.backgroundDoubleClick({ ...area.area.pointer }, { x: e.clientX, y: e.clientY });
    };
    container.addEventListener('dblclick', onDoubleClick);
    this.cleanups.push(() => container.removeEventListener('dblclick', onDoubleClick));
  }

  /** Shows `graph` on the canvas (resolves when it does). */
  show(graph: Graph): Promise<void> {
    return this.sync.show(graph);
  }

  /** Area coordinates of a point on the screen. */
  toArea(clientX: number, clientY: number): { x: number; y: number } {
    const box = this.container.getBoundingClientRect();
    const { x, y, k } = this.area.area.transform;
    return { x: (clientX - box.left - x) / k, y: (clientY - box.top - y) / k };
  }

  /** Screen coordinates of a point of the area. */
  toClient(at: { x: number; y: number }): { x: number; y: number } {
    const box = this.container.getBoundingClientRect();
    const { x, y, k } = this.area.area.transform;
    return { x: box.left + x + at.x * k, y: box.top + y + at.y * k };
  }

  /** The centre of the visible canvas, in area coordinates. */
  viewCentre(): { x: number; y: number } {
    const box = this.container.getBoundingClientRect();
    return this.toArea(box.left + box.width / 2, box.top + box.height / 2);
  }

  /**
   * Zooms to show these nodes (all when empty), never above 100 %, and never under the minimap:
   * the nodes go beside or below it when the whole canvas would put one under it.
   */
  async fit(ids?: string[]): Promise<void> {
    const nodes = ids?.length ? ids : this.editor.getNodes().map((n) => n.id);
    if (!nodes.length) return;
    this.measure();
    const cards = this.cardBoxes(nodes);
    const box = this.container.getBoundingClientRect();
    const t = fitInto(cards, { width: box.width, height: box.height }, this.minimapBox());
    await this.setTransform(t);
  }

  /**
   * Fits a freshly opened graph, but never below a readable zoom: a large graph (the MNIST
   * presets) opens at READABLE_ZOOM on its top-left corner, where its data nodes are, instead of
   * as a thumbnail with 7 px text (issue 12 item 7), below the minimap when it would cover a
   * card there. Fit (the command) still shows everything.
   */
  async fitReadable(): Promise<void> {
    await this.fit();
    if (this.area.area.transform.k >= READABLE_ZOOM) return;
    const cards = this.cardBoxes(this.editor.getNodes().map((n) => n.id));
    if (!cards.length) return;
    const box = this.container.getBoundingClientRect();
    const size = { width: box.width, height: box.height };
    await this.setTransform(readableView(cards, size, this.minimapBox(), READABLE_ZOOM));
  }

  /** The minimap's box in canvas pixels, when it shows. */
  minimapBox(): Box | null {
    const map = this.container.querySelector('sg-minimap');
    if (!map || map.hidden) return null;
    const r = map.getBoundingClientRect();
    const c = this.container.getBoundingClientRect();
    return { left: r.left - c.left, top: r.top - c.top, right: r.right - c.left, bottom: r.bottom - c.top };
  }

  /** Boxes of these nodes' cards in area coordinates (their measured sizes). */
  private cardBoxes(ids: string[]): Box[] {
    const boxes: Box[] = [];
    for (const id of ids) {
      const view = this.area.nodeViews.get(id);
      const node = this.editor.getNode(id);
      if (!view || !node) continue;
      const { x, y } = view.position;
      boxes.push({ left: x, top: y, right: x + (node.width || 0), bottom: y + (node.height || 0) });
    }
    return boxes;
  }

  get transform(): { x: number; y: number; k: number } {
    return { ...this.area.area.transform };
  }

  async setTransform(t: { x: number; y: number; k: number }): Promise<void> {
    await this.area.area.zoom(t.k, 0, 0);
    await this.area.area.translate(t.x, t.y);
  }

  /** Laid-out card sizes, measured now (after the cards have rendered); nodes keep them for fit and minimap. */
  measure(): Map<string, { width: number; height: number }> {
    const sizes = new Map<string, { width: number; height: number }>();
    for (const [id, view] of this.area.nodeViews) {
      const card = view.element.firstElementChild as HTMLElement | null;
      const node = this.editor.getNode(id);
      if (!card?.offsetHeight || !node) continue;
      node.width = card.offsetWidth;
      node.height = card.offsetHeight;
      sizes.set(id, { width: node.width, height: node.height });
    }
    return sizes;
  }

  /** Current positions of nodes as the views hold them (during and after drags). */
  positions(ids: Iterable<string>): Map<string, readonly [number, number]> {
    const out = new Map<string, readonly [number, number]>();
    for (const id of ids) {
      const view = this.area.nodeViews.get(id);
      if (view) out.set(id, [view.position.x, view.position.y]);
    }
    return out;
  }

  destroy(): void {
    for (const cleanup of this.cleanups) cleanup();
    this.selection.destroy();
    this.area.destroy();
  }

  private announce(nodeId: string, sockets: SocketRef[]): void {
    for (const { element, side, key } of sockets) {
      const data = { element, type: 'socket' as const, nodeId, side, key };
      void this.area
        .emit({ type: 'render', data: { ...data, filled: true } })
        .then(() => this.area.emit({ type: 'rendered', data }));
    }
  }
}
