/**
 * What the canvas reports, turned into document edits: wires drawn or picked up by hand, nodes
 * dragged, the context menu, double-clicks. A wire gesture (pick up → drop) is one undo step.
 */
import type { Item } from 'rete-context-menu-plugin/_types/types';
import type { CanvasHooks } from '../rete/canvas-view';
import { SgNode } from '../rete/scheme';
import { disconnect, edgeKey, moveNodes } from '../state/graph-ops';
import type { EditorController } from './editor-controller';

export function canvasHooks(editor: EditorController): CanvasHooks {
  const { doc } = editor;
  let detached = false;

  const item = (key: string, commandId: string, label?: string): Item | null => {
    const command = editor.commands.get(commandId);
    if (!command || command.disabled?.()) return null;
    return { key, label: label ?? command.label, handler: () => editor.commands.run(commandId) };
  };
  const openSearch = (at: { x: number; y: number }, from?: Parameters<CanvasHooks['looseEnd']>[0]) => {
    const client = editor.canvas!.toClient(at);
    const type = from && editor.wireType(from);
    editor.search.set({ client, at, from: from && type ? { ...from, type } : undefined });
  };

  return {
    started(from) {
      doc.begin();
      detached = false;
      const type = editor.wireType(from);
      if (type) editor.wire.set({ ...from, type });
    },
    connect(from, to) {
      editor.connect(from, to);
    },
    detach(id) {
      detached = true;
      doc.apply((g) =>
        disconnect(
          g,
          g.edges.filter((e) => edgeKey(e) === id),
        ),
      );
    },
    looseEnd(from) {
      // A wire pulled off an input and let go is deleted; a new wire let go asks what to add.
      if (!detached) openSearch(editor.canvas!.area.area.pointer, from);
    },
    finished() {
      editor.wire.set(null);
      doc.end();
    },
    moved(ids) {
      doc.apply((g) => moveNodes(g, editor.canvas!.positions(ids)));
    },
    backgroundDoubleClick(at) {
      openSearch(at);
    },
    menu(target, at) {
      let items: (Item | null)[];
      if (target === 'root') {
        items = [
          { key: 'add', label: 'Add node…', handler: () => openSearch(at) },
          item('paste', 'edit.paste'),
          item('select-all', 'edit.selectAll'),
          item('fit', 'view.fit'),
          item('arrange', 'view.arrange'),
        ];
      } else if (target instanceof SgNode) {
        if (!editor.selection.get(target.id)) editor.selection.replaceAll(new Map([[target.id, true]]));
        items = [
          item('run-here', 'run.selected', 'Run up to here'),
          item('duplicate', 'edit.duplicate'),
          item('copy', 'edit.copy'),
          item('collapse', 'node.toggleCollapse', target.data.collapsed ? 'Expand' : 'Collapse'),
          item('delete', 'edit.delete'),
        ];
      } else {
        editor.selection.clear();
        editor.selectedWire.set(target.id);
        items = [item('delete-wire', 'edit.delete', 'Delete wire')];
      }
      return items.filter((i): i is Item => i !== null);
    },
  };
}
