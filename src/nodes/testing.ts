/**
 * Test helper: run one node kind as the executor does (infer() on the input values, then run()),
 * with defaults filled in and a recording context.
 */
import type { Json } from '../graph';
import type { CheckpointReader } from '../graph/checkpoint-header';
import type { StartGradientHelpers } from '../score/parallel-step';
import type { AnyNodeKind } from './define';
import type { DisplayPayload } from './display';
import { resolveParams } from './resolve-params';
import { inferOnValues } from './value-meta';
// Test-only: the same ownership rules as the runtime, so closure-held tensors fail here too.
import { runOwned } from '../runtime/owned-scope';

export interface KindRunRecord {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- outputs of any kind
  outputs: Record<string, any>;
  progress: { fraction: number; text?: string }[];
  previews: DisplayPayload[];
}

export async function runKind(
  kind: AnyNodeKind,
  options: {
    params?: Record<string, Json>;
    inputs?: Record<string, unknown>;
    seed?: number;
    signal?: AbortSignal;
    backend?: string;
    readCheckpoint?: CheckpointReader;
    gradientHelpers?: StartGradientHelpers;
  } = {},
): Promise<KindRunRecord> {
  const record: KindRunRecord = { outputs: {}, progress: [], previews: [] };
  const signal = options.signal ?? new AbortController().signal;
  const params = resolveParams(kind.params, options.params ?? {});
  const inputs = options.inputs ?? {};
  // As the executor does: infer() on the values themselves first.
  const sources = Object.fromEntries(
    Object.keys(inputs)
      .filter((k) => inputs[k] !== undefined)
      .map((k) => [k, 'test']),
  );
  inferOnValues(kind, 'test', params, inputs, sources);
  record.outputs = await runOwned('test', () =>
    kind.run({
      nodeId: 'test',
      params,
      inputs,
      signal,
      seed: options.seed ?? 1234,
      backend: options.backend ?? 'cpu',
      progress: (fraction, text) => record.progress.push({ fraction, text }),
      preview: (payload) => record.previews.push(payload),
      readCheckpoint:
        options.readCheckpoint ??
        (async () => {
          throw new Error('No checkpoints in this test.');
        }),
      checkpoint: async () => {
        if (signal.aborted) throw new DOMException('The run was cancelled.', 'AbortError');
      },
      gradientHelpers: options.gradientHelpers,
    }),
  );
  return record;
}
