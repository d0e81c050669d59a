/** The File menu: new, presets, open, save, paste, share, images and trained models (ids `file.*`). */
import type { Command } from '../commands/registry';
import { emptyGraph } from '../state/empty-graph';
import type { CheckpointActions } from './checkpoint-actions';
import { download, fileBytes, pickFiles } from './download';
import type { FileController } from './file-controller';

export function fileCommands(files: FileController, checkpoints: CheckpointActions): Command[] {
  const { editor } = files;
  const single = () => {
    const ids = editor.selectedIds();
    return ids.length === 1 ? ids[0] : undefined;
  };
  const viewerOf = () => {
    const id = single();
    const node = id && editor.doc.graph.nodes.find((n) => n.id === id);
    return node && editor.registry.get(node.type)?.view ? node.id : undefined;
  };
  return [
    {
      id: 'file.new',
      label: 'New graph',
      doc: 'Starts an empty graph (asks first when there are unsaved changes).',
      run: () => void files.open({ ok: true, graph: emptyGraph() }, { label: 'A new graph', fileName: null }),
    },
    {
      id: 'file.presets',
      label: 'Presets…',
      doc: 'The example graphs that come with scoregraph.',
      disabled: () => (files.presets.length ? null : 'No presets are bundled with this build.'),
      run: () => files.show({ kind: 'presets', presets: files.presets }),
    },
    {
      id: 'file.open',
      label: 'Open…',
      kbd: ['mod+o'],
      doc: 'Opens a .json graph file, or a PNG exported by scoregraph (the graph is inside). You can also drop either on the canvas.',
      run: async () => {
        const [file] = await pickFiles({ accept: '.json,.png,application/json,image/png' });
        if (file) await files.openBytes(file.name, await fileBytes(file));
      },
    },
    {
      id: 'file.save',
      label: 'Save',
      kbd: ['mod+s'],
      doc: 'Downloads the graph as <name>.scoregraph.json (positions and view included).',
      run: () => files.save(),
    },
    {
      id: 'file.paste',
      label: 'Open from clipboard',
      doc: 'Opens graph JSON copied from a file, a chat or a web page (Ctrl+V on the canvas does the same).',
      run: async () => {
        const text = await navigator.clipboard.readText().catch(() => null);
        if (text === null)
          editor.toasts.show(
            'The clipboard cannot be read here: press Ctrl+V on the canvas instead.',
            'error',
          );
        else await files.openText(text, 'The clipboard');
      },
    },
    {
      id: 'file.share',
      label: 'Copy link',
      doc: 'A link that opens a copy of this graph (the graph travels inside the link).',
      disabled: () => (editor.doc.graph.nodes.length ? null : 'The graph is empty.'),
      run: () => files.share(),
    },
    {
      id: 'file.exportPng',
      label: 'Export image (PNG)',
      doc: 'Downloads the selected viewer’s image, with the graph inside: drop it on the editor to get the graph back.',
      disabled: () => {
        const id = viewerOf();
        if (!id) return 'Select one viewer node.';
        return editor.run.displays.get(id) ? null : `Viewer "${id}" shows nothing yet: run the graph first.`;
      },
      run: () => files.exportPng(viewerOf()!),
    },
    {
      id: 'file.exportPytorch',
      label: 'Export → PyTorch project (zip)',
      doc: 'Downloads the graph as a PyTorch project: train.py (torchrun, many GPUs), model.py, data.py, sample.py and a README. Its checkpoints load back here with model.load.',
      disabled: () => {
        if (!editor.runtime?.exportPytorch) return 'The runtime is not running.';
        return editor.doc.graph.nodes.some((n) => n.type === 'train.fit')
          ? null
          : 'Export needs a train.fit node.';
      },
      run: async () => {
        const result = await editor.runtime!.exportPytorch!(editor.doc.graph);
        if (result.ok) {
          download(result.name, result.zip, 'application/zip');
          editor.toasts.show(`Saved ${result.name}: see its README.md for the commands.`, 'info', 8000);
        } else editor.toasts.show(`Not exported: ${result.problems.join(' ')}`, 'error', 12000);
      },
    },
    {
      id: 'file.saveModel',
      label: 'Save trained model',
      doc: 'Downloads the trained network (of the selected node, when several are trained) as a .ckpt.zip and keeps a copy in this browser.',
      disabled: () => checkpoints.saveBlocked(checkpoints.modelNode(single())),
      run: () => checkpoints.save(checkpoints.modelNode(single())!),
    },
    {
      id: 'file.loadModel',
      label: 'Load trained model…',
      doc: 'A model.load node with a checkpoint saved in this browser, or from .ckpt files (also: drop them on the canvas).',
      run: () => checkpoints.showStored(checkpoints.isLoadNode(single()) ? single()! : null),
    },
  ];
}
