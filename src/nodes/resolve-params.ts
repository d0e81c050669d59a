/** A node's params with defaults filled in for the ones the file leaves out. */
import type { Json, ParamSpec, ParamValues } from '../graph';
import { own } from '../graph';

export function resolveParams<P extends Record<string, ParamSpec>>(
  specs: P,
  given: Readonly<Record<string, Json>>,
): ParamValues<P> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(specs)) {
    const value = own(given, key);
    out[key] = value === undefined ? structuredClone(specs[key].default) : value;
  }
  return out as ParamValues<P>;
}
