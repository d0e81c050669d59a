/**
 * Our renderer for the Rete area: fills the
 * elements the area asks for — node cards, wires, the context menu — and keeps
 * wire ends on their sockets by listening to the socket-position watcher for both ends.
 */
import { NodeEditor, Scope } from 'rete';
import { BaseAreaPlugin } from 'rete-area-plugin';
import { getDOMSocketPosition } from 'rete-render-utils';
import type { Schemes, SgConnection, SgNode } from '../rete/scheme';
import type { Area, Signals } from '../rete/signals';
import type { CardContext } from './card-context';
import { WireView, type WireEnds } from './wire-view';
import './sg-node-card';
import './sg-context-menu';
import type { SgNodeCard } from './sg-node-card';
import type { SgContextMenu } from './sg-context-menu';

type RenderData = Extract<Signals, { type: 'render' }>['data'];

export class LitRenderer extends Scope<never, [Signals]> {
  /** Wire ends sit on socket centres (the card draws sockets above the wires). */
  readonly watcher = getDOMSocketPosition<Schemes, Signals>({ offset: (position) => position });
  private readonly wires = new Map<HTMLElement, WireView>();
  private area!: Area;
  private editor!: NodeEditor<Schemes>;

  constructor(private readonly context: CardContext) {
    super('sg-renderer');
  }

  override setParent(scope: Scope<Signals>): void {
    super.setParent(scope);
    this.area = this.parentScope(BaseAreaPlugin) as unknown as Area;
    this.editor = this.area.parentScope<NodeEditor<Schemes>>(NodeEditor);
    this.watcher.attach(this as unknown as Scope<never, [Signals]>);
    this.addPipe((context) => {
      if (!context || typeof context !== 'object' || !('type' in context)) return context;
      if (context.type === 'render' && !context.data.filled && this.mount(context.data))
        return { ...context, data: { ...context.data, filled: true } } as typeof context;
      if (context.type === 'unmount') this.unmount(context.data.element);
      return context;
    });
  }

  /** Colour and selection of a wire changed (its source type, or it was picked). */
  refreshWire(id: string): void {
    for (const wire of this.wires.values()) if (wire.payload.id === id) wire.draw();
  }

  private mount(data: RenderData): boolean {
    switch (data.type) {
      case 'node':
        this.mountNode(data.element, data.payload);
        return true;
      case 'connection':
        this.mountWire(data.element, data.payload, { start: data.start, end: data.end });
        return true;
      case 'contextmenu': {
        const menu = this.reuse<SgContextMenu>(data.element, 'sg-context-menu');
        menu.items = data.items;
        menu.onHide = data.onHide;
        menu.requestUpdate();
        return true;
      }
      default:
        return false; // sockets are announced by the cards themselves
    }
  }

  private mountNode(element: HTMLElement, node: SgNode): void {
    const card = this.reuse<SgNodeCard>(element, 'sg-node-card');
    card.context = this.context;
    card.node = node;
    card.requestUpdate(); // area.update() re-sends the same node object
    void card.updateComplete.then(() =>
      this.area.emit({ type: 'rendered', data: { element, type: 'node', payload: node } }),
    );
  }

  private mountWire(element: HTMLElement, payload: SgConnection, ends: Partial<WireEnds>): void {
    let wire = this.wires.get(element);
    if (!wire) {
      wire = new WireView(element, this.overCards(), payload, this.editor, this.context.selectedWire);
      this.wires.set(element, wire);
      const listen = (nodeId: string, side: 'input' | 'output', key: string, end: keyof WireEnds) => {
        if (!nodeId) return; // the free end of the wire being dragged
        wire!.unlisten.push(this.watcher.listen(nodeId, side, key, (p) => wire!.setEnd(end, p)));
      };
      listen(payload.source, 'output', String(payload.sourceOutput), 'start');
      listen(payload.target, 'input', String(payload.targetInput), 'end');
    }
    if (ends.start) wire.setEnd('start', ends.start);
    if (ends.end) wire.setEnd('end', ends.end);
    wire.draw();
  }

  /** A layer for one wire's copy over the cards: in the area's content, above every card. */
  private overCards(): HTMLElement {
    const layer = document.createElement('div');
    layer.className = 'wire-over';
    this.area.area.content.holder.append(layer);
    return layer;
  }

  private unmount(element: HTMLElement): void {
    const wire = this.wires.get(element);
    if (wire) {
      wire.dispose();
      this.wires.delete(element);
      return;
    }
    const child = element.firstElementChild;
    if (child?.tagName === 'SG-NODE-CARD') child.remove();
  }

  private reuse<T extends HTMLElement>(element: HTMLElement, tag: string): T {
    const existing = element.firstElementChild;
    if (existing?.tagName.toLowerCase() === tag) return existing as T;
    element.replaceChildren(document.createElement(tag));
    return element.firstElementChild as T;
  }
}
