/**
 * Compile-time facts that flow along edges before anything runs ("shape inference"):
 * a dataset's shape reaches the network and the samplers, so mistakes show on the right
 * node before any GPU work starts. `source` is the node id that produced the fact.
 */
export interface SocketMetas {
  Dataset: { kind: 'points' | 'images'; shape: number[]; count: number };
  Schedule: { levels: number | null };
  /** An untrained architecture (train.fit makes its weights), or a ready model that can score. */
  Model:
    | {
        ready: false;
        kind: string;
        shape: null;
        levels: null;
        /** Its weights will be tied to the schedule's level count (conditional norms). */
        conditional?: boolean;
      }
    | {
        ready: true;
        /** An exact score: nothing to train. Otherwise a trained (or loaded) network. */
        exact: boolean;
        kind: string;
        /** The data shape the model works on; null while it is not fixed yet. */
        shape: number[] | null;
        /** Noise levels the model is conditioned on (CIN++); null when any count works. */
        levels: number | null;
      };
  Loss: Record<string, never>;
  Optimizer: Record<string, never>;
  Samples: { kind: 'points' | 'images' | null; shape: number[] | null; count: number | null };
  Mask: { shape: number[] | null };
  Losses: Record<string, never>;
}

export type SocketTypeName = keyof SocketMetas;
export type Meta<T extends SocketTypeName = SocketTypeName> = SocketMetas[T] & { source: string };
/** A meta as infer() returns it (the executor adds `source`); keeps the Model union apart. */
export type OutputMeta<T extends SocketTypeName> = SocketMetas[T] extends infer M
  ? M extends unknown
    ? M
    : never
  : never;
