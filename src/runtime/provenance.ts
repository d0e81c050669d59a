/**
 * How a result was made, stamped on summary.json, every PNG and every checkpoint: the graph's
 * content hash, the run seed, the backend, and the scoregraph and TensorFlow.js versions. Two
 * outputs with the same stamp come from the same computation (bit for bit on one backend).
 * tfjs-free (versions come from the package files), so the editor stamps its PNGs too.
 */
import type { Graph } from '../graph';
import tfjsPackage from '@tensorflow/tfjs-core/package.json';
import packageJson from '../../package.json';
import { graphHash } from './graph-hash';

export interface Provenance {
  graphHash: string;
  seed: number;
  backend: string;
  scoregraph: string;
  tfjs: string;
}

export function provenance(graph: Graph, seed: number, backend: string): Provenance {
  return {
    graphHash: graphHash(graph),
    seed,
    backend,
    scoregraph: packageJson.version,
    tfjs: tfjsPackage.version,
  };
}
