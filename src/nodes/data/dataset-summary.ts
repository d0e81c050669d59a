/** What a dataset node reports about its output (tfjs-free: declarations use it in summarize). */
import type { DatasetValue } from '../sockets';

/** What the CLI's summary.json and the editor's tooltip say about a dataset. */
export function summarizeDataset(dataset: DatasetValue) {
  return { name: dataset.name, kind: dataset.kind, count: dataset.count, shape: [...dataset.shape] };
}
