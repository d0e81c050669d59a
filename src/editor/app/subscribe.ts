/** A Lit controller that re-renders its host whenever any of the given stores changes. */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Listen = (redraw: () => void) => () => void;

export class Subscribe implements ReactiveController {
  private offs: (() => void)[] = [];

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly sources: () => Listen[],
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    const redraw = () => this.host.requestUpdate();
    this.offs = this.sources().map((listen) => listen(redraw));
  }

  hostDisconnected(): void {
    for (const off of this.offs) off();
    this.offs = [];
  }
}
