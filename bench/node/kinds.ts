/**
 * The registry the bench compiles against: the shipped one. Kinds the bench graphs need but the
 * registry lacks are reported, so a section says "skipped: train.fit not registered" instead of
 * failing.
 */
import { registry, type NodeRegistry } from '../../src/nodes/registry';

export const NEEDED = [
  'data.toy2d',
  'data.mnist',
  'noise.geometric',
  'model.mlp',
  'model.ncsn',
  'loss.dsm',
  'optim.adam',
  'train.fit',
  'sample.langevin',
];

export interface BenchRegistry {
  registry: NodeRegistry;
  /** Kinds still missing: graph variants that need them are skipped. */
  missing: string[];
}

export function benchRegistry(): BenchRegistry {
  return { registry, missing: NEEDED.filter((t) => !registry.get(t)) };
}
