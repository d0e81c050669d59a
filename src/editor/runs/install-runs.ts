/**
 * Plugs the run history into the app: its own IndexedDB store, the recorder fed by every run the
 * editor starts and by the runtime's events, the `view.runs` command, and restore through the
 * file controller (which asks before replacing unsaved work).
 */
import { createStore, del, get, keys, set } from 'idb-keyval';
import type { EditorController } from '../app/editor-controller';
import type { KeyValue } from '../files/autosave';
import type { FileController } from '../files/file-controller';
import type { RunRecord } from './run-record';
import { RunHistory } from './run-history';
import { RunStore } from './run-store';

export function browserRunStore(): KeyValue {
  const store = createStore('scoregraph-runs', 'runs');
  return {
    get: (key) => get(key, store),
    set: (key, value) => set(key, value, store),
    del: (key) => del(key, store),
    keys: async () => (await keys(store)).map(String),
  };
}

/** Call after the runtime is connected (without one — UI tests — nothing is recorded). */
export function installRuns(editor: EditorController, kv: KeyValue = browserRunStore()): RunHistory {
  const history = new RunHistory(new RunStore(kv));
  void history.load();
  editor.runRequests.listen((request) => request && history.requested(request.runId, request.graph));
  editor.runtime?.on((event) => history.recorder.apply(event));
  editor.commands.add({
    id: 'view.runs',
    label: 'Runs',
    kbd: ['mod+shift+h'],
    doc: 'Lists every run (graph, changes, backend, times, losses, thumbnails); pick two to compare them.',
    run: () => history.open.update((open) => !open),
  });
  return history;
}

/** Opens the graph a run ran, as an unsaved graph (asks first if the open one has unsaved work). */
export function restoreRun(files: FileController, record: RunRecord): Promise<boolean> {
  return files.open(
    { ok: true, graph: record.graph },
    { label: `The run of ${new Date(record.startedAt).toLocaleTimeString()}`, fileName: null, dirty: true },
  );
}
