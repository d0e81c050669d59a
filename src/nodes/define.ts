/**
 * A node kind: its declaration (sockets, params, docs, infer, summarize; tfjs-free, what the
 * editor, validation and the docs read) and its run body, joined at one seam, `lazy`, that
 * loads the kind's `x.run.ts` (and with it tfjs and the science) on the first run.
 * See docs/adding-a-node-kind.md.
 */
import type { Json, KindSpec, ParamSpec, ParamValues, Problem, SocketSpec } from '../graph';
import type { CheckpointData } from '../graph/checkpoint-header';
import type { DisplayPayload } from './display';
import type { Meta, OutputMeta, SocketTypeName } from './sockets';
import type { SocketValues } from './sockets';
import type { StartGradientHelpers } from '../score/parallel-step';

type Sockets = Record<string, SocketSpec>;
type Params = Record<string, ParamSpec>;

type SocketsOf<S extends Sockets, Map> = {
  [K in keyof S]: S[K]['optional'] extends true
    ? Map[S[K]['type'] & keyof Map] | undefined
    : Map[S[K]['type'] & keyof Map];
};
type MetaMap = { [T in SocketTypeName]: Meta<T> };

export type InputValues<I extends Sockets> = SocketsOf<I, SocketValues>;
export type OutputValues<O extends Sockets> = { [K in keyof O]: SocketValues[O[K]['type']] };
export type InputMetas<I extends Sockets> = { [K in keyof I]: MetaMap[I[K]['type']] | undefined };
export type OutputMetas<O extends Sockets> = { [K in keyof O]: OutputMeta<O[K]['type']> };

/** Everything a running node may use. */
export interface RunContext<P extends Params, I extends Sockets> {
  readonly nodeId: string;
  readonly params: ParamValues<P>;
  readonly inputs: InputValues<I>;
  readonly signal: AbortSignal;
  /** Base seed of this run (never 0); derive per-call seeds from it. */
  readonly seed: number;
  /** The tfjs backend in use ('webgpu' | 'webgl' | 'wasm' | 'cpu'). */
  readonly backend: string;
  /** Report progress: fraction in [0, 1] and a short text such as "step 340/1000 · loss 412.3". */
  progress(fraction: number, text?: string): void;
  /** Show something while running (samples so far, the loss curve); the last one stays as the node's display. */
  preview(payload: DisplayPayload): void;
  /** The checkpoint a model.load `ref` names, read by the host: a browser store id, or a path in the CLI. */
  readCheckpoint(ref: string): Promise<CheckpointData>;
  /** Let the event loop breathe (cancel messages arrive) and throw if the run was cancelled. Call once per step. */
  checkpoint(): Promise<void>;
  /** Threads that share training's batches (the CLI's worker threads on WASM); absent: train on this thread. */
  readonly gradientHelpers?: StartGradientHelpers;
}

/** What inference sees: resolved params, and the metas of connected inputs (undefined when unconnected). */
export interface InferContext<P extends Params, I extends Sockets> {
  readonly nodeId: string;
  readonly params: ParamValues<P>;
  readonly inputs: InputMetas<I>;
  /** The backend the run will use, when compile() is told (CLI, worker); undefined in the editor's live check. */
  readonly backend?: string;
}

/** A compile-time problem thrown from infer(); nodeId defaults to the node being inferred. */
export class InferError extends Error {
  constructor(
    message: string,
    readonly detail: Omit<Problem, 'message'> = {},
  ) {
    super(message);
  }
}

/** What the editor, validation and docs need of a kind: everything but the run body (tfjs-free). */
export interface NodeDeclaration<
  P extends Params = Params,
  I extends Sockets = Sockets,
  O extends Sockets = Sockets,
> extends KindSpec {
  readonly params: P;
  readonly inputs: I;
  readonly outputs: O;
  /** A viewer: its display is the node's result, which the CLI writes as PNG + .npy. */
  readonly view?: boolean;
  /** Derives output metas from input metas and params; throws InferError on a mismatch. */
  infer(ctx: InferContext<P, I>): OutputMetas<O>;
  /** A small JSON summary of the outputs for the CLI's summary.json (sigmas, final loss, shapes). */
  summarize?(outputs: OutputValues<O>, params: ParamValues<P>): Json | Promise<Json>;
}

export interface NodeKind<
  P extends Params = Params,
  I extends Sockets = Sockets,
  O extends Sockets = Sockets,
> extends NodeDeclaration<P, I, O> {
  run(ctx: RunContext<P, I>): Promise<OutputValues<O>>;
}

/** Declares what a kind is, without its run body; `x.run.ts` types its body with `RunOf<typeof declaration>`. */
export function declareNode<P extends Params, I extends Sockets, O extends Sockets>(
  declaration: NodeDeclaration<P, I, O>,
): NodeDeclaration<P, I, O> {
  return declaration;
}

/** Declares a node kind. Identity at run time; it exists for the types. */
export function defineNode<P extends Params, I extends Sockets, O extends Sockets>(
  kind: NodeKind<P, I, O>,
): NodeKind<P, I, O> {
  return kind;
}

/** The run body of a declared kind, as its `x.run.ts` exports it. */
export type RunOf<D> =
  D extends NodeDeclaration<infer P, infer I, infer O>
    ? (ctx: RunContext<P, I>) => Promise<OutputValues<O>>
    : never;

/**
 * The one seam between a kind's declaration and its run body:
 * `defineNode({ ...declaration, run: lazy(() => import('./x.run')) })`. The module (and with it
 * tfjs and the science) loads on the first run and is cached; a failed load is tried again.
 */
export function lazy<C, R>(load: () => Promise<{ default: (ctx: C) => Promise<R> }>): (ctx: C) => Promise<R> {
  let body: Promise<(ctx: C) => Promise<R>> | undefined;
  return async (ctx) => {
    body ??= load().then(
      (module) => module.default,
      (error: unknown) => {
        body = undefined;
        throw error;
      },
    );
    return (await body)(ctx);
  };
}

/** Any kind, for registries and the runtime, which see kinds only through their declarations. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the registry holds kinds of every param/socket shape
export type AnyNodeKind = NodeKind<any, any, any>;
