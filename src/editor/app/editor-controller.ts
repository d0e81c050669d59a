/**
 * The editor's state in one place, with no UI: the document, what the runtime reports, live
 * problems, selection, commands and the canvas that shows it all. `loadGraph` and
 * `currentGraph` are the two doors for files, presets and autosave.
 */
import type { Graph, Json } from '../../graph';
import type { DisplayPayload } from '../../nodes/display';
import type { NodeRegistry } from '../../nodes/registry';
import type { RunEvent } from '../../runtime/events';
import { formatDuration } from '../../runtime/pace';
import type { BackendName } from '../../runtime/protocol';
import type { WireDrag } from '../render/card-context';
import { CanvasView } from '../rete/canvas-view';
import type { Fragment } from '../state/clipboard';
import { GraphDoc } from '../state/doc';
import { emptyGraph } from '../state/empty-graph';
import { addNodes, connect, edgeKey } from '../state/graph-ops';
import { baseId, freshId } from '../state/ids';
import { placeUnplaced } from '../state/layout';
import { spreadOverlaps } from '../state/spread';
import { LiveProblems } from '../state/problems';
import { liveViewerDisplays } from '../state/live-viewers';
import { RunState } from '../state/run-state';
import { KeyedStore, Store } from '../state/store';
import { Toasts } from '../state/toasts';
import { matchingSockets, wireProblem, type WireEnd } from '../state/wire-check';
import type { WireEnd as FlowEnd } from '../rete/wire-flow';
import { CommandRegistry } from '../commands/registry';
import { canvasHooks } from './canvas-hooks';

/** A node with more than this left at its measured pace gets a warning (issue 10 item 5). */
const LONG_RUN_SECONDS = 15 * 60;

/** What the editor needs from the runtime client (src/runtime/client.ts). */
export interface RuntimePort {
  readonly ready: Promise<{ backend: BackendName; reason: string; warning?: string }>;
  run(graph: Graph, options?: { seed?: number; targets?: string[] }): number;
  cancel(): void;
  clearCache(): void;
  on(listener: (event: RunEvent) => void): () => void;
  dispose(): void;
  /** The trained model a node output, encoded as a checkpoint (Save trained model). */
  exportCheckpoint?(nodeId: string): Promise<{ name: string; json: Json; weights: ArrayBuffer }>;
  /** The graph as a PyTorch project (issue 11's File → Export → PyTorch). */
  exportPytorch?(
    graph: Graph,
  ): Promise<{ ok: true; name: string; zip: Uint8Array } | { ok: false; problems: string[] }>;
}

/** An open node search: where it shows, where the node goes, and the wire it should take. */
export interface SearchRequest {
  client: { x: number; y: number };
  at: { x: number; y: number };
  from?: FlowEnd & { type: WireDrag['type'] };
}

export class EditorController {
  readonly doc = new GraphDoc(emptyGraph());
  readonly run = new RunState();
  readonly problems: LiveProblems;
  readonly selection = new KeyedStore<true>();
  readonly wire = new Store<WireDrag | null>(null);
  readonly selectedWire = new Store<string | null>(null);
  readonly toasts = new Toasts();
  readonly search = new Store<SearchRequest | null>(null);
  readonly backend = new Store<{ backend: string; reason: string; warning?: string } | null>(null);
  /** Each run for the history the editor asks for (startRun), with the graph it sent. */
  readonly runRequests = new Store<{ runId: number; graph: Graph } | null>(null);
  readonly commands = new CommandRegistry();
  /** UI preferences the commands toggle. */
  readonly theme = new Store<'light' | 'dark'>('light');
  readonly panelOpen = new Store<boolean>(true);
  readonly minimap = new Store<boolean>(true);
  /** Whether the canvas is wide enough for the minimap (the canvas measures it). */
  readonly minimapRoom = new Store<boolean>(true);
  canvas: CanvasView | null = null;
  runtime: RuntimePort | null = null;
  clipboard: Fragment | null = null;
  /** Whether the system clipboard holds `clipboard` too (writing it can be refused). */
  clipboardSynced = false;
  private readonly cleanups: (() => void)[] = [];
  private warnedLong = false;

  constructor(readonly registry: NodeRegistry) {
    this.problems = new LiveProblems(registry);
    this.problems.check(this.doc.graph);
    this.cleanups.push(this.problems.summary.listen(() => this.commands.changed()));
    // One selection at a time: picking a wire drops the node selection (Delete acts on one of them).
    this.cleanups.push(this.selectedWire.listen((id) => id && this.selection.clear()));
    this.cleanups.push(this.doc.listen(({ graph }) => this.onDocChange(graph)));
    this.cleanups.push(this.minimapRoom.listen(() => this.commands.changed()));
  }

  /**
   * Asks the runtime to run the open graph (without its view) and records that graph as the run's
   * origin (viewer PNGs take their graph from it). A run for the history (not an estimate) is
   * announced on runRequests too. Returns the run's id.
   */
  startRun(options: { targets?: string[]; forHistory: boolean }): number {
    if (!this.runtime) throw new Error('No runtime is connected yet.');
    const graph = { ...this.currentGraph(), view: undefined };
    const runId = this.runtime.run(graph, options.targets ? { targets: options.targets } : {});
    this.run.origins.requested(runId, graph);
    if (options.forHistory) this.runRequests.set({ runId, graph });
    return runId;
  }

  /** The graph, seed and backend of the run that made node `nodeId`'s display, when known. */
  displayProvenance(nodeId: string): { graph: Graph; seed: number; backend: string } | null {
    const { graph, seed, backend } = this.run.origins.madeBy(nodeId) ?? {};
    return graph && seed !== undefined && backend !== undefined ? { graph, seed, backend } : null;
  }

  /** Puts the canvas into `container`; `host` is the element around it (marquee, key focus). */
  attach(container: HTMLElement, host: HTMLElement): void {
    const context = {
      registry: this.registry,
      run: this.run,
      problems: this.problems.byNode,
      selection: this.selection,
      wire: this.wire,
      selectedWire: this.selectedWire,
    };
    this.canvas = new CanvasView(
      container,
      host,
      this.registry,
      context,
      canvasHooks(this),
      this.minimap,
      this.minimapRoom,
    );
    void this.canvas.show(this.doc.graph);
  }

  connectRuntime(runtime: RuntimePort): void {
    this.runtime = runtime;
    this.cleanups.push(
      runtime.on((event) => {
        this.run.apply(event);
        if (event.type === 'preview') this.showLive(event.runId, event.nodeId, event.payload);
        if (event.type === 'run-started') this.warnedLong = false;
        if (event.type === 'progress') this.warnIfLong(event.nodeId);
        if (event.type === 'run-started' || event.type === 'run-finished') this.commands.changed();
        // A run that fails before any node does (or whose failing node is gone) explains itself here.
        if (event.type === 'run-finished' && event.status === 'error' && event.message)
          this.toasts.show(`The run failed: ${event.message}`, 'error', 10000);
      }),
    );
    runtime.ready.then(
      (ready) => {
        this.backend.set(ready);
        // Said once, in words: a forced backend that is slow here, or that could not start.
        if (ready.warning) this.toasts.show(ready.warning, 'error', 20000);
      },
      (error: unknown) => this.backend.set({ backend: 'none', reason: String(error) }),
    );
    this.cleanups.push(this.backend.listen(() => this.commands.changed()));
  }

  /** Says once per run, in words, when a node will take long at its measured pace. */
  private warnIfLong(nodeId: string): void {
    const left = this.run.nodes.get(nodeId)?.pace?.secondsLeft;
    if (this.warnedLong || left === undefined || left < LONG_RUN_SECONDS) return;
    this.warnedLong = true;
    const backend = this.backend.value?.backend ?? 'this backend';
    this.toasts.show(
      `"${nodeId}" needs ≈ ${formatDuration(left)} more on ${backend.toUpperCase()} here — ` +
        'try a smaller preset (fewer steps, a smaller batch) or a GPU.',
      'info',
      15000,
    );
  }

  /** Viewers downstream of a node that streams a preview show it live until they run themselves. */
  private showLive(runId: number, nodeId: string, payload: DisplayPayload): void {
    if (runId !== this.run.run.value.runId) return;
    for (const { viewerId, display } of liveViewerDisplays(this.doc.graph, this.registry, nodeId, payload)) {
      const status = this.run.nodes.get(viewerId)?.status;
      if (status !== 'done' && status !== 'cached' && status !== 'running') {
        this.run.displays.set(viewerId, display);
        this.run.markDisplay(runId, viewerId);
      }
    }
  }

  /** Replaces the open graph (undo history starts afresh); unplaced nodes get positions. */
  async loadGraph(graph: Graph): Promise<void> {
    this.selection.clear();
    this.selectedWire.set(null);
    this.run.keepOnly(new Set());
    this.doc.load(placeUnplaced(graph));
    await this.settled();
    if (!this.canvas) return;
    // Positions written for smaller cards would overlap ours: nudge cards down, as part of loading.
    await nextFrame();
    const spread = spreadOverlaps(this.doc.graph, this.canvas.measure());
    if (spread !== this.doc.graph) {
      this.doc.load(spread);
      await this.settled();
    }
    if (graph.view) await this.canvas.setTransform({ x: graph.view.x, y: graph.view.y, k: graph.view.zoom });
    else await this.canvas.fitReadable();
  }

  /** The open graph as a file would hold it, with the current view. */
  currentGraph(): Graph {
    const graph = this.doc.graph;
    const t = this.canvas?.transform;
    return t ? { ...graph, view: { x: t.x, y: t.y, zoom: t.k } } : graph;
  }

  /** Resolves once the canvas shows the latest document. */
  async settled(): Promise<void> {
    await this.canvas?.sync.settled();
  }

  selectedIds(): string[] {
    return this.selection.entries().map(([id]) => id);
  }

  /** Adds a node of `type` at `at`; wired to `from` when the search came from a dropped wire. */
  async addNode(type: string, at: { x: number; y: number }, from?: FlowEnd): Promise<string | null> {
    const kind = this.registry.get(type);
    if (!kind) return null;
    const id = freshId(baseId(type), new Set(this.doc.graph.nodes.map((n) => n.id)));
    await this.doc.group(() => {
      this.doc.apply((g) => addNodes(g, [{ id, type, params: {}, position: [at.x, at.y] }]));
      if (from) {
        const type = this.wireType(from);
        const side = from.side === 'output' ? 'input' : 'output';
        const key = type && matchingSockets(kind, side, type)[0];
        if (key) this.connect(from, { nodeId: id, key, side });
      }
    });
    await this.settled();
    this.selection.replaceAll(new Map([[id, true]]));
    return id;
  }

  /** Wires two sockets (in either order), or shows why not. Returns whether a wire was made. */
  connect(a: FlowEnd, b: FlowEnd): boolean {
    const [out, inp] = a.side === 'output' ? [a, b] : [b, a];
    if (out.side !== 'output' || inp.side !== 'input') {
      this.toasts.show('Connect an output (right side of a node) to an input (left side).', 'error');
      return false;
    }
    const from: WireEnd = { nodeId: out.nodeId, socket: out.key };
    const to: WireEnd = { nodeId: inp.nodeId, socket: inp.key };
    const problem = wireProblem(this.doc.graph, this.registry, from, to);
    if (problem) {
      this.toasts.show(problem, 'error');
      return false;
    }
    this.doc.apply((g) => connect(g, `${from.nodeId}.${from.socket}`, `${to.nodeId}.${to.socket}`));
    return true;
  }

  wireType(end: FlowEnd): WireDrag['type'] | undefined {
    const node = this.doc.graph.nodes.find((n) => n.id === end.nodeId);
    const kind = node && this.registry.get(node.type);
    const sockets = end.side === 'input' ? kind?.inputs : kind?.outputs;
    return sockets?.[end.key]?.type;
  }

  edgeIds(): Set<string> {
    return new Set(this.doc.graph.edges.map(edgeKey));
  }

  destroy(): void {
    for (const cleanup of this.cleanups) cleanup();
    this.canvas?.destroy();
    this.canvas = null;
  }

  private onDocChange(graph: Graph): void {
    this.problems.check(graph);
    const ids = new Set(graph.nodes.map((n) => n.id));
    this.run.keepOnly(ids);
    for (const [id] of this.selection.entries()) if (!ids.has(id)) this.selection.set(id, undefined);
    if (this.selectedWire.value && !this.edgeIds().has(this.selectedWire.value)) this.selectedWire.set(null);
    void this.canvas?.show(graph);
    this.commands.changed();
  }
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
