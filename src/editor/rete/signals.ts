/** The extra signals our area carries: sockets our cards announce, and the context menu. */
import type { ContextMenuExtra } from 'rete-context-menu-plugin';
import type { Area2D, AreaPlugin, RenderSignal } from 'rete-area-plugin';
import type { Schemes } from './scheme';

export type Side = 'input' | 'output';

export type SocketSignal = RenderSignal<'socket', { nodeId: string; side: Side; key: string }>;

export type AreaExtra = ContextMenuExtra | SocketSignal;

export type Signals = Area2D<Schemes> | AreaExtra;

export type Area = AreaPlugin<Schemes, AreaExtra>;

/** A socket element inside a card, as announced to the area. */
export interface SocketRef {
  element: HTMLElement;
  side: Side;
  key: string;
}
