/**
 * What a node card reads: the stores it shows and the one hook it needs into the area (to
 * announce its sockets). Everything a card wants to change goes out as a DOM event instead.
 */
import type { Problem, SocketType } from '../../graph';
import type { NodeRegistry } from '../../nodes/registry';
import type { RunState } from '../state/run-state';
import type { KeyedStore, Store } from '../state/store';
import type { Side, SocketRef } from '../rete/signals';

/** The wire being dragged: cards light up the sockets it may land on. */
export interface WireDrag {
  nodeId: string;
  key: string;
  side: Side;
  type: SocketType;
}

export interface CardContext {
  readonly registry: NodeRegistry;
  readonly run: RunState;
  readonly problems: KeyedStore<Problem[]>;
  readonly selection: KeyedStore<true>;
  readonly wire: Store<WireDrag | null>;
  /** The selected wire (edge key), if any. */
  readonly selectedWire: Store<string | null>;
  /** Tells the area where this card's sockets are (call after every layout change). */
  announceSockets(nodeId: string, sockets: SocketRef[]): void;
  /** Tells the area these socket elements are gone. */
  forgetSockets(elements: HTMLElement[]): void;
}

/** Intents a card sends up (bubbling, composed). */
export interface CardEvents {
  'sg-param': { nodeId: string; key: string; value: import('../../graph').Json };
  'sg-collapse': { nodeId: string; collapsed: boolean };
  'sg-rename': { nodeId: string; label: string };
}

export function emit<K extends keyof CardEvents>(from: HTMLElement, type: K, detail: CardEvents[K]): void {
  from.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}

declare global {
  interface HTMLElementEventMap {
    'sg-param': CustomEvent<CardEvents['sg-param']>;
    'sg-collapse': CustomEvent<CardEvents['sg-collapse']>;
    'sg-rename': CustomEvent<CardEvents['sg-rename']>;
  }
}
