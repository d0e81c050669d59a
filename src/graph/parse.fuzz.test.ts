/**
 * Property tests of parseGraph (fast-check): it never throws, every failure is a list of
 * problems with messages, and every graph it accepts re-serializes and re-parses identically.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corpusCatalog } from './corpus/catalog';
import { parseGraph } from './parse';
import { serializeGraph } from './serialize';
import type { ParseResult } from './types';

const RUNS = { numRuns: 300, seed: Number(process.env.FUZZ_SEED ?? 20260101) };

function checkResult(result: ParseResult): void {
  if (result.ok) {
    const text = serializeGraph(result.graph);
    const again = parseGraph(text, corpusCatalog);
    expect(again.ok).toBe(true);
    if (again.ok) {
      expect(serializeGraph(again.graph)).toBe(text);
      expect(again.graph).toEqual(JSON.parse(text));
    }
  } else {
    expect(result.problems.length).toBeGreaterThan(0);
    for (const p of result.problems) expect(p.message).toMatch(/\S/);
  }
}

const parses = (text: string) => {
  checkResult(parseGraph(text, corpusCatalog));
};

/** Mostly the valid value, sometimes anything: so both the accepting and the refusing paths are hit. */
const mostly = <T>(valid: fc.Arbitrary<T>, other: fc.Arbitrary<unknown>) =>
  fc.oneof({ arbitrary: valid, weight: 9 }, { arbitrary: other, weight: 1 });
const anyJson = fc.jsonValue({ maxDepth: 2 });

// Building blocks biased towards what the checks look at.
const types = fc.constantFrom(
  ...corpusCatalog.types(),
  'data.toyy',
  'constructor',
  '__proto__',
  'toString',
  '',
);
const ids = fc.oneof(
  fc.constantFrom('data', 'sched', 'fit', 'sample', 'view', 'constructor', 'a-b_c', '1x', 'has space', ''),
  fc.stringMatching(/^[A-Za-z][A-Za-z0-9_-]{0,8}$/),
);
const sockets = fc.constantFrom('dataset', 'schedule', 'model', 'samples', 'toString', 'constructor', '');
const paramValues = fc.oneof(
  fc.integer({ min: -10, max: 200_000 }),
  fc.double({ noNaN: true, min: -1e5, max: 1e5 }),
  fc.boolean(),
  fc.constantFrom('swissroll', 'rings', 'auto', '', 'many'),
  fc.string({ maxLength: 300 }),
  fc.constant(null),
  fc.jsonValue({ maxDepth: 3 }),
);
const paramKeys = fc.constantFrom(
  'count',
  'shape',
  'sigmaMax',
  'levels',
  'steps',
  'ema',
  'note',
  'constructor',
  'cuont',
);
const position = fc.oneof(
  fc.tuple(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }), fc.integer()),
  fc.jsonValue({ maxDepth: 1 }),
);
const node = fc.record(
  {
    id: mostly(fc.stringMatching(/^[A-Za-z][A-Za-z0-9_-]{0,8}$/), ids),
    type: mostly(fc.constantFrom('view.samples', 'data.toy', 'schedule.geometric'), types),
    params: mostly(fc.constant({}), fc.dictionary(paramKeys, paramValues, { maxKeys: 4 })),
    position: mostly(fc.tuple(fc.integer(), fc.integer()), position),
    collapsed: mostly(fc.boolean(), anyJson),
    label: mostly(fc.string({ maxLength: 40 }), anyJson),
  },
  { requiredKeys: ['id', 'type', 'params'] },
);
const endpoint = fc.oneof(
  fc.tuple(ids, sockets).map(([n, s]) => `${n}.${s}`),
  fc.string({ maxLength: 20 }),
);
const graphLike = fc.record(
  {
    format: mostly(fc.constant('scoregraph'), anyJson),
    version: mostly(fc.constant(1), anyJson),
    name: mostly(fc.string({ maxLength: 200 }), fc.oneof(fc.string({ maxLength: 250 }), anyJson)),
    description: fc.string({ maxLength: 100 }),
    nodes: fc.array(node, { maxLength: 6 }),
    edges: mostly(fc.constant([]), fc.array(fc.record({ from: endpoint, to: endpoint }), { maxLength: 6 })),
    view: fc.record({ x: fc.double({ noNaN: true }), y: fc.integer(), zoom: fc.double({ noNaN: true }) }),
    meta: fc.dictionary(fc.string({ maxLength: 10 }), anyJson),
  },
  { requiredKeys: ['format', 'version', 'name', 'nodes', 'edges'] },
);

/** Valid graphs: a chain data → fit ← sched, fit → sample → view with random valid params. */
const validGraph = fc
  .record({
    name: fc.string({ maxLength: 200 }),
    description: fc.option(fc.string({ maxLength: 500 }), { nil: undefined }),
    count: fc.integer({ min: 1, max: 100_000 }),
    sigmaMax: fc.double({ noNaN: true, min: 1e-4, max: 1e4 }),
    steps: fc.integer({ min: 1, max: 1000 }),
    note: fc.string({ maxLength: 200 }),
    label: fc.option(fc.string({ maxLength: 200 }), { nil: undefined }),
    x: fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
    zoom: fc.double({ noNaN: true, min: 0.01, max: 10 }),
  })
  .map((r) => ({
    format: 'scoregraph',
    version: 1,
    name: r.name,
    ...(r.description === undefined ? {} : { description: r.description }),
    nodes: [
      { id: 'data', type: 'data.toy', params: { count: r.count }, position: [r.x, 0] },
      { id: 'sched', type: 'schedule.geometric', params: { sigmaMax: r.sigmaMax } },
      {
        id: 'fit',
        type: 'train.fit',
        params: { note: r.note },
        ...(r.label === undefined ? {} : { label: r.label }),
      },
      { id: 'sample', type: 'sample.langevin', params: { steps: r.steps }, collapsed: true },
      { id: 'view', type: 'view.samples', params: {} },
    ],
    edges: [
      { from: 'data.dataset', to: 'fit.dataset' },
      { from: 'sched.schedule', to: 'fit.schedule' },
      { from: 'fit.model', to: 'sample.model' },
      { from: 'sched.schedule', to: 'sample.schedule' },
      { from: 'sample.samples', to: 'view.samples' },
    ],
    view: { x: r.x, y: -r.x, zoom: r.zoom },
  }));

describe('parseGraph under fuzzing', () => {
  it('never throws on arbitrary text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 400, unit: 'binary' }), parses), RUNS);
  });

  it('never throws on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (v) => parses(JSON.stringify(v))),
      RUNS,
    );
  });

  it('never throws on graph-shaped objects, and what it accepts round-trips', () => {
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(graphLike, (g) => {
        const result = parseGraph(JSON.stringify(g), corpusCatalog);
        if (result.ok) accepted++;
        else refused++;
        checkResult(result);
      }),
      { ...RUNS, numRuns: 600 },
    );
    // The generator must reach both paths, or one of the checks means nothing.
    expect(accepted).toBeGreaterThan(30);
    expect(refused).toBeGreaterThan(30);
  });

  it('accepts every valid graph and round-trips it exactly', () => {
    fc.assert(
      fc.property(validGraph, (g) => {
        const result = parseGraph(JSON.stringify(g), corpusCatalog);
        expect(result.ok ? 'ok' : result.problems).toBe('ok');
        checkResult(result);
      }),
      RUNS,
    );
  });

  it('never throws on a valid graph with one part replaced by anything', () => {
    const mutated = fc
      .tuple(
        validGraph,
        fc.constantFrom('format', 'version', 'name', 'nodes', 'edges', 'view', 'node', 'param', 'edge'),
      )
      .chain(([g, where]) =>
        fc.jsonValue({ maxDepth: 3 }).map((value) => {
          const copy = structuredClone(g) as Record<string, unknown>;
          const nodes = copy.nodes as Record<string, unknown>[];
          if (where === 'node') nodes[2] = value as Record<string, unknown>;
          else if (where === 'param') (nodes[0].params as Record<string, unknown>).count = value;
          else if (where === 'edge') (copy.edges as unknown[])[1] = value;
          else copy[where] = value;
          return copy;
        }),
      );
    fc.assert(
      fc.property(mutated, (g) => parses(JSON.stringify(g))),
      RUNS,
    );
  });
});
