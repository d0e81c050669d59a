/** The node registry: every kind, by type id. Adding a kind = one file + its test + one line here. */
import type { KindCatalog } from '../graph';
import type { AnyNodeKind } from './define';
import { ALL_KINDS } from './all-kinds';

export class NodeRegistry implements KindCatalog {
  private readonly byType = new Map<string, AnyNodeKind>();

  constructor(kinds: readonly AnyNodeKind[]) {
    for (const kind of kinds) {
      if (this.byType.has(kind.type)) throw new Error(`Node kind "${kind.type}" is registered twice.`);
      this.byType.set(kind.type, kind);
    }
  }

  get(type: string): AnyNodeKind | undefined {
    return this.byType.get(type);
  }

  types(): readonly string[] {
    return [...this.byType.keys()];
  }

  all(): readonly AnyNodeKind[] {
    return [...this.byType.values()];
  }
}

/** The registry of every shipped kind. */
export const registry = new NodeRegistry(ALL_KINDS);
