/**
 * The meta of a value that is actually flowing: what infer() would have been told about it.
 * The executor re-runs infer() on these before run(), so every rule a kind states in infer()
 * also holds for the values run() gets, and run() keeps only the checks that need tensors.
 * Reads shapes and fields only (no tfjs calls).
 */
import type { Json, SocketSpec } from '../graph';
import type { AnyNodeKind } from './define';
import type { Meta, OutputMeta, SocketTypeName } from './meta';
import type { SocketValues } from './values';

type MetaOf = { [T in SocketTypeName]: (value: SocketValues[T]) => OutputMeta<T> };

const META_OF: MetaOf = {
  Dataset: (v) => ({ kind: v.kind, shape: [...v.shape], count: v.count }),
  Schedule: (v) => ({ levels: v.sigmas.length }),
  Model: (v) =>
    v.ready
      ? { ready: true, exact: v.exact, kind: v.kind, shape: [...v.shape], levels: v.exact ? null : v.levels }
      : {
          ready: false,
          kind: v.kind,
          shape: null,
          levels: null,
          conditional: v.config.conditioning === 'conditional-norm',
        },
  Loss: () => ({}),
  Optimizer: () => ({}),
  Samples: (v) => ({ kind: v.kind, shape: v.data.shape.slice(1), count: v.data.shape[0] }),
  Mask: (v) => ({ shape: [...v.data.shape] }),
  Losses: () => ({}),
};

/** The meta of `value` flowing on a socket of type `type` from node `source`. */
export function metaOfValue<T extends SocketTypeName>(
  type: T,
  value: SocketValues[T],
  source: string,
): Meta<T> {
  const meta: OutputMeta<T> = META_OF[type](value);
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
