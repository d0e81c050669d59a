/**
 * GraphDoc: the open graph as one immutable value — the single source of truth the Rete view
 * is reconciled to. Every edit is a pure function Graph → Graph; one user action (or one
 * gesture grouped with begin/end) is one undo step.
 */
import type { Graph } from '../../graph';
import { History } from './history';
import { Store, type Unlisten } from './store';

export type ChangeSource = 'edit' | 'undo' | 'redo' | 'load';

export interface DocChange {
  graph: Graph;
  source: ChangeSource;
}

export class GraphDoc {
  private readonly state: Store<DocChange>;
  private readonly history = new History<Graph>();
  /** Graph at the start of the open gesture; edits inside it become one undo step. */
  private gestureStart: Graph | null = null;
  private gestureDepth = 0;
  /** Bumped on every change: lets others tell "changed since" cheaply (unsaved marker, autosave). */
  revision = 0;

  constructor(graph: Graph) {
    this.state = new Store<DocChange>({ graph, source: 'load' });
  }

  get graph(): Graph {
    return this.state.value.graph;
  }

  listen(listener: (change: DocChange) => void): Unlisten {
    return this.state.listen(listener);
  }

  /** Applies an edit. Returns false when it changed nothing (no undo step is made). */
  apply(edit: (graph: Graph) => Graph): boolean {
    const before = this.graph;
    const after = edit(before);
    if (after === before) return false;
    if (this.gestureDepth === 0) this.history.push(before);
    this.emit(after, 'edit');
    return true;
  }

  /** Opens a gesture: everything until the matching end() is one undo step. Nests. */
  begin(): void {
    if (this.gestureDepth++ === 0) this.gestureStart = this.graph;
  }

  end(): void {
    if (this.gestureDepth === 0) return;
    if (--this.gestureDepth > 0) return;
    const start = this.gestureStart!;
    this.gestureStart = null;
    if (start !== this.graph) this.history.push(start);
  }

  /** Runs `work` as one gesture, closing it even when work throws. */
  async group<R>(work: () => Promise<R> | R): Promise<R> {
    this.begin();
    try {
      return await work();
    } finally {
      this.end();
    }
  }

  undo(): boolean {
    if (this.gestureDepth > 0) return false;
    const previous = this.history.undo(this.graph);
    if (!previous) return false;
    this.emit(previous, 'undo');
    return true;
  }

  redo(): boolean {
    if (this.gestureDepth > 0) return false;
    const next = this.history.redo(this.graph);
    if (!next) return false;
    this.emit(next, 'redo');
    return true;
  }

  get canUndo(): boolean {
    return this.history.canUndo;
  }

  get canRedo(): boolean {
    return this.history.canRedo;
  }

  /** Replaces the whole graph and forgets history (opening a file or a preset). */
  load(graph: Graph): void {
    this.history.clear();
    this.gestureDepth = 0;
    this.gestureStart = null;
    this.emit(graph, 'load');
  }

  private emit(graph: Graph, source: ChangeSource): void {
    this.revision++;
    this.state.set({ graph, source });
  }
}
