/** What the file checks need to know about node kinds: sockets and params, as plain data. */
import type { ParamSpec } from './params';
import type { SocketType } from './sockets';

export interface SocketSpec {
  readonly type: SocketType;
  readonly doc?: string;
  /** An optional input may stay unconnected. Outputs ignore this. */
  readonly optional?: boolean;
}

export interface KindSpec {
  readonly type: string;
  readonly title: string;
  readonly category: string;
  readonly doc: string;
  readonly inputs: Readonly<Record<string, SocketSpec>>;
  readonly outputs: Readonly<Record<string, SocketSpec>>;
  readonly params: Readonly<Record<string, ParamSpec>>;
}

/** A lookup of kinds by type id — the node registry provides one. */
export interface KindCatalog {
  get(type: string): KindSpec | undefined;
  types(): readonly string[];
}

/** Own-property lookup that cannot be fooled by keys like `__proto__` or `constructor`. */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}
