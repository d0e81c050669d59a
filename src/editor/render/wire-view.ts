/**
 * One wire on the canvas: an SVG bezier between two socket centres, coloured by its socket type.
 * Drawn twice: the wire itself under the cards (where it is picked), and a dimmed, dashed copy
 * over them that takes no pointer events, so a wire that crosses a card stays visible where it
 * passes (issue 12 item 7) while the card's fields and sockets stay clickable.
 */
import { html, nothing, render, svg } from 'lit';
import type { NodeEditor } from 'rete';
import { classicConnectionPath } from 'rete-render-utils';
import { isSocketType } from '../../graph';
import { SOCKET_COLORS } from '../app/socket-colors';
import type { Schemes, SgConnection } from '../rete/scheme';
import type { Store } from '../state/store';
import { onNextFrame } from './frame';

export interface Point {
  x: number;
  y: number;
}

export interface WireEnds {
  start: Point;
  end: Point;
}

export class WireView {
  readonly unlisten: (() => void)[] = [];
  private ends: Partial<WireEnds> = {};
  private disposed = false;

  constructor(
    private readonly element: HTMLElement,
    /** Where the copy over the cards goes (above every card, pointer-events none). */
    private readonly over: HTMLElement,
    readonly payload: SgConnection,
    private readonly editor: NodeEditor<Schemes>,
    /** The selected wire's id, shared by every wire and the delete command. */
    private readonly selected: Store<string | null>,
  ) {
    this.unlisten.push(selected.listen(() => this.draw()));
  }

  setEnd(end: keyof WireEnds, point: Point): void {
    this.ends[end] = point;
    onNextFrame(this, () => this.draw());
  }

  draw(): void {
    if (this.disposed) return;
    const { start, end } = this.ends;
    if (!start || !end) return;
    const pseudo = !!this.payload.isPseudo;
    const path = classicConnectionPath([start, end], 0.3);
    const selected = this.selected.value === this.payload.id;
    const color = this.color();
    render(
      html`<svg
        class="wire ${pseudo ? 'pseudo' : ''} ${selected ? 'selected' : ''}"
        data-testid=${pseudo ? 'pseudo-connection' : 'connection'}
        data-connection-id=${pseudo ? nothing : this.payload.id}
        data-start=${`${start.x.toFixed(1)},${start.y.toFixed(1)}`}
        data-end=${`${end.x.toFixed(1)},${end.y.toFixed(1)}`}
        style="--wire:${color}"
      >
        ${pseudo ? nothing : svg`<path class="hit" d=${path} @pointerdown=${this.pick}></path>`}
        ${svg`<path class="line" d=${path}></path>`}
      </svg>`,
      this.element,
    );
    render(
      html`<svg
        class="wire-copy ${selected ? 'selected' : ''}"
        data-testid="wire-over"
        style="--wire:${color}"
      >
        ${svg`<path class="line" d=${path}></path>`}
      </svg>`,
      this.over,
    );
  }

  dispose(): void {
    this.disposed = true;
    for (const off of this.unlisten) off();
    render(nothing, this.element);
    render(nothing, this.over);
    this.over.remove();
  }

  private readonly pick = (event: PointerEvent) => {
    if (event.button !== 0) return;
    event.stopPropagation(); // a click on a wire selects it; it does not pan the canvas
    this.selected.set(this.payload.id);
  };

  private color(): string {
    const node = this.payload.source ? this.editor.getNode(this.payload.source) : undefined;
    const name = node?.outputs[String(this.payload.sourceOutput)]?.socket.name;
    const other = this.payload.target ? this.editor.getNode(this.payload.target) : undefined;
    const inName = other?.inputs[String(this.payload.targetInput)]?.socket.name;
    const type = name ?? inName ?? '';
    return isSocketType(type) ? SOCKET_COLORS[type] : 'var(--sg-muted)';
  }
}
