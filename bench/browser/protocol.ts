/** Messages between the bench page and its baseline worker (hand-written tfjs loops). */
import type { TrainCase } from '../cases';

export type ToBaseline =
  | { type: 'init'; backend: string }
  /** readEvery: the hand-written loop reading the loss that often; 'library': src/score/train's loop. */
  | { type: 'train'; id: number; case: TrainCase; readEvery: number | 'library'; steps: number };

export type FromBaseline =
  | { type: 'ready'; backend: string; reason: string }
  | {
      type: 'result';
      id: number;
      seconds: number;
      /** Steady milliseconds per step (after step 1). */
      steadyMs: number;
      numTensors: number;
      lastLoss: number;
      backend: string;
    }
  | { type: 'failed'; id: number; message: string };
