/** Run commands: run everything (Ctrl+Enter), run up to the selected nodes, stop, clear the cache. */
import type { EditorController } from '../app/editor-controller';
import { estimateRun } from './estimate-run';
import type { Command } from './registry';

/** Why the graph cannot run now, or null. */
export function runBlocked(editor: EditorController): string | null {
  if (!editor.runtime) return 'The runtime is not started.';
  const backend = editor.backend.value;
  if (!backend) return 'The runtime is starting…';
  if (backend.backend === 'none') return `The runtime failed to start: ${backend.reason}`;
  if (editor.run.run.value.running) return 'A run is in progress (Stop it first).';
  if (!editor.doc.graph.nodes.length) return 'The graph is empty: add nodes first.';
  const problems = editor.problems.summary.value.all;
  if (problems.length)
    return `${problems.length === 1 ? '1 problem' : `${problems.length} problems`} to fix first: ${problems[0].message}`;
  return null;
}

export function runCommands(editor: EditorController): Command[] {
  const start = (targets?: string[]) => void editor.startRun({ targets, forHistory: true });
  return [
    {
      id: 'run.start',
      label: 'Run',
      kbd: ['mod+enter'],
      whileTyping: true,
      doc: 'Runs the graph; nodes whose inputs and params did not change come from the cache.',
      disabled: () => runBlocked(editor),
      run: () => start(),
    },
    {
      id: 'run.selected',
      label: 'Run selected',
      kbd: ['mod+shift+enter'],
      whileTyping: true,
      doc: 'Runs only the selected nodes and what they need.',
      disabled: () => runBlocked(editor) ?? (editor.selectedIds().length ? null : 'Select nodes first.'),
      run: () => start(editor.selectedIds()),
    },
    {
      id: 'run.estimate',
      label: 'Estimate time',
      doc: 'Runs the graph for a few seconds on this backend, then says how long the whole run will take.',
      disabled: () => runBlocked(editor),
      run: () => estimateRun(editor),
    },
    {
      id: 'run.stop',
      label: 'Stop',
      kbd: ['escape'],
      disabled: () => (editor.run.run.value.running ? null : 'Nothing is running.'),
      run: () => editor.runtime?.cancel(),
    },
    {
      id: 'run.clearCache',
      label: 'Clear cache',
      doc: 'Forgets every cached result, so the next run starts from scratch.',
      disabled: () => (editor.runtime ? null : 'The runtime is not started.'),
      run: () => {
        editor.runtime!.clearCache();
        editor.toasts.show('Cache cleared: the next run recomputes every node.');
      },
    },
  ];
}
