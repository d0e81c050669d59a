/**
 * The Rete scheme: a node card per graph node, a connection per graph edge. Rete objects are a
 * view of the GraphDoc; the graph node they show is kept in `data` and replaced on every edit.
 */
import { ClassicPreset, type GetSchemes } from 'rete';
import type { GraphNode, KindSpec, SocketType } from '../../graph';
import type { AnyNodeKind } from '../../nodes/define';

const sockets = new Map<SocketType, ClassicPreset.Socket>();

/** One shared socket object per socket type (Rete compares sockets by name). */
export function socketOf(type: SocketType): ClassicPreset.Socket {
  let socket = sockets.get(type);
  if (!socket) sockets.set(type, (socket = new ClassicPreset.Socket(type)));
  return socket;
}

export class SgNode extends ClassicPreset.Node {
  /** Size as laid out, for the minimap and fit view (kept by the card's ResizeObserver). */
  width = 240;
  height = 120;

  constructor(
    public data: GraphNode,
    /** Undefined when the type is not in the registry (shown as a placeholder card). */
    public readonly kind: AnyNodeKind | undefined,
  ) {
    super(kind?.title ?? data.type);
    this.id = data.id;
    const declared: KindSpec | undefined = kind;
    for (const [key, spec] of Object.entries(declared?.inputs ?? {}))
      this.addInput(key, new ClassicPreset.Input(socketOf(spec.type), key, false));
    for (const [key, spec] of Object.entries(declared?.outputs ?? {}))
      this.addOutput(key, new ClassicPreset.Output(socketOf(spec.type), key, true));
  }
}

export class SgConnection extends ClassicPreset.Connection<SgNode, SgNode> {
  isPseudo?: boolean;
}

export type Schemes = GetSchemes<SgNode, SgConnection>;
