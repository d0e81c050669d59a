/**
 * Files and text that arrive by drag-and-drop or paste: graph files and PNGs open (through the
 * same checks as Open), checkpoint files go to a model.load node (the one under the pointer, or
 * a new one there), graph JSON pasted on the canvas opens. Other pastes are left to the editor.
 */
import { isCheckpointFileName } from '../../runtime/checkpoints/zip-bundle';
import { isTyping } from '../commands/keys';
import type { CheckpointActions } from './checkpoint-actions';
import { fileBytes } from './download';
import type { FileController } from './file-controller';

/** Listens on the editor's element and the window; returns the disposer. */
export function bindDropAndPaste(
  host: HTMLElement,
  files: FileController,
  checkpoints: CheckpointActions,
): () => void {
  const onDragOver = (e: DragEvent) => {
    if (!e.dataTransfer) return;
    const types = [...e.dataTransfer.types];
    if (!types.includes('Files') && !types.includes('text/plain')) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  };

  const onDrop = (e: DragEvent) => {
    const data = e.dataTransfer;
    if (!data) return;
    const dropped = [...data.files];
    const text = dropped.length ? '' : data.getData('text/plain');
    if (!dropped.length && !looksLikeGraph(text)) return;
    e.preventDefault();
    const nodeId = nodeUnder(e);
    const at = files.editor.canvas?.toArea(e.clientX, e.clientY);
    void (async () => {
      if (!dropped.length) return void (await files.openText(text, 'The dropped text'));
      const named = await Promise.all(
        dropped.map(async (f) => ({ name: f.name, bytes: await fileBytes(f) })),
      );
      if (named.some((f) => isCheckpointFileName(f.name))) await checkpoints.loadFiles(named, { nodeId, at });
      else await files.openBytes(named[0].name, named[0].bytes);
    })();
  };

  const onPaste = (e: ClipboardEvent) => {
    if (isTyping(e) || files.dialog.value) return;
    const text = e.clipboardData?.getData('text/plain') ?? '';
    if (!looksLikeGraph(text)) return;
    e.preventDefault();
    void files.openText(text, 'The pasted text');
  };

  host.addEventListener('dragover', onDragOver);
  host.addEventListener('drop', onDrop);
  window.addEventListener('paste', onPaste);
  return () => {
    host.removeEventListener('dragover', onDragOver);
    host.removeEventListener('drop', onDrop);
    window.removeEventListener('paste', onPaste);
  };
}

/** Text that is meant as a graph file (so a broken one gets its problems shown, not ignored). */
export function looksLikeGraph(text: string): boolean {
  const head = text.slice(0, 2000);
  return /^\s*\{/.test(head) && /"format"\s*:\s*"scoregraph"/.test(text.slice(0, 200_000));
}

/** The node card under a pointer event, through shadow roots. */
function nodeUnder(e: Event): string | null {
  for (const el of e.composedPath())
    if (el instanceof HTMLElement && el.dataset.nodeId && el.tagName === 'SG-NODE-CARD')
      return el.dataset.nodeId;
  return null;
}
