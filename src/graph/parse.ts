/** Loading a graph file: never trusts it, never evaluates it, reports every problem at once. */
import type { z } from 'zod';
import { checkGraph } from './check';
import { describeJsonError } from './json-position';
import type { KindCatalog } from './kinds';
import { LIMITS } from './limits';
import { checkLimits } from './limits-check';
import { migrate } from './migrate';
import { graphSchema } from './schema';
import { GRAPH_FORMAT, type Graph, type ParseResult, type Problem } from './types';

/** Parses graph JSON text: the graph, or all problems found, each pointing at what it is about. */
export function parseGraph(text: string, catalog: KindCatalog): ParseResult {
  if (typeof text !== 'string') return fail({ message: 'The file is not text.' });
  if (text.length > LIMITS.fileChars)
    return fail({
      message: `The file is too large (${(text.length / 1e6).toFixed(1)} MB; the limit is ${LIMITS.fileChars / 1e6} MB).`,
    });
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return fail({ message: describeJsonError(text, error) });
  }
  return loadGraph(raw, catalog);
}

/** Like parseGraph, for a value that is already parsed JSON (a pasted object, a PNG chunk). */
export function loadGraph(raw: unknown, catalog: KindCatalog): ParseResult {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    return fail({ message: 'The file must hold a JSON object with "format": "scoregraph".' });
  const limitProblems = checkLimits(raw);
  if (limitProblems.length) return { ok: false, problems: limitProblems };
  const file = raw as Record<string, unknown>;
  if (file.format !== GRAPH_FORMAT)
    return fail({
      message: `This is not a scoregraph file: "format" must be "${GRAPH_FORMAT}" (got ${JSON.stringify(file.format) ?? 'nothing'}).`,
    });
  const migrated = migrate(file);
  if ('message' in migrated) return fail({ message: migrated.message });

  // reportInput: issues carry the value found, so a wrong type is not reported as missing.
  const parsed = graphSchema.safeParse(migrated.file, { reportInput: true });
  if (!parsed.success)
    return { ok: false, problems: parsed.error.issues.map((i) => issueToProblem(i, migrated.file)) };
  const graph = deepFreeze(parsed.data as Graph);
  const problems = checkGraph(graph, catalog);
  return problems.length ? { ok: false, problems } : { ok: true, graph };
}

function fail(problem: Problem): ParseResult {
  return { ok: false, problems: [problem] };
}

function issueToProblem(issue: z.core.$ZodIssue, file: Record<string, unknown>): Problem {
  const path = issue.path;
  const problem: Problem = { message: '' };
  let where = 'The file';
  let rest = path;
  if ((path[0] === 'nodes' || path[0] === 'edges') && typeof path[1] === 'number') {
    const list = file[path[0]];
    const item = Array.isArray(list) ? list[path[1]] : undefined;
    const id = item && typeof item === 'object' && typeof item.id === 'string' ? item.id : undefined;
    if (path[0] === 'nodes') {
      where = id ? `Node "${id.slice(0, 64)}"` : `Node ${path[1] + 1}`;
      if (id) problem.nodeId = id;
      if (path[2] === 'params' && typeof path[3] === 'string') problem.param = path[3];
    } else where = `Edge ${path[1] + 1}`;
    rest = path.slice(2);
  }
  const field = rest.length ? ` field "${rest.map(String).join('.')}"` : '';
  problem.message = `${where}${field}: ${friendly(issue)}.`;
  return problem;
}

function friendly(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? `is missing (expected ${issue.expected})`
        : `must be ${article(issue.expected)}`;
    case 'unrecognized_keys':
      return `has unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k.slice(0, 40)}"`).join(', ')}`;
    case 'too_big':
      return `is too large (at most ${String(issue.maximum)}${issue.origin === 'array' ? ' items' : issue.origin === 'string' ? ' characters' : ''})`;
    case 'too_small':
      return `is too small (at least ${String(issue.minimum)})`;
    default:
      return issue.message.charAt(0).toLowerCase() + issue.message.slice(1);
  }
}

const article = (t: string) => (/^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`);

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
