/**
 * Plugs files into the app: the controller and checkpoint actions, the File menu's commands,
 * drops and pastes on the editor, "export PNG" from viewers, autosave of view changes and before
 * the page goes away. `start()` opens the first graph (link, autosave or default preset).
 */
import type { EditorController } from '../app/editor-controller';
import { CheckpointActions } from './checkpoint-actions';
import { EXPORT_PNG_EVENT } from './export-event';
import { bindDropAndPaste } from './drop-paste';
import { fileCommands } from './file-commands';
import { FileController } from './file-controller';
import { tabId } from './autosave';
import { browserSessionStore } from './session-store';

export interface InstalledFiles {
  files: FileController;
  checkpoints: CheckpointActions;
  /** Opens the first graph; call once the canvas is attached. */
  start(): Promise<void>;
  dispose(): void;
}

export function installFiles(host: HTMLElement, editor: EditorController): InstalledFiles {
  const files = new FileController(editor, {
    storage: browserSessionStore(),
    tabId: tabId(sessionStorageOrNull()),
    location,
    clearHash: () => history.replaceState(null, '', location.pathname + location.search),
  });
  const checkpoints = new CheckpointActions(editor, files);
  editor.commands.add(...fileCommands(files, checkpoints));

  const onExport = (e: Event) => {
    const card = e.composedPath().find((el) => el instanceof HTMLElement && el.tagName === 'SG-NODE-CARD');
    const nodeId = (card as HTMLElement | undefined)?.dataset.nodeId;
    if (nodeId) void files.exportPng(nodeId);
  };
  const onHide = () => {
    if (document.visibilityState === 'hidden') void files.flush();
  };
  const cleanups = [
    bindDropAndPaste(host, files, checkpoints),
    listen(host, EXPORT_PNG_EVENT, onExport),
    listen(document, 'visibilitychange', onHide),
    listen(window, 'pagehide', () => void files.flush()),
    // A share link pasted into the address bar of an open editor changes only the fragment.
    listen(window, 'hashchange', () => void files.openLink()),
  ];

  return {
    files,
    checkpoints,
    async start() {
      // Pan and zoom are not edits, but a reload should come back to the same view.
      editor.canvas?.area.addPipe((ctx) => {
        if (ctx.type === 'translated' || ctx.type === 'zoomed') files.viewChanged();
        return ctx;
      });
      await files.start();
    },
    dispose() {
      for (const cleanup of cleanups) cleanup();
      files.destroy();
    },
  };
}

function listen(target: EventTarget, type: string, handler: (e: Event) => void): () => void {
  target.addEventListener(type, handler);
  return () => target.removeEventListener(type, handler);
}

function sessionStorageOrNull(): Storage | null {
  try {
    return sessionStorage;
  } catch {
    return null;
  }
}
