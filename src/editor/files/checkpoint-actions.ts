/**
 * Trained models in the editor: save one (a .ckpt.zip download, and a copy in this browser's
 * checkpoint store), and load one into a model.load node — from dropped or picked files
 * (.ckpt.json + .ckpt.bin, or .ckpt.zip, e.g. written by the CLI) or from the store.
 */
import type { Json, KindSpec } from '../../graph';
import { pairCheckpoint, zipCheckpoint, type NamedBytes } from '../../runtime/checkpoints/zip-bundle';
import { checkpointProvenance, describeProvenance } from '../../runtime/checkpoints/stamp';
import { formatShape, readCheckpointHeader } from '../../graph/checkpoint-header';
import {
  listStoredCheckpoints,
  loadStoredCheckpoint,
  slug,
  storeCheckpoint,
} from '../../runtime/checkpoints/browser-store';
import type { EditorController } from '../app/editor-controller';
import { setParam } from '../state/graph-ops';
import { download } from './download';
import type { FileController } from './file-controller';

export const LOAD_TYPE = 'model.load';

/** Where a loaded checkpoint goes: this model.load node, else a new one at `at` (area coordinates). */
export interface CheckpointTarget {
  nodeId?: string | null;
  at?: { x: number; y: number };
}

export class CheckpointActions {
  constructor(
    private readonly editor: EditorController,
    private readonly files: FileController,
  ) {}

  /**
   * The node whose model Save trained model saves: the selected node, else the graph's one final
   * model after a run (a model output that no other model-making node takes in: the train.fit
   * after its model.mlp), so a single training run needs no selection.
   */
  modelNode(selected: string | undefined): string | undefined {
    if (selected) return selected;
    const { nodes, edges } = this.editor.doc.graph;
    const makesModel = (id: string) => {
      const node = nodes.find((n) => n.id === id);
      const kind: KindSpec | undefined = node && this.editor.registry.get(node.type);
      return !!kind && Object.values(kind.outputs).some((o) => o.type === 'Model');
    };
    const refined = new Set(
      edges.filter((e) => makesModel(e.to.split('.')[0])).map((e) => e.from.split('.')[0]),
    );
    const final = nodes.filter((n) => {
      const status = this.editor.run.nodes.get(n.id)?.status;
      return (status === 'done' || status === 'cached') && makesModel(n.id) && !refined.has(n.id);
    });
    return final.length === 1 ? final[0].id : undefined;
  }

  /** Why `nodeId` cannot be saved now, or null. */
  saveBlocked(nodeId: string | undefined): string | null {
    if (!nodeId) return 'Select the train.fit (or model.load) node whose model to save, after a run.';
    const node = this.editor.doc.graph.nodes.find((n) => n.id === nodeId);
    const kind: KindSpec | undefined = node && this.editor.registry.get(node.type);
    if (!kind || !Object.values(kind.outputs).some((o) => o.type === 'Model'))
      return `Node "${nodeId}" has no model output.`;
    const status = this.editor.run.nodes.get(nodeId)?.status;
    if (status !== 'done' && status !== 'cached')
      return `Run "${nodeId}" first: its model is saved once trained.`;
    if (!this.editor.runtime?.exportCheckpoint) return 'The runtime is not running.';
    return null;
  }

  /** Saves the trained model of `nodeId`: a .ckpt.zip download and a copy in this browser. */
  async save(nodeId: string): Promise<void> {
    const blocked = this.saveBlocked(nodeId);
    if (blocked) return this.editor.toasts.show(blocked, 'error');
    try {
      const checkpoint = await this.editor.runtime!.exportCheckpoint!(nodeId);
      const base = `${slug(this.editor.doc.graph.name)}-${nodeId}`;
      const data = { json: checkpoint.json, weights: checkpoint.weights };
      download(`${base}.ckpt.zip`, zipCheckpoint(base, data), 'application/zip');
      const stored = await storeCheckpoint(base, data);
      this.editor.toasts.show(
        `Saved ${base}.ckpt.zip, and kept it in this browser as "${stored.id}" (use it with Load trained model).`,
        'info',
        8000,
      );
    } catch (error) {
      this.editor.toasts.show(`The model was not saved: ${(error as Error).message}`, 'error', 8000);
    }
  }

  /** Loads a checkpoint from files (a drop or a pick) into a model.load node. */
  async loadFiles(files: readonly NamedBytes[], target: CheckpointTarget): Promise<boolean> {
    const bundle = pairCheckpoint(files);
    if (!bundle.ok) return this.fail(bundle.message);
    const info = readCheckpointHeader(bundle.data.json);
    if ('message' in info) return this.fail(info.message);
    try {
      const stored = await storeCheckpoint(bundle.name, bundle.data);
      return this.use(stored.id, bundle.data.json as Json, target);
    } catch (error) {
      return this.fail(`This browser could not store the checkpoint: ${(error as Error).message}`);
    }
  }

  /** Shows the checkpoints stored in this browser. */
  async showStored(target: string | null): Promise<void> {
    const list = await listStoredCheckpoints().catch(() => []);
    this.files.show({ kind: 'checkpoints', list, target });
  }

  /** Puts stored checkpoint `id` into the target model.load node (or a new one). */
  async useStored(id: string, target: CheckpointTarget): Promise<boolean> {
    try {
      const entry = await loadStoredCheckpoint(id);
      return this.use(entry.id, entry.json as Json, target);
    } catch (error) {
      return this.fail((error as Error).message);
    }
  }

  /** The model.load node `nodeId`, if it is one. */
  isLoadNode(nodeId: string | null | undefined): nodeId is string {
    return !!nodeId && this.editor.doc.graph.nodes.some((n) => n.id === nodeId && n.type === LOAD_TYPE);
  }

  private async use(id: string, header: Json, target: CheckpointTarget): Promise<boolean> {
    const info = readCheckpointHeader(header);
    if ('message' in info) return this.fail(info.message);
    const { doc } = this.editor;
    let nodeId: string | null = this.isLoadNode(target.nodeId) ? target.nodeId : null;
    await doc.group(async () => {
      if (!nodeId) {
        const at = target.at ?? this.editor.canvas?.viewCentre() ?? { x: 0, y: 0 };
        nodeId = await this.editor.addNode(LOAD_TYPE, at);
      }
      if (!nodeId) return;
      const id_ = nodeId;
      doc.apply((g) => setParam(g, id_, 'checkpoint', id));
      doc.apply((g) => setParam(g, id_, 'shape', formatShape(info.shape)));
      doc.apply((g) => setParam(g, id_, 'levels', info.levels ?? 0));
    });
    if (!nodeId) return this.fail('This editor has no model.load node kind.');
    const made = checkpointProvenance(header);
    this.editor.toasts.show(
      `Node "${nodeId}" loads ${info.kind} checkpoint "${id}" (step ${info.step}, ${info.sigmas.length} noise levels` +
        (made ? `; made by ${describeProvenance(made)}).` : ').'),
    );
    return true;
  }

  private fail(message: string): false {
    this.files.show({ kind: 'problems', title: 'The checkpoint did not load', problems: [{ message }] });
    return false;
  }
}
