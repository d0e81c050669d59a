/** Walks parsed JSON once to enforce size limits before any other check looks at it. */
import { LIMITS } from './limits';
import type { Problem } from './types';

export function checkLimits(value: unknown): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  const report = (message: string) => {
    if (!seen.has(message)) {
      seen.add(message);
      problems.push({ message });
    }
  };
  const walk = (v: unknown, depth: number, path: string) => {
    if (problems.length > 20) return;
    if (depth > LIMITS.depth)
      return report(`The file nests too deeply at ${path} (more than ${LIMITS.depth} levels).`);
    if (typeof v === 'string') {
      if (v.length > LIMITS.stringChars)
        report(
          `A text at ${path} is too long (${v.length.toLocaleString('en')} characters; the limit is ${LIMITS.stringChars.toLocaleString('en')}).`,
        );
    } else if (Array.isArray(v)) {
      if (v.length > LIMITS.arrayItems)
        report(
          `A list at ${path} is too long (${v.length.toLocaleString('en')} items; the limit is ${LIMITS.arrayItems.toLocaleString('en')}).`,
        );
      else v.forEach((item, i) => walk(item, depth + 1, `${path}[${i}]`));
    } else if (v !== null && typeof v === 'object') {
      for (const key of Object.keys(v)) {
        if (key === '__proto__')
          report(
            `The file uses the reserved name "__proto__" at ${path}; it is not allowed anywhere in a graph.`,
          );
        else if (key.length > LIMITS.stringChars) report(`A key at ${path} is too long.`);
        else walk((v as Record<string, unknown>)[key], depth + 1, `${path}.${key.slice(0, 40)}`);
      }
    }
  };
  walk(value, 0, 'the top');
  return problems;
}
