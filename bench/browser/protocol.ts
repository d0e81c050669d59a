/** Messages between the bench page and its baseline worker (hand-written tfjs loops). */
import type { TrainCase } from '../cases';

export type ToBaseline =
  | { type: 'init'; backend: string }
  | { type: 'train'; id: number; case: TrainCase; readEvery: number; steps: number };

export type FromBaseline =
  | { type: 'ready'; backend: string; reason: string }
  | { type: 'result'; id: number; seconds: number; numTensors: number }
  | { type: 'failed'; id: number; message: string };
