/** View commands: fit, zoom, auto-arrange (elkjs, loaded on first use), theme, minimap, side panel. */
import type { EditorController } from '../app/editor-controller';
import { moveNodes } from '../state/graph-ops';
import { arrange } from '../rete/arrange';
import { MINIMAP_MIN_CANVAS_WIDTH } from '../rete/minimap';
import type { Command } from './registry';

export function viewCommands(editor: EditorController): Command[] {
  const zoomBy = async (factor: number) => {
    const area = editor.canvas?.area.area;
    if (!area) return;
    const box = editor.canvas!.container.getBoundingClientRect();
    const { k, x, y } = area.transform;
    const next = Math.min(3, Math.max(0.1, k * factor));
    // Keep the point at the centre of the canvas where it is.
    const grow = next / k - 1;
    await area.zoom(next, (x - box.width / 2) * grow, (y - box.height / 2) * grow);
  };
  const empty = () => (editor.doc.graph.nodes.length ? null : 'The graph is empty.');
  return [
    {
      id: 'view.fit',
      label: 'Fit view',
      kbd: ['f'],
      doc: 'Zooms to show the selected nodes, or all of them.',
      disabled: empty,
      run: () => editor.canvas?.fit(editor.selectedIds()),
    },
    { id: 'view.zoomIn', label: 'Zoom in', kbd: ['=', '+'], run: () => zoomBy(1.2) },
    { id: 'view.zoomOut', label: 'Zoom out', kbd: ['-'], run: () => zoomBy(1 / 1.2) },
    {
      id: 'view.arrange',
      label: 'Arrange',
      kbd: ['shift+l'],
      doc: 'Lays the graph out left to right (one undo step).',
      disabled: empty,
      run: async () => {
        const canvas = editor.canvas;
        if (!canvas) return;
        const sizes = new Map(
          canvas.editor.getNodes().map((n) => [n.id, { width: n.width, height: n.height }]),
        );
        const positions = await arrange(editor.doc.graph, sizes);
        editor.doc.apply((g) => moveNodes(g, positions));
        await editor.settled();
        await canvas.fit();
      },
    },
    {
      id: 'view.theme',
      label: 'Dark theme',
      doc: 'Switches between the light and the dark theme.',
      run: () => editor.theme.update((t) => (t === 'dark' ? 'light' : 'dark')),
    },
    {
      id: 'view.minimap',
      label: 'Minimap',
      kbd: ['m'],
      doc: 'Shows or hides the minimap in the corner of the canvas.',
      disabled: () =>
        editor.minimapRoom.value
          ? null
          : `The canvas is ${MINIMAP_MIN_CANVAS_WIDTH} px wide or less: the minimap stays hidden to leave the room to the graph.`,
      run: () => editor.minimap.update((shown) => !shown),
    },
    {
      id: 'view.panel',
      label: 'Docs panel',
      kbd: ['mod+\\'],
      doc: 'Shows or hides the docs and inspector panel.',
      run: () => editor.panelOpen.update((open) => !open),
    },
  ];
}
