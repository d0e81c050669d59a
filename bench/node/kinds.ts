/**
 * The registry the bench compiles against: the shipped one. Kinds the bench graphs need but the
 * registry lacks are reported, so a section says "skipped: train.fit not registered" instead of
 * failing; while kinds are landing, their files are picked up directly when they exist.
 */
import { NodeRegistry, registry } from '../../src/nodes/registry';
import type { AnyNodeKind } from '../../src/nodes/define';

const FILES: Record<string, string> = {
  'model.mlp': 'model/mlp',
  'model.ncsn': 'model/ncsn',
  'loss.dsm': 'train/dsm',
  'optim.adam': 'train/adam',
  'train.fit': 'train/fit',
};

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
  /** Kinds loaded from their files because the registry does not list them yet. */
  unregistered: string[];
}

export async function benchRegistry(): Promise<BenchRegistry> {
  const extra: AnyNodeKind[] = [];
  const unregistered: string[] = [];
  for (const type of NEEDED) {
    if (registry.get(type) || !FILES[type]) continue;
    const path = `../../src/nodes/${FILES[type]}.ts`;
    try {
      const kind = ((await import(/* @vite-ignore */ path)) as { default: AnyNodeKind }).default;
      if (kind?.type === type) {
        extra.push(kind);
        unregistered.push(type);
      }
    } catch {
      // not written yet
    }
  }
  const merged = extra.length ? new NodeRegistry([...registry.all(), ...extra]) : registry;
  return { registry: merged, missing: NEEDED.filter((t) => !merged.get(t)), unregistered };
}
