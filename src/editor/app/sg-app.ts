/**
 * <sg-app>: the editor — toolbar on top, the canvas, the docs panel on the right. Builds the
 * controller, registers the commands, binds the keyboard, starts the runtime worker and opens
 * the default graph. Other features hook in through `app.editor` (commands, loadGraph,
 * currentGraph).
 */
import { LitElement, html, nothing } from 'lit';
import { registry as shippedRegistry, type NodeRegistry } from '../../nodes/registry';
import { RuntimeClient } from '../../runtime/client';
import type { BackendName } from '../../runtime/protocol';
import { editCommands } from '../commands/edit-commands';
import { bindKeys } from '../commands/keys';
import { runCommands } from '../commands/run-commands';
import { viewCommands } from '../commands/view-commands';
import { setCollapsed, setParam } from '../state/graph-ops';
import { matchingSockets } from '../state/wire-check';
import { installFiles, type InstalledFiles } from '../files/install-files';
import '../files/sg-files';
import { installRuns, restoreRun } from '../runs/install-runs';
import type { RunHistory } from '../runs/run-history';
import '../runs/sg-runs';
import { appStyles } from './app-styles';
import { bindClipboard } from './clipboard-events';
import { EditorController } from './editor-controller';
import './sg-inspector';
import './sg-node-search';
import './sg-toolbar';
import { Subscribe } from './subscribe';
import { installTestHook } from './test-hook';
import { THEME_CHANGED } from '../viewers/plot-theme';

const BACKENDS: BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];
const THEME_KEY = 'scoregraph.theme';
const MINIMAP_KEY = 'scoregraph.minimap';

export class SgApp extends LitElement {
  static override styles = appStyles;
  static override properties = { theme: { reflect: true } };

  declare theme: 'light' | 'dark';
  /** The shipped kinds, unless a page hands in another registry before connecting. */
  registry: NodeRegistry = shippedRegistry;
  /** Set to false before connecting to run without a worker (UI tests). */
  startRuntime = true;
  editor!: EditorController;
  /** Files, presets, autosave and checkpoints (src/editor/files). */
  files!: InstalledFiles;
  /** Every run recorded, and the Runs panel's state (src/editor/runs). */
  runs!: RunHistory;
  private cleanups: (() => void)[] = [];

  constructor() {
    super();
    this.theme = 'light';
    new Subscribe(this, () => [
      (r) => this.editor.search.listen(r),
      (r) => this.editor.toasts.list.listen(r),
      (r) => this.editor.panelOpen.listen(r),
      () =>
        this.editor.minimap.listen((shown) => localStorage.setItem(MINIMAP_KEY, shown ? 'shown' : 'hidden')),
      (r) => this.editor.doc.listen(r),
      (r) => this.runs.open.listen(r),
      (r) =>
        this.editor.theme.listen((t) => {
          this.theme = t;
          localStorage.setItem(THEME_KEY, t);
          r();
          // Canvases redraw once the new colours are in force.
          void this.updateComplete.then(() => window.dispatchEvent(new Event(THEME_CHANGED)));
        }),
    ]);
  }

  override connectedCallback(): void {
    this.editor ??= this.createEditor();
    super.connectedCallback();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const cleanup of this.cleanups) cleanup();
    this.cleanups = [];
    this.files.dispose();
    this.editor.runtime?.dispose();
    this.editor.destroy();
  }

  override render() {
    const e = this.editor;
    const search = e.search.value;
    return html`
      <sg-toolbar .editor=${e}></sg-toolbar>
      <main>
        <div class="canvas-host" @sg-param=${this.onParam} @sg-collapse=${this.onCollapse}>
          <div class="canvas" aria-label="Graph canvas"></div>
          ${
            e.doc.graph.nodes.length
              ? nothing
              : html`<div class="empty-hint">Double-click the canvas (or press Shift+A) to add a node.</div>`
          }
        </div>
        ${
          this.runs.open.value
            ? html`<sg-runs
                .history=${this.runs}
                .theme=${e.theme}
                @sg-run-restore=${(ev: CustomEvent) => void restoreRun(this.files.files, ev.detail)}
              ></sg-runs>`
            : nothing
        }
        ${e.panelOpen.value ? html`<sg-inspector .editor=${e}></sg-inspector>` : nothing}
      </main>
      <div class="toasts" role="status" aria-live="polite">
        ${e.toasts.list.value.map(
          (t) =>
            html`<div class="toast ${t.tone}" data-testid="toast" @click=${() => e.toasts.dismiss(t.id)}>
              ${t.message}
            </div>`,
        )}
      </div>
      ${search ? this.renderSearch(search) : nothing}
      <sg-files .files=${this.files.files} .checkpoints=${this.files.checkpoints}></sg-files>
    `;
  }

  protected override firstUpdated(): void {
    const host = this.renderRoot.querySelector<HTMLElement>('.canvas-host')!;
    const canvas = this.renderRoot.querySelector<HTMLElement>('.canvas')!;
    this.editor.attach(canvas, host);
    this.followGrid(canvas);
    this.cleanups.push(bindKeys(window, this.editor.commands, () => !this.editor.search.value));
    this.cleanups.push(bindClipboard(this.editor));
    const hook = installTestHook(this.editor);
    // The first graph: a shared link, else the autosaved work, else the default preset.
    void this.files.start().then(() => (hook.ready = true));
  }

  private createEditor(): EditorController {
    const editor = new EditorController(this.registry);
    editor.commands.add(...editCommands(editor), ...viewCommands(editor), ...runCommands(editor));
    this.files = installFiles(this, editor);
    const saved = localStorage.getItem(THEME_KEY);
    editor.theme.set(
      saved === 'dark' || saved === 'light'
        ? saved
        : matchMedia('(prefers-color-scheme: dark)').matches
          ? 'dark'
          : 'light',
    );
    this.theme = editor.theme.value;
    editor.minimap.set(localStorage.getItem(MINIMAP_KEY) !== 'hidden');
    // The docs panel starts closed where it would take most of the window.
    if (window.innerWidth < 1000) editor.panelOpen.set(false);
    if (this.startRuntime) {
      const asked = new URLSearchParams(location.search).get('backend') as BackendName | null;
      editor.connectRuntime(
        RuntimeClient.start({ backend: asked && BACKENDS.includes(asked) ? asked : undefined }),
      );
    }
    this.runs = installRuns(editor);
    return editor;
  }

  private renderSearch(search: NonNullable<EditorController['search']['value']>) {
    const from = search.from;
    const kinds = this.editor.registry
      .all()
      .filter(
        (k) => !from || matchingSockets(k, from.side === 'output' ? 'input' : 'output', from.type).length,
      );
    const left = Math.min(search.client.x, window.innerWidth - 350);
    const top = Math.min(search.client.y, window.innerHeight - 420);
    return html`<sg-node-search
      style="left:${Math.max(8, left)}px;top:${Math.max(8, top)}px"
      .kinds=${kinds}
      .heading=${from ? `Nodes that take a ${from.type}${from.side === 'input' ? ' out' : ''}` : ''}
      @sg-search-pick=${(ev: CustomEvent<{ type: string }>) => {
        this.editor.search.set(null);
        void this.editor.addNode(ev.detail.type, search.at, from);
      }}
      @sg-search-close=${() => this.editor.search.set(null)}
    ></sg-node-search>`;
  }

  private readonly onParam = (ev: HTMLElementEventMap['sg-param']) => {
    const { nodeId, key, value } = ev.detail;
    this.editor.doc.apply((g) => setParam(g, nodeId, key, value));
  };

  private readonly onCollapse = (ev: HTMLElementEventMap['sg-collapse']) => {
    const { nodeId, collapsed } = ev.detail;
    this.editor.doc.apply((g) => setCollapsed(g, nodeId, collapsed));
  };

  /** The dotted background moves and scales with the canvas. */
  private followGrid(canvas: HTMLElement): void {
    const area = this.editor.canvas!.area;
    const update = () => {
      const { x, y, k } = area.area.transform;
      const size = 24 * k;
      canvas.style.backgroundSize = `${size}px ${size}px`;
      canvas.style.backgroundPosition = `${x}px ${y}px`;
    };
    area.addPipe((ctx) => {
      if (ctx.type === 'translated' || ctx.type === 'zoomed') update();
      return ctx;
    });
    update();
  }
}

if (!customElements.get('sg-app')) customElements.define('sg-app', SgApp);

declare global {
  interface HTMLElementTagNameMap {
    'sg-app': SgApp;
  }
}
