/**
 * NCSNv2 Technique 1 (docs/science.md §3): sigma_1 = the maximum Euclidean distance between any two
 * training points, exact. Squared distances come from blocked ||a||^2 + ||b||^2 - 2 a.b matMuls;
 * points are sorted by their distance r to the mean, and a block pair is skipped when even
 * r_i + r_j (the triangle-inequality bound) cannot beat the best distance found so far.
 * The winning pair is then measured again in float64.
 */
import * as tf from '@tensorflow/tfjs';

export interface MaxDistanceOptions {
  /** Entries per block matrix (rows x columns); bounds memory. Default 2^22 (16 MB of float32). */
  blockEntries?: number;
  /** Called after each block with the fraction of the worst-case work done; await it to allow cancel. */
  onProgress?: (fraction: number) => void | Promise<void>;
}

export interface MaxDistance {
  distance: number;
  /** Indices (into the data set) of the two points that are farthest apart. */
  pair: [number, number];
}

/** Reads rows i and j of x [N, D] and returns their float64 distance. */
async function exactDistance(x: tf.Tensor2D, i: number, j: number): Promise<number> {
  const rows = tf.gather(x, [i, j]);
  const values = await rows.data();
  rows.dispose();
  const dim = x.shape[1];
  let sum = 0;
  for (let d = 0; d < dim; d++) sum += (values[d] - values[dim + d]) ** 2;
  return Math.sqrt(sum);
}

/** The largest entry of a squared-distance block and its (row, column) position. */
async function blockMax(
  rows: tf.Tensor2D,
  rowNorms: tf.Tensor1D,
  columnsT: tf.Tensor2D,
  columnNorms: tf.Tensor1D,
): Promise<{ value: number; row: number; column: number }> {
  const [index, value] = tf.tidy(() => {
    const d2 = tf.sub(
      tf.add(tf.reshape(rowNorms, [-1, 1]), columnNorms),
      tf.mul(tf.matMul(rows, columnsT), 2),
    );
    const flat = tf.reshape(d2, [-1]);
    const at = tf.argMax(flat);
    return [at, tf.gather(flat, at)];
  });
  const [i, v] = await Promise.all([index.data(), value.data()]);
  tf.dispose([index, value]);
  const width = columnsT.shape[1];
  return { value: v[0], row: Math.floor(i[0] / width), column: i[0] % width };
}

/** The exact largest pairwise distance of `data` [N, ...shape] (flattened to [N, D]). */
export async function maxPairwiseDistance(
  data: tf.Tensor,
  options: MaxDistanceOptions = {},
): Promise<MaxDistance> {
  const n = data.shape[0];
  if (n < 2) throw new Error('The largest pairwise distance needs at least 2 data points.');
  const dim = data.size / n;
  const blockEntries = options.blockEntries ?? 1 << 22;
  const blockRows = Math.max(1, Math.min(n, Math.floor(blockEntries / n)));

  // Sort by distance to the mean, largest first: the bound r_i + r_j then falls along rows and columns.
  const { sorted, sortedT, norms, radii, order } = await (async () => {
    const flat = tf.reshape(data, [n, dim]) as tf.Tensor2D;
    const r = tf.tidy(() => tf.norm(tf.sub(flat, tf.mean(flat, 0, true)), 'euclidean', 1));
    const radiiAll = await r.data();
    r.dispose();
    const idx = Array.from({ length: n }, (_, i) => i).sort((a, b) => radiiAll[b] - radiiAll[a]);
    const sortedX = tf.tidy(() => tf.gather(flat, idx) as tf.Tensor2D);
    flat.dispose();
    return {
      sorted: sortedX,
      sortedT: tf.tidy(() => tf.transpose(sortedX) as tf.Tensor2D), // pre-transposed: ~10x faster on WASM
      norms: tf.tidy(() => tf.sum(tf.square(sortedX), 1) as tf.Tensor1D),
      radii: Float64Array.from(idx, (i) => radiiAll[i]),
      order: idx,
    };
  })();

  try {
    // A good first bound: the point farthest from the mean against every point.
    const first = tf.tidy(() => [tf.slice(sorted, [0, 0], [1, dim]), tf.slice(norms, [0], [1])] as const);
    let best = await blockMax(first[0], first[1], sortedT, norms);
    tf.dispose([...first]);
    let bestD2 = best.value;
    // float32 squared distances are good to ~1e-6 relative; keep a margin so no candidate is wrongly pruned.
    const slack = 1e-4;
    const totalWork = (n * (n + 1)) / 2;
    let done = 0;
    for (let start = 0; start < n; start += blockRows) {
      const rows = Math.min(blockRows, n - start);
      const bound = Math.sqrt(Math.max(bestD2, 0)) * (1 - slack);
      if (2 * radii[start] <= bound) break; // every remaining pair has r_i + r_j below the best
      let end = start + rows;
      while (end < n && radii[start] + radii[end] > bound) end++; // columns that can still win
      const found = tf.tidy(() => ({
        rows: tf.slice(sorted, [start, 0], [rows, dim]) as tf.Tensor2D,
        rowNorms: tf.slice(norms, [start], [rows]) as tf.Tensor1D,
        columnsT: tf.slice(sortedT, [0, start], [dim, end - start]) as tf.Tensor2D,
        columnNorms: tf.slice(norms, [start], [end - start]) as tf.Tensor1D,
      }));
      const m = await blockMax(found.rows, found.rowNorms, found.columnsT, found.columnNorms);
      tf.dispose(Object.values(found));
      if (m.value > bestD2) {
        bestD2 = m.value;
        best = { value: m.value, row: start + m.row, column: start + m.column };
      }
      done += rows * (n - start);
      await options.onProgress?.(Math.min(1, done / totalWork));
    }
    await options.onProgress?.(1);
    const distance = await exactDistance(sorted, best.row, best.column);
    return { distance, pair: [order[best.row], order[best.column]] };
  } finally {
    tf.dispose([sorted, sortedT, norms]);
  }
}
