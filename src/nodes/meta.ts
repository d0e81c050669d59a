/**
 * Compile-time facts that flow along edges before anything runs ("shape inference"):
 * a dataset's shape reaches the network and the samplers, so mistakes show on the right
 * node before any GPU work starts. `source` is the node id that produced the fact.
 */
export interface SocketMetas {
  Dataset: { kind: 'points' | 'images'; shape: number[]; count: number };
  Schedule: { levels: number | null };
  Model: {
    /** False for an untrained network architecture; true once trained, loaded or exact. */
    ready: boolean;
    kind: string;
    /** The data shape the model works on; null while it is not fixed yet. */
    shape: number[] | null;
    /** Noise levels the model is conditioned on (CIN++); null when any count works. */
    levels: number | null;
    /**
     * An untrained network whose weights will be tied to the schedule's level count
     * (conditional norms): train.fit then sets `levels` from the schedule.
     */
    conditional?: boolean;
    /** An untrained network's architecture params (for train.fit's compile-time memory estimate). */
    architecture?: Readonly<Record<string, unknown>>;
  };
  Loss: Record<string, never>;
  Optimizer: Record<string, never>;
  Samples: { kind: 'points' | 'images' | null; shape: number[] | null; count: number | null };
  Mask: { shape: number[] | null };
  Losses: Record<string, never>;
}

export type SocketTypeName = keyof SocketMetas;
export type Meta<T extends SocketTypeName = SocketTypeName> = SocketMetas[T] & { source: string };
