/**
 * Run events, streamed per node while a plan executes (worker → editor, runtime → CLI).
 * One discriminated union; plain, structured-clone-able data.
 */
import type { Json } from '../graph';
import type { DisplayPayload } from '../nodes/display';

export type NodeStatus = 'idle' | 'queued' | 'running' | 'cached' | 'done' | 'error' | 'cancelled';

export type RunEvent =
  | { type: 'run-started'; runId: number; nodeIds: string[]; backend: string; seed: number }
  | { type: 'queued'; runId: number; nodeId: string }
  | { type: 'started'; runId: number; nodeId: string }
  | { type: 'progress'; runId: number; nodeId: string; fraction: number; text?: string }
  | { type: 'preview'; runId: number; nodeId: string; payload: DisplayPayload }
  | { type: 'cached'; runId: number; nodeId: string; summary?: Json; display?: DisplayPayload }
  | { type: 'done'; runId: number; nodeId: string; seconds: number; summary?: Json }
  | { type: 'error'; runId: number; nodeId: string; message: string }
  /** The node that was running when the run was cancelled; everything it made is freed. */
  | { type: 'cancelled'; runId: number; nodeId: string }
  | {
      type: 'run-finished';
      runId: number;
      status: 'done' | 'error' | 'cancelled';
      seconds: number;
      message?: string;
    };

export type RunEventListener = (event: RunEvent) => void;
