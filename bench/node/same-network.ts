/**
 * Honesty check for the baselines: the hand-written networks must be the library's networks.
 * Same weight names and shapes, and the same output for the same weights (library weights
 * loaded into the baseline by name), else the throughput ratios compare different models.
 */
import * as tf from '@tensorflow/tfjs';
import { buildNetwork } from '../../src/score/networks/build';
import { networkScore } from '../../src/score/networks/network';
import { createWeights, disposeWeights } from '../../src/score/networks/weights';
import { forward, itemShape, specsOf, type BenchNet } from '../baseline/nets';

export interface SameNetwork {
  /** Names or shapes that differ (empty when the weight lists agree). */
  mismatches: string[];
  /** max |score_library − score_baseline| / max |score_library|. */
  relativeError: number;
}

export function libraryNetwork(net: BenchNet, levels: number) {
  return net.kind === 'mlp'
    ? buildNetwork('mlp', { width: net.mlp.width, depth: net.mlp.depth }, itemShape(net), levels)
    : buildNetwork('ncsn', { ngf: net.conv.ngf }, itemShape(net), levels);
}

export function compareWithLibrary(net: BenchNet, levels = 10): SameNetwork {
  const library = libraryNetwork(net, levels);
  const mine = new Map(specsOf(net).map((s) => [s.name, s.shape.join('x')]));
  const theirs = new Map(library.weightSpecs.map((s) => [s.name, s.shape.join('x')]));
  const mismatches: string[] = [];
  for (const [name, shape] of theirs)
    if (mine.get(name) !== shape)
      mismatches.push(`${name}: library ${shape}, baseline ${mine.get(name) ?? 'missing'}`);
  for (const name of mine.keys()) if (!theirs.has(name)) mismatches.push(`${name}: only in the baseline`);
  if (mismatches.length) return { mismatches, relativeError: NaN };

  const weights = createWeights(library.weightSpecs, 11, 'same-net');
  try {
    const relativeError = tf.tidy(() => {
      const batch = 3;
      const x = tf.randomUniform([batch, ...itemShape(net)], 0, 1, 'float32', 5);
      const sigma = tf.tensor1d([2, 0.5, 0.05]);
      const labels = tf.tensor1d([0, 4, 9], 'int32');
      const expected = networkScore(library, weights, x, sigma, labels);
      const got = tf.div(
        forward(net, weights, x, sigma),
        tf.reshape(sigma, [batch, ...itemShape(net).map(() => 1)]),
      );
      const scale = tf.max(tf.abs(expected)).dataSync()[0];
      return tf.max(tf.abs(tf.sub(expected, got))).dataSync()[0] / scale;
    });
    return { mismatches, relativeError };
  } finally {
    disposeWeights(weights);
  }
}
