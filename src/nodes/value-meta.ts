/**
 * infer() on the values that actually arrive: the executor re-runs it before run(), so every
 * rule a kind states in infer() also holds for the values run() gets, and run() keeps only the
 * checks that need the data itself.
 */
import type { Json, SocketSpec } from '../graph';
import type { AnyNodeKind } from './define';
import { SOCKETS, type Meta, type OutputMeta, type SocketTypeName, type SocketValues } from './sockets';

/** The meta of `value` flowing on a socket of type `type` from node `source`. */
export function metaOfValue<T extends SocketTypeName>(
  type: T,
  value: SocketValues[T],
  source: string,
): Meta<T> {
  const meta: OutputMeta<T> = SOCKETS[type].metaOf(value);
  return Object.assign({ source }, meta) as Meta<T>;
}

/**
 * Runs `kind.infer` on the values that actually arrived (`sources`: the node each connected
 * input came from); throws its InferError. The executor calls it before every run().
 */
export function inferOnValues(
  kind: AnyNodeKind,
  nodeId: string,
  params: Record<string, Json>,
  inputs: Record<string, unknown>,
  sources: Record<string, string | undefined>,
): void {
  const metas: Record<string, Meta | undefined> = {};
  const specs: Record<string, SocketSpec> = kind.inputs;
  for (const [socket, spec] of Object.entries(specs)) {
    const source = sources[socket];
    // A value of the socket's type: compile() matched the wire's types.
    metas[socket] = source ? metaOfValue(spec.type, inputs[socket] as never, source) : undefined;
  }
  kind.infer({ nodeId, params, inputs: metas });
}
