/**
 * How wires are drawn by hand (a Flow for Rete's connection plugin). Drag from a socket, drop
 * on another: the document decides (a wrong wire is refused with a reason, a wire into a taken
 * input replaces the old one). Dragging a wire off an input picks it up by its source end.
 * Dropping on empty canvas hands the loose end to `onLooseEnd` (the node search).
 */
import type { NodeEditor } from 'rete';
import type { Context, Flow, PickParams, SocketData } from 'rete-connection-plugin';
import type { Schemes } from './scheme';

export interface WireEnd {
  nodeId: string;
  key: string;
  side: 'input' | 'output';
}

export interface WireFlowHooks {
  /** A drag started from `from`. */
  started(from: WireEnd): void;
  /** The wire was dropped on socket `to`: connect (either direction) or refuse with a reason. */
  connect(from: WireEnd, to: WireEnd): void;
  /** A picked-up wire was taken off its input: remove it (inside the open gesture). */
  detach(connectionId: string): void;
  /** A drag ended on no socket. */
  looseEnd(from: WireEnd): void;
  /** The drag is over, however it ended. */
  finished(): void;
}

const endOf = (s: SocketData): WireEnd => ({ nodeId: s.nodeId, key: s.key, side: s.side });

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Flow's signal list is untyped in rete-connection-plugin
export class WireFlow implements Flow<Schemes, any[]> {
  private picked: SocketData | undefined;

  constructor(
    private readonly editor: NodeEditor<Schemes>,
    private readonly hooks: WireFlowHooks,
  ) {}

  getPickedSocket(): SocketData | undefined {
    return this.picked;
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async pick({ socket, event }: PickParams, context: Context<Schemes, any[]>): Promise<void> {
    if (!this.picked) {
      if (event === 'down') this.start(socket, context);
      return;
    }
    if (sameSocket(socket, this.picked)) {
      // Released where it started (a click): the wire follows the pointer until the next click.
      if (event === 'down') this.finish();
      return;
    }
    this.hooks.connect(endOf(this.picked), endOf(socket));
    this.finish();
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  drop(_context?: Context<Schemes, any[]>): void {
    if (this.picked) this.hooks.looseEnd(endOf(this.picked));
    this.finish();
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  private start(socket: SocketData, context: Context<Schemes, any[]>): void {
    let from = socket;
    if (socket.side === 'input') {
      const wire = this.editor
        .getConnections()
        .find((c) => c.target === socket.nodeId && c.targetInput === socket.key);
      if (wire) {
        const source = [...context.socketsCache.values()].find(
          (s) => s.nodeId === wire.source && s.side === 'output' && s.key === wire.sourceOutput,
        );
        if (source) {
          this.hooks.started(endOf(source));
          this.hooks.detach(wire.id);
          from = source;
          this.picked = from;
          return;
        }
      }
    }
    this.hooks.started(endOf(from));
    this.picked = from;
  }

  private finish(): void {
    const was = this.picked;
    this.picked = undefined;
    if (was) this.hooks.finished();
  }
}

const sameSocket = (a: SocketData, b: SocketData) =>
  a.nodeId === b.nodeId && a.key === b.key && a.side === b.side;
