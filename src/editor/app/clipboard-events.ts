/**
 * Ctrl+C / Ctrl+X / Ctrl+V through the browser's own clipboard events, so copied nodes travel
 * through the system clipboard (paste into another tab works) and no permission is needed. Graph
 * files pasted whole are left to the file handling (src/editor/files), which opens them.
 */
import { loadGraph } from '../../graph';
import { isTyping } from '../commands/keys';
import { copyFragment, parseFragment, type Fragment } from '../state/clipboard';
import type { EditorController } from './editor-controller';

export function bindClipboard(editor: EditorController, target: Window = window): () => void {
  const onCopy = (e: ClipboardEvent, cut: boolean) => {
    const ids = editor.selectedIds();
    if (isTyping(e) || !ids.length || !e.clipboardData) return;
    e.preventDefault();
    editor.clipboard = copyFragment(editor.doc.graph, ids);
    e.clipboardData.setData('text/plain', JSON.stringify(editor.clipboard));
    editor.clipboardSynced = true;
    if (cut) void editor.commands.run('edit.delete');
  };
  const onPaste = (e: ClipboardEvent) => {
    if (isTyping(e) || e.defaultPrevented) return;
    const text = e.clipboardData?.getData('text/plain') ?? '';
    // The system clipboard is the truth, unless our last copy could not be written there.
    const fragment = parseFragment(text) ?? (!text || !editor.clipboardSynced ? editor.clipboard : null);
    if (!fragment) return; // not ours: a graph file (opened by the file handling) or plain text
    e.preventDefault();
    const problem = fragmentProblem(editor, fragment);
    if (problem) return editor.toasts.show(`Nothing pasted: ${problem}`, 'error');
    editor.clipboard = fragment;
    void editor.commands.run('edit.paste');
  };
  const copy = (e: Event) => onCopy(e as ClipboardEvent, false);
  const cut = (e: Event) => onCopy(e as ClipboardEvent, true);
  const paste = (e: Event) => onPaste(e as ClipboardEvent);
  target.addEventListener('copy', copy);
  target.addEventListener('cut', cut);
  target.addEventListener('paste', paste);
  return () => {
    target.removeEventListener('copy', copy);
    target.removeEventListener('cut', cut);
    target.removeEventListener('paste', paste);
  };
}

/**
 * Why a fragment from the clipboard cannot be pasted, or null. It is checked like a file (it may
 * come from anywhere); param values out of range are let through — the nodes flag them.
 */
export function fragmentProblem(editor: EditorController, fragment: Fragment): string | null {
  const asGraph = {
    format: 'scoregraph',
    version: 1,
    name: 'clipboard',
    nodes: fragment.nodes,
    edges: fragment.edges,
  };
  const result = loadGraph(asGraph, editor.registry);
  if (result.ok) return null;
  const blocking = result.problems.find((p) => !p.param);
  return blocking ? blocking.message : null;
}
