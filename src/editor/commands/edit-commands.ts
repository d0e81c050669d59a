/** Editing commands: undo/redo, delete, copy/cut/paste/duplicate, select all, collapse, add node. */
import type { EditorController } from '../app/editor-controller';
import { copyFragment, pasteFragment, type Fragment } from '../state/clipboard';
import { disconnect, edgeKey, removeNodes, setCollapsed } from '../state/graph-ops';
import type { Command } from './registry';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function editCommands(editor: EditorController): Command[] {
  const { doc } = editor;
  const selected = () => editor.selectedIds();
  const needSelection = () => (selected().length ? null : 'Select one or more nodes first.');

  const copy = (): Fragment | null => {
    const ids = selected();
    if (!ids.length) return null;
    editor.clipboard = copyFragment(doc.graph, ids);
    // Best effort: also on the system clipboard, so another tab can paste it.
    const fragment = editor.clipboard;
    editor.clipboardSynced = false;
    void navigator.clipboard?.writeText(JSON.stringify(fragment)).then(
      () => (editor.clipboardSynced = editor.clipboard === fragment),
      () => {},
    );
    return editor.clipboard;
  };
  const paste = async (fragment: Fragment, place: Parameters<typeof pasteFragment>[2]) => {
    let ids: string[] = [];
    doc.apply((g) => {
      const result = pasteFragment(g, fragment, place);
      ids = result.ids;
      return result.graph;
    });
    await editor.settled();
    editor.selection.replaceAll(new Map(ids.map((id) => [id, true as const])));
  };

  return [
    {
      id: 'edit.undo',
      label: 'Undo',
      kbd: ['mod+z'],
      disabled: () => (doc.canUndo ? null : 'Nothing to undo.'),
      run: () => void doc.undo(),
    },
    {
      id: 'edit.redo',
      label: 'Redo',
      kbd: ['mod+shift+z', 'mod+y'],
      disabled: () => (doc.canRedo ? null : 'Nothing to redo.'),
      run: () => void doc.redo(),
    },
    {
      id: 'edit.delete',
      label: 'Delete',
      kbd: ['delete', 'backspace'],
      doc: 'Deletes the selected nodes (with their wires), or the selected wire.',
      disabled: () =>
        selected().length || editor.selectedWire.value ? null : 'Select nodes or a wire first.',
      run: () => {
        const wire = editor.selectedWire.value;
        const ids = selected();
        doc.apply((g) => {
          const without = ids.length ? removeNodes(g, ids) : g;
          return wire
            ? disconnect(
                without,
                without.edges.filter((e) => edgeKey(e) === wire),
              )
            : without;
        });
      },
    },
    {
      id: 'edit.copy',
      label: 'Copy',
      kbd: ['mod+c'],
      nativeKey: true,
      disabled: needSelection,
      run: () => {
        const fragment = copy();
        if (fragment) editor.toasts.show(`Copied ${plural(fragment.nodes.length, 'node')}.`);
      },
    },
    {
      id: 'edit.cut',
      label: 'Cut',
      kbd: ['mod+x'],
      nativeKey: true,
      disabled: needSelection,
      run: () => {
        const ids = selected();
        if (copy()) doc.apply((g) => removeNodes(g, ids));
      },
    },
    {
      id: 'edit.paste',
      label: 'Paste',
      kbd: ['mod+v'],
      nativeKey: true,
      disabled: () => (editor.clipboard?.nodes.length ? null : 'Copy some nodes first.'),
      run: () => paste(editor.clipboard!, { at: pastePoint(editor) }),
    },
    {
      id: 'edit.duplicate',
      label: 'Duplicate',
      kbd: ['mod+d'],
      disabled: needSelection,
      run: () => paste(copyFragment(doc.graph, selected()), { offset: [40, 40] }),
    },
    {
      id: 'edit.selectAll',
      label: 'Select all',
      kbd: ['mod+a'],
      disabled: () => (doc.graph.nodes.length ? null : 'The graph is empty.'),
      run: () => editor.selection.replaceAll(new Map(doc.graph.nodes.map((n) => [n.id, true as const]))),
    },
    {
      id: 'node.toggleCollapse',
      label: 'Collapse / expand',
      kbd: ['c'],
      disabled: needSelection,
      run: () => {
        const ids = new Set(selected());
        const nodes = doc.graph.nodes.filter((n) => ids.has(n.id));
        const collapse = nodes.some((n) => !n.collapsed);
        doc.apply((g) => nodes.reduce((acc, n) => setCollapsed(acc, n.id, collapse), g));
      },
    },
    {
      id: 'node.add',
      label: 'Add node…',
      kbd: ['shift+a', '/'],
      doc: 'Opens the node search (or double-click the canvas).',
      run: () => {
        const canvas = editor.canvas;
        if (!canvas) return;
        const at = canvas.viewCentre();
        editor.search.set({ at, client: canvas.toClient(at) });
      },
    },
  ];
}

/** Where pasted nodes go: under the pointer when it is on the canvas, else the view's centre. */
function pastePoint(editor: EditorController): readonly [number, number] {
  const canvas = editor.canvas;
  if (!canvas) return [0, 0];
  const p = canvas.area.area.pointer;
  const box = canvas.container.getBoundingClientRect();
  const client = canvas.toClient(p);
  const inside =
    client.x >= box.left && client.x <= box.right && client.y >= box.top && client.y <= box.bottom;
  const at = inside ? p : canvas.viewCentre();
  return [at.x, at.y];
}
