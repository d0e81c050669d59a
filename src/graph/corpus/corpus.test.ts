/**
 * The hostile-file corpus: every file in files/ is broken or hostile; each must come back as
 * problems with a clear message (expected.json says which), never throw, and change nothing
 * outside the result. The huge ones are made here from base.json, not committed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseGraph, type ParseResult } from '..';
import { corpusCatalog } from './catalog';
import expected from './expected.json';

const dir = join(import.meta.dirname, 'files');
const files = readdirSync(dir).sort();
const expectations = expected as Record<string, { message: string; nodeId?: string; param?: string }>;

/** Parses under watch: nothing global may change (prototypes, globals) and nothing may throw. */
function parseWatched(text: string): ParseResult {
  const protoKeys = Object.getOwnPropertyNames(Object.prototype).join();
  const arrayProtoKeys = Object.getOwnPropertyNames(Array.prototype).join();
  const globals = Object.keys(globalThis).join();
  const catalogTypes = corpusCatalog.types().join();
  const result = parseGraph(text, corpusCatalog);
  expect(Object.getOwnPropertyNames(Object.prototype).join()).toBe(protoKeys);
  expect(Object.getOwnPropertyNames(Array.prototype).join()).toBe(arrayProtoKeys);
  expect(Object.keys(globalThis).join()).toBe(globals);
  expect(corpusCatalog.types().join()).toBe(catalogTypes);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  return result;
}

function expectClearProblems(result: ParseResult): { message: string; nodeId?: string; param?: string }[] {
  expect(result.ok).toBe(false);
  if (result.ok) return [];
  expect(result.problems.length).toBeGreaterThan(0);
  for (const p of result.problems) {
    expect(typeof p.message).toBe('string');
    // A sentence a person can read: starts with a capital, ends with a full stop, bounded length.
    expect(p.message).toMatch(/^[A-Z].*[.?]$/s);
    expect(p.message.length).toBeLessThan(600);
  }
  return result.problems;
}

describe('hostile file corpus', () => {
  it('holds at least 40 files, each with its expected problem', () => {
    expect(files.length).toBeGreaterThanOrEqual(40);
    expect(files).toEqual(Object.keys(expectations).sort());
  });

  it.each(files)('%s gives a clear problem and changes nothing', (name) => {
    const text = readFileSync(join(dir, name), 'utf8');
    const want = expectations[name];
    const problems = expectClearProblems(parseWatched(text));
    const match = problems.find((p) => new RegExp(want.message).test(p.message));
    expect(match, `no problem matches /${want.message}/ in ${JSON.stringify(problems)}`).toBeDefined();
    if (want.nodeId) expect(match!.nodeId).toBe(want.nodeId);
    if (want.param) expect(match!.param).toBe(want.param);
  });
});

describe('huge hostile files (made here)', () => {
  // The valid graph every corpus file was made from.
  const good = JSON.parse(readFileSync(join(import.meta.dirname, 'base.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  const nodes = good.nodes as Record<string, unknown>[];
  const withNote = (note: unknown) =>
    JSON.stringify({ ...good, nodes: nodes.map((n) => (n.id === 'fit' ? { ...n, params: { note } } : n)) });

  it('the base they are made from loads', () => {
    expect(parseWatched(withNote('ok')).ok).toBe(true);
  });

  it('a 50 MB string: refused by size before parsing', () => {
    const problems = expectClearProblems(parseWatched(withNote('x'.repeat(50_000_000))));
    expect(problems[0].message).toMatch(/The file is too large \(50\.0 MB; the limit is 8 MB\)/);
  });

  it('a 3 MB string inside a param', () => {
    const problems = expectClearProblems(parseWatched(withNote('<script>'.repeat(400_000))));
    expect(problems[0].message).toMatch(
      /text at the top\.nodes\[2\]\.params\.note is too long \(3,200,000 characters/,
    );
  });

  it('a 200,000-item array', () => {
    const problems = expectClearProblems(parseWatched(withNote(new Array(200_000).fill(0))));
    expect(problems[0].message).toMatch(
      /list at the top\.nodes\[2\]\.params\.note is too long \(200,000 items/,
    );
  });

  it('3,000 nodes and 9,000 edges', () => {
    const many = Array.from({ length: 3000 }, (_, i) => ({ id: `n${i}`, type: 'view.samples', params: {} }));
    const edges = Array.from({ length: 9000 }, (_, i) => ({
      from: `n${i % 3000}.x`,
      to: `n${(i + 1) % 3000}.y`,
    }));
    const problems = expectClearProblems(parseWatched(JSON.stringify({ ...good, nodes: many, edges })));
    const text = problems.map((p) => p.message).join('\n');
    expect(text).toMatch(/"nodes": is too large \(at most 2000 items\)/);
    expect(text).toMatch(/"edges": is too large \(at most 8000 items\)/);
  });

  it('nesting 100,000 levels deep', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const problems = expectClearProblems(parseWatched(withNote('DEEP').replace('"DEEP"', deep)));
    expect(problems[0].message).toMatch(/nests too deeply|not valid JSON/);
  });

  it('a 3 MB key and 100,000 keys', () => {
    const longKey = expectClearProblems(parseWatched(withNote({ ['k'.repeat(3_000_000)]: 1 })));
    expect(longKey[0].message).toMatch(/key at the top\.nodes\[2\]\.params\.note is too long/);
    const wide = Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`p${i}`, i]));
    const problems = expectClearProblems(
      parseWatched(
        JSON.stringify({ ...good, nodes: nodes.map((n) => (n.id === 'data' ? { ...n, params: wide } : n)) }),
      ),
    );
    // Every unknown param is reported (the editor lists the first few and counts the rest).
    expect(problems.length).toBe(100_000);
    expect(problems[0]).toMatchObject({ nodeId: 'data', param: 'p0' });
  });

  it('a million unclosed brackets', () => {
    const problems = expectClearProblems(parseWatched('{"nodes": ' + '['.repeat(1_000_000)));
    expect(problems[0].message).toMatch(/not valid JSON/);
  });
});
