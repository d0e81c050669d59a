/**
 * Node selection on the canvas: click selects, Ctrl/⌘/Shift+click toggles, Shift/Ctrl+drag on
 * the background draws a marquee, a click on empty canvas clears. Dragging a selected node
 * moves the whole selection; `moved` hears the ids once the drag ends.
 */
import type { KeyedStore, Store } from '../state/store';
import type { Area } from './signals';

export interface SelectionHooks {
  /** A drag of these nodes ended (their views hold the new positions). */
  moved(ids: string[]): void;
}

export interface Selection {
  ids(): string[];
  set(ids: Iterable<string>, add?: boolean): void;
  clear(): void;
  destroy(): void;
}

const onCard = (event: Event) =>
  event.composedPath().some((el) => el instanceof HTMLElement && el.tagName === 'SG-NODE-CARD');

export function trackSelection(
  area: Area,
  store: KeyedStore<true>,
  selectedWire: Store<string | null>,
  host: HTMLElement,
  hooks: SelectionHooks,
): Selection {
  let modifier = false;
  let picked: string | null = null;
  let pickedAt: { x: number; y: number } | null = null;
  let background: { x: number; y: number } | null = null;

  const ids = () => store.entries().map(([id]) => id);
  const set = (next: Iterable<string>, add = false) => {
    const chosen = new Map<string, true>(add ? store.entries() : []);
    for (const id of next) chosen.set(id, true);
    store.replaceAll(chosen);
    if (chosen.size) selectedWire.set(null);
  };

  // Modifiers of the press that picked a node (nodepicked carries no event).
  const onPress = (e: PointerEvent) => {
    modifier = e.ctrlKey || e.metaKey || e.shiftKey;
    if (modifier && e.button === 0 && !onCard(e)) startMarquee(e);
  };
  host.addEventListener('pointerdown', onPress, { capture: true });

  area.addPipe((context) => {
    if (!context || typeof context !== 'object' || !('type' in context)) return context;
    if (context.type === 'nodepicked') {
      const id = context.data.id;
      picked = id;
      pickedAt = { ...(area.nodeViews.get(id)?.position ?? { x: 0, y: 0 }) };
      if (modifier) {
        if (store.get(id)) store.set(id, undefined);
        else set([id], true);
      } else if (!store.get(id)) set([id]);
    } else if (context.type === 'nodetranslated' && context.data.id === picked && store.get(picked)) {
      const dx = context.data.position.x - context.data.previous.x;
      const dy = context.data.position.y - context.data.previous.y;
      for (const other of ids()) {
        if (other === picked) continue;
        const view = area.nodeViews.get(other);
        if (view) void view.translate(view.position.x + dx, view.position.y + dy);
      }
    } else if (context.type === 'nodedragged') {
      const id = context.data.id;
      const at = area.nodeViews.get(id)?.position;
      picked = null;
      // A plain click (no drag) on a node of a larger selection selects just that node.
      if (!modifier && at && pickedAt && at.x === pickedAt.x && at.y === pickedAt.y) {
        if (store.entries().length > 1) set([id]);
        return context;
      }
      hooks.moved(store.get(id) ? ids() : [id]);
    } else if (context.type === 'pointerdown') {
      const e = context.data.event;
      // Only a left click on the canvas itself clears the selection (a right click opens the menu).
      background = e.button === 0 && !onCard(e) ? { x: e.clientX, y: e.clientY } : null;
    } else if (context.type === 'pointerup' && background) {
      const e = context.data.event;
      if (Math.hypot(e.clientX - background.x, e.clientY - background.y) < 4) {
        store.clear();
        selectedWire.set(null);
      }
      background = null;
    }
    return context;
  });

  /** Shift/Ctrl+drag on the background: select every node the rectangle touches. */
  function startMarquee(down: PointerEvent) {
    down.stopPropagation(); // no panning
    down.preventDefault();
    const box = document.createElement('div');
    box.className = 'marquee';
    host.append(box);
    const origin = host.getBoundingClientRect();
    const rect = (e: PointerEvent) => ({
      left: Math.min(down.clientX, e.clientX) - origin.left,
      top: Math.min(down.clientY, e.clientY) - origin.top,
      width: Math.abs(e.clientX - down.clientX),
      height: Math.abs(e.clientY - down.clientY),
    });
    const move = (e: PointerEvent) => {
      const r = rect(e);
      Object.assign(box.style, {
        left: `${r.left}px`,
        top: `${r.top}px`,
        width: `${r.width}px`,
        height: `${r.height}px`,
      });
    };
    const up = (e: PointerEvent) => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      box.remove();
      const r = rect(e);
      if (r.width < 3 && r.height < 3) return;
      const { x, y, k } = area.area.transform;
      const inside: string[] = [];
      for (const [id, view] of area.nodeViews) {
        const el = view.element.firstElementChild as HTMLElement | null;
        const w = el?.offsetWidth ?? 0;
        const h = el?.offsetHeight ?? 0;
        const left = view.position.x * k + x;
        const top = view.position.y * k + y;
        if (left < r.left + r.width && left + w * k > r.left && top < r.top + r.height && top + h * k > r.top)
          inside.push(id);
      }
      set(inside, true);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  }

  return {
    ids,
    set,
    clear: () => store.clear(),
    destroy: () => host.removeEventListener('pointerdown', onPress, { capture: true }),
  };
}
