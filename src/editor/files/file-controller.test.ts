import { describe, expect, it, vi } from 'vitest';
import { parseGraph, serializeGraph, type Graph } from '../../graph';
import { registry } from '../../nodes/registry';
import { EditorController, type RuntimePort } from '../app/editor-controller';
import { estimateRun } from '../commands/estimate-run';
import { setParam } from '../state/graph-ops';
import type { KeyValue } from './autosave';
import { FileController, type FileEnvironment } from './file-controller';
import { shareLink } from './share-link';
import { readGraphPng } from '../../render/graph-png';
import { graphHash } from '../../runtime/graph-hash';
import type { RunEvent } from '../../runtime/events';
import type { DisplayPayload } from '../../nodes/display';

const downloads: { name: string; data: unknown }[] = [];
vi.mock('./download', () => ({
  download: (name: string, data: unknown) => downloads.push({ name, data }),
}));

function graph(name: string, count = 100): Graph {
  const text = JSON.stringify({
    format: 'scoregraph',
    version: 1,
    name,
    nodes: [{ id: 'data', type: 'data.toy2d', params: { count }, position: [0, 0] }],
    edges: [],
  });
  const parsed = parseGraph(text, registry);
  if (!parsed.ok) throw new Error(parsed.problems[0].message);
  return parsed.graph;
}

function memory(): KeyValue {
  const map = new Map<string, unknown>();
  return {
    get: async (k) => structuredClone(map.get(k)),
    set: async (k, v) => void map.set(k, structuredClone(v)),
    del: async (k) => void map.delete(k),
    keys: async () => [...map.keys()],
  };
}

function setup(env: Partial<FileEnvironment> = {}) {
  const editor = new EditorController(registry);
  const files = new FileController(editor, {
    storage: env.storage ?? memory(),
    tabId: env.tabId ?? 'tab',
    presets: env.presets ?? [
      { id: 'other', name: 'Other', description: '', graph: graph('Other'), problems: [] },
      { id: 'toy-swissroll', name: 'Default', description: '', graph: graph('Default'), problems: [] },
    ],
    location: env.location,
    clearHash: env.clearHash,
  });
  return { editor, files };
}

describe('opening files', () => {
  it('starts with the default preset, saved (no unsaved marker)', async () => {
    const { editor, files } = setup();
    await files.start();
    expect(editor.doc.graph.name).toBe('Default');
    expect(files.dirty).toBe(false);
  });

  it('a file that fails leaves the open graph as it was and lists every problem', async () => {
    const { editor, files } = setup();
    await files.start();
    const before = editor.doc.graph;
    const revision = editor.doc.revision;
    const bad = JSON.stringify({
      ...JSON.parse(serializeGraph(graph('Bad'))),
      edges: [{ from: 'x.y', to: 'data.z' }],
      extra: 1,
    });
    expect(await files.openBytes('bad.json', new TextEncoder().encode(bad))).toBe(false);
    expect(editor.doc.graph).toBe(before);
    expect(editor.doc.revision).toBe(revision);
    const dialog = files.dialog.value;
    expect(dialog?.kind).toBe('problems');
    if (dialog?.kind === 'problems') {
      expect(dialog.title).toBe('"bad.json" did not open');
      expect(dialog.problems.map((p) => p.message).join('\n')).toMatch(/unknown field "extra"/);
    }
  });

  it('asks before replacing unsaved changes: Cancel keeps them, Discard opens', async () => {
    const { editor, files } = setup();
    await files.start();
    editor.doc.apply((g) => setParam(g, 'data', 'count', 7));
    expect(files.dirty).toBe(true);
    const edited = editor.doc.graph;
    const incoming = new TextEncoder().encode(serializeGraph(graph('Incoming')));

    const cancelled = files.openBytes('in.json', incoming);
    await vi.waitFor(() => expect(files.dialog.value?.kind).toBe('replace'));
    const ask = files.dialog.value;
    if (ask?.kind === 'replace') ask.answer('cancel');
    expect(await cancelled).toBe(false);
    expect(editor.doc.graph).toBe(edited);

    const discarded = files.openBytes('in.json', incoming);
    await vi.waitFor(() => expect(files.dialog.value?.kind).toBe('replace'));
    const again = files.dialog.value;
    if (again?.kind === 'replace') again.answer('discard');
    expect(await discarded).toBe(true);
    expect(editor.doc.graph.name).toBe('Incoming');
    expect(files.dirty).toBe(false);
    expect(files.fileName.value).toBe('in.json');
  });

  it('"Save, then open" downloads the unsaved graph first', async () => {
    const { editor, files } = setup();
    await files.start();
    editor.doc.apply((g) => setParam(g, 'data', 'count', 9));
    downloads.length = 0;
    const opening = files.openText(serializeGraph(graph('Next')), 'The clipboard');
    await vi.waitFor(() => expect(files.dialog.value?.kind).toBe('replace'));
    const ask = files.dialog.value;
    if (ask?.kind === 'replace') ask.answer('save');
    expect(await opening).toBe(true);
    expect(downloads.map((d) => d.name)).toEqual(['Default.scoregraph.json']);
    expect(downloads[0].data).toMatch(/"count": 9/);
    // Pasted text has no file behind it: it counts as unsaved.
    expect(files.dirty).toBe(true);
  });
});

describe('starting from a link or the autosave', () => {
  it('opens a shared link, then forgets it so a reload restores the work', async () => {
    const link = shareLink(graph('Shared', 321), 'http://x/');
    const clearHash = vi.fn();
    const { editor, files } = setup({
      location: { href: 'http://x/', hash: new URL(link.ok ? link.url : '').hash },
      clearHash,
    });
    await files.start();
    expect(editor.doc.graph.name).toBe('Shared');
    expect(editor.doc.graph.nodes[0].params.count).toBe(321);
    expect(clearHash).toHaveBeenCalledOnce();
    expect(files.dirty).toBe(true);
  });

  it('a damaged link shows why and falls back to the default', async () => {
    const { editor, files } = setup({ location: { href: 'http://x/', hash: '#graph=AAAA' } });
    await files.start();
    expect(files.dialog.value).toMatchObject({ kind: 'problems', title: 'The shared link did not open' });
    expect(editor.doc.graph.name).toBe('Default');
  });

  it('restores the autosaved graph with its unsaved state and file name', async () => {
    const storage = memory();
    const first = setup({ storage, tabId: 't1' });
    await first.files.start();
    first.editor.doc.apply((g) => setParam(g, 'data', 'count', 42));
    await first.files.flush();

    const reloaded = setup({ storage, tabId: 't1' });
    await reloaded.files.start();
    expect(reloaded.editor.doc.graph.nodes[0].params.count).toBe(42);
    expect(reloaded.files.dirty).toBe(true);
  });
});

describe('viewer PNGs', () => {
  /** Edits the graph after the run, exports node "data"'s picture and reads the PNG back. */
  async function exportAfterEdit(editor: EditorController, files: FileController) {
    editor.doc.apply((g) => setParam(g, 'data', 'count', 555));
    downloads.length = 0;
    await files.exportPng('data');
    return readGraphPng(downloads[0].data as Uint8Array);
  }

  /** Connects a runtime that answers every run with `runId`; returns how to send its events. */
  function connectFakeRuntime(editor: EditorController, runId: number): (event: RunEvent) => void {
    const listeners = new Set<(event: RunEvent) => void>();
    const runtime: RuntimePort = {
      ready: new Promise(() => {}),
      run: () => runId,
      cancel: () => {},
      clearCache: () => {},
      on: (listener) => (listeners.add(listener), () => listeners.delete(listener)),
      dispose: () => {},
    };
    editor.connectRuntime(runtime);
    return (event) => [...listeners].forEach((listen) => listen(event));
  }

  it('carry the graph and provenance of the run that made the picture, even after an edit', async () => {
    const { editor, files } = setup();
    await files.start();
    const ran = { ...editor.currentGraph(), view: undefined };
    connectFakeRuntime(editor, 3);
    expect(editor.startRun({ forHistory: true })).toBe(3);
    const display = {
      kind: 'points' as const,
      points: new Float32Array([0.2, 0.4]),
      bounds: [0, 1, 0, 1] as const,
    };
    editor.run.apply({ type: 'run-started', runId: 3, nodeIds: ['data'], backend: 'wasm', seed: 7 });
    editor.run.apply({
      type: 'preview',
      runId: 3,
      nodeId: 'data',
      payload: { ...display, bounds: [0, 1, 0, 1] },
    });
    editor.run.apply({ type: 'run-finished', runId: 3, status: 'done', seconds: 1 });
    // Edited after the run: the picture still comes from the graph that ran.
    const read = await exportAfterEdit(editor, files);
    if (!read.ok) throw new Error(read.message);
    expect(read.provenance).toMatchObject({ graphHash: graphHash(ran), seed: 7, backend: 'wasm' });
    expect(graphHash(editor.doc.graph)).not.toBe(graphHash(ran));
    expect(JSON.parse(read.graphText).nodes[0].params.count).toBe(100);
  });

  const points: DisplayPayload = {
    kind: 'points',
    points: new Float32Array([0.2, 0.4]),
    bounds: [0, 1, 0, 1],
  };

  it('carry no graph when the run that made the picture is not known, and say so', async () => {
    const { editor, files } = setup();
    await files.start();
    // A run the editor did not record (no request): its graph could differ from the open one.
    editor.run.apply({ type: 'run-started', runId: 4, nodeIds: ['data'], backend: 'wasm', seed: 7 });
    editor.run.apply({ type: 'preview', runId: 4, nodeId: 'data', payload: points });
    const read = await exportAfterEdit(editor, files);
    expect(read).toMatchObject({ ok: false, message: expect.stringContaining('no scoregraph graph inside') });
    expect(editor.toasts.list.value.at(-1)?.message).toMatch(
      /run that made "data".* not known.*without a graph/,
    );
  });

  it('from an estimate carry the graph the estimate ran', async () => {
    const { editor, files } = setup();
    await files.start();
    const emit = connectFakeRuntime(editor, 5);
    const ran = { ...editor.currentGraph(), view: undefined };
    const estimate = estimateRun(editor);
    emit({ type: 'run-started', runId: 5, nodeIds: ['data'], backend: 'cpu', seed: 3 });
    emit({ type: 'cached', runId: 5, nodeId: 'data', display: points });
    emit({ type: 'run-finished', runId: 5, status: 'cancelled', seconds: 1 });
    await estimate;
    const read = await exportAfterEdit(editor, files);
    if (!read.ok) throw new Error(read.message);
    expect(read.provenance).toMatchObject({ graphHash: graphHash(ran), seed: 3, backend: 'cpu' });
    expect(JSON.parse(read.graphText).nodes[0].params.count).toBe(100);
  });
});
