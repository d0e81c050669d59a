/**
 * Files for the editor, without UI: opening (files, drops, pastes, links, PNGs, presets) through
 * one checked path that never replaces unsaved work without asking and leaves the open graph
 * untouched when a file fails; saving; share links; viewer PNGs; autosave and restore on start;
 * the unsaved marker in the title. Dialogs are data in `dialog`; <sg-files> draws them.
 */
import { serializeGraph, type Graph, type ParseResult } from '../../graph';
import type { EditorController } from '../app/editor-controller';
import { Store } from '../state/store';
import { Autosave, type KeyValue } from './autosave';
import { download } from './download';
import type { FileDialog, ReplaceChoice } from './file-dialogs';
import { documentTitle, graphFileName, imageFileName } from './file-names';
import { bundledPresets, DEFAULT_PRESET, type Preset } from './presets';
import { graphFromBytes, graphFromText } from './read-graph';
import { graphTextFromHash, shareLink } from './share-link';
import { viewerPng } from './viewer-png';
import { provenance } from '../../runtime/provenance';

export interface FileEnvironment {
  storage: KeyValue;
  tabId: string;
  /** Presets to offer; the bundled ones by default. */
  presets?: readonly Preset[];
  /** The page address (share links, opening a link). */
  location?: { href: string; hash: string };
  /** Removes the graph from the address once opened, so a reload restores the autosave instead. */
  clearHash?: () => void;
}

export class FileController {
  readonly dialog = new Store<FileDialog | null>(null);
  /** The file the graph came from or was saved as; null for a new or pasted graph. */
  readonly fileName = new Store<string | null>(null);
  readonly presets: readonly Preset[];
  private readonly autosave: Autosave;
  private savedRevision: number;
  private readonly cleanups: (() => void)[] = [];

  constructor(
    readonly editor: EditorController,
    private readonly env: FileEnvironment,
  ) {
    this.presets = env.presets ?? bundledPresets(editor.registry);
    this.autosave = new Autosave(env.storage, env.tabId, 300, (m) => editor.toasts.show(m, 'error', 10_000));
    this.savedRevision = editor.doc.revision;
    this.cleanups.push(
      editor.doc.listen(({ source }) => {
        // A graph loaded wholesale (here, by a test or a console call) starts out saved.
        if (source === 'load') this.savedRevision = editor.doc.revision;
        this.changed();
      }),
      this.fileName.listen(() => this.changed()),
    );
  }

  get dirty(): boolean {
    return this.editor.doc.revision !== this.savedRevision;
  }

  /** Opens what the page should show first: a shared link, else the autosaved work, else the default preset. */
  async start(): Promise<void> {
    if (await this.openLink()) return;
    const session = await this.autosave.restore();
    if (session) {
      const result = graphFromText(session.graph, this.editor.registry);
      if (result.ok) {
        await this.replace(result.graph, session.fileName, session.dirty);
        return;
      }
      this.show({
        kind: 'problems',
        title: 'Your autosaved graph no longer loads',
        problems: result.problems,
      });
    }
    const preferred = this.presets.find((p) => p.id === DEFAULT_PRESET);
    if (preferred && !preferred.graph)
      this.show({
        kind: 'problems',
        title: `The default preset "${preferred.id}" did not load`,
        problems: preferred.problems,
      });
    const preset = preferred?.graph ? preferred : this.presets.find((p) => p.graph);
    if (preset?.graph) await this.replace(preset.graph, null, false);
  }

  /** Opens the graph the page address carries (#graph=…), if any; returns whether it did. */
  async openLink(): Promise<boolean> {
    const fromLink = this.env.location && graphTextFromHash(this.env.location.hash);
    if (!fromLink) return false;
    this.env.clearHash?.();
    const result =
      'text' in fromLink ? graphFromText(fromLink.text, this.editor.registry) : failed(fromLink.message);
    return this.open(result, { label: 'The shared link', fileName: null, dirty: true });
  }

  /**
   * Opens a checked result: problems → the problems dialog (nothing changes); unsaved work →
   * asks first. Returns whether the graph was opened.
   */
  async open(
    result: ParseResult,
    from: { label: string; fileName: string | null; dirty?: boolean },
  ): Promise<boolean> {
    if (!result.ok) {
      this.show({ kind: 'problems', title: `${from.label} did not open`, problems: result.problems });
      return false;
    }
    if (this.dirty && this.editor.doc.graph.nodes.length) {
      const choice = await this.askReplace(result.graph.name || from.label);
      if (choice === 'cancel') return false;
      if (choice === 'save') this.save();
    }
    await this.replace(result.graph, from.fileName, from.dirty ?? false);
    this.editor.toasts.show(`Opened "${result.graph.name || from.fileName || 'graph'}".`);
    return true;
  }

  async openBytes(name: string, bytes: Uint8Array): Promise<boolean> {
    const isGraphFile = !/\.png$/i.test(name);
    return this.open(graphFromBytes(bytes, name, this.editor.registry), {
      label: `"${name}"`,
      fileName: isGraphFile ? name : null,
      dirty: !isGraphFile,
    });
  }

  async openText(text: string, label: string): Promise<boolean> {
    return this.open(graphFromText(text, this.editor.registry), { label, fileName: null, dirty: true });
  }

  async openPreset(id: string): Promise<boolean> {
    const preset = this.presets.find((p) => p.id === id);
    if (!preset) return false;
    const result: ParseResult = preset.graph
      ? { ok: true, graph: preset.graph }
      : { ok: false, problems: preset.problems };
    return this.open(result, { label: `The preset "${preset.name}"`, fileName: null });
  }

  /** Downloads the graph as `<name>.scoregraph.json`, exactly as serializeGraph writes it. */
  save(): void {
    const graph = this.editor.currentGraph();
    const name = graphFileName(graph.name);
    download(name, serializeGraph(graph), 'application/json');
    this.savedRevision = this.editor.doc.revision;
    this.fileName.set(name);
    this.changed();
  }

  share(): void {
    const link = shareLink(this.editor.currentGraph(), shareBase(this.env.location?.href ?? ''));
    if (link.ok) {
      void navigator.clipboard?.writeText(link.url).catch(() => {});
      this.show({
        kind: 'share',
        url: link.url,
        message: 'Anyone with this link opens a copy of this graph.',
      });
    } else this.show({ kind: 'share', url: null, message: link.message });
  }

  /** Downloads viewer `nodeId`'s image as a PNG with the graph inside. */
  async exportPng(nodeId: string): Promise<void> {
    const display = this.editor.run.displays.get(nodeId);
    if (!display) {
      this.editor.toasts.show(`Viewer "${nodeId}" shows nothing yet: run the graph first.`, 'error');
      return;
    }
    // The graph inside and its stamp are those of the run that made the picture, even when the
    // graph was edited since. When that run is not known, the open graph could be the wrong one:
    // the image goes out plain, and says so.
    const current = this.editor.currentGraph();
    const made = this.editor.displayProvenance(nodeId);
    let png: Uint8Array;
    if (made) {
      const graph = { ...made.graph, view: current.view };
      png = await viewerPng(display, graph, provenance(made.graph, made.seed, made.backend));
    } else {
      png = await viewerPng(display, null);
      this.editor.toasts.show(
        `The run that made "${nodeId}"'s picture is not known: the PNG is a plain image, without a graph inside.`,
        'info',
        8000,
      );
    }
    download(imageFileName(current.name, nodeId), png, 'image/png');
  }

  show(dialog: FileDialog | null): void {
    this.dialog.set(dialog);
  }

  /** Writes a pending autosave now (before the page goes away). */
  flush(): Promise<void> {
    return this.autosave.flush();
  }

  /** Autosaves view changes too (pan and zoom are not document edits). */
  viewChanged(): void {
    this.changed();
  }

  destroy(): void {
    for (const cleanup of this.cleanups) cleanup();
    void this.autosave.flush();
  }

  private askReplace(incoming: string): Promise<ReplaceChoice> {
    // A second open while the question is up: the first one is cancelled, the newest asks.
    const pending = this.dialog.value;
    if (pending?.kind === 'replace') pending.answer('cancel');
    return new Promise((resolve) =>
      this.show({
        kind: 'replace',
        current: this.editor.doc.graph.name || 'this graph',
        incoming,
        answer: (choice) => {
          this.show(null);
          resolve(choice);
        },
      }),
    );
  }

  private async replace(graph: Graph, fileName: string | null, dirty: boolean): Promise<void> {
    await this.editor.loadGraph(graph);
    this.savedRevision = dirty ? -1 : this.editor.doc.revision;
    this.fileName.set(fileName);
    this.changed();
  }

  /** After any change: the title, and an autosave soon. */
  private changed(): void {
    if (typeof document !== 'undefined')
      document.title = documentTitle(this.editor.doc.graph.name, this.dirty);
    this.autosave.schedule(() => ({
      graph: serializeGraph(this.editor.currentGraph()),
      dirty: this.dirty,
      fileName: this.fileName.value,
    }));
  }
}

const failed = (message: string): ParseResult => ({ ok: false, problems: [{ message }] });

/** The editor's address for a link: a forced backend is this machine's choice, not the reader's. */
function shareBase(href: string): string {
  try {
    const url = new URL(href);
    url.searchParams.delete('backend');
    url.hash = '';
    return url.href;
  } catch {
    return href;
  }
}
