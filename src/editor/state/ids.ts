/** Fresh node ids that read well in files: `toy2d`, `toy2d2`, … from the kind's type. */
import { ID_PATTERN } from '../../graph';

/** A base id from a kind type: the part after the last dot, made a valid id. */
export function baseId(type: string): string {
  const tail = type.slice(type.lastIndexOf('.') + 1).replace(/[^A-Za-z0-9_-]/g, '');
  return /^[A-Za-z]/.test(tail) ? tail.slice(0, 48) : `n${tail}`.slice(0, 48);
}

/** The first of `base`, `base2`, `base3`, … not in `taken`; adds it to `taken`. */
export function freshId(base: string, taken: Set<string>): string {
  const stem = ID_PATTERN.test(base) ? base.replace(/\d+$/, '') || base : 'node';
  let id = taken.has(stem) ? '' : stem;
  for (let i = 2; !id; i++) if (!taken.has(`${stem}${i}`)) id = `${stem}${i}`;
  taken.add(id);
  return id;
}
