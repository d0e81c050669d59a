/**
 * The minimap's data: node rectangles and the viewport, in fractions of a square that holds
 * them all. Recomputed at most once per frame (reading the canvas size forces a layout, so the
 * stock plugin's update-per-event made opening 300 nodes quadratic).
 */
import type { NodeEditor } from 'rete';
import { onNextFrame } from '../render/frame';
import '../render/sg-minimap';
import type { MinimapData, Rect } from '../render/sg-minimap';
import type { Store } from '../state/store';
import type { Schemes } from './scheme';
import type { Area } from './signals';

const UPDATE_ON = new Set([
  'nodecreated',
  'noderemoved',
  'nodetranslated',
  'translated',
  'zoomed',
  'resized',
  'noderesized',
]);

/** A canvas this wide or narrower (narrow window, 200 % zoom) keeps all its room for the graph. */
export const MINIMAP_MIN_CANVAS_WIDTH = 800;

/**
 * The minimap over the canvas, shown while `shown` holds true (its × sets it false) and the canvas
 * is wider than MINIMAP_MIN_CANVAS_WIDTH, which `room` tells (the toolbar's toggle reads it).
 */
export function attachMinimap(
  area: Area,
  editor: NodeEditor<Schemes>,
  shown: Store<boolean>,
  room: Store<boolean>,
  minDistance = 800,
): () => void {
  const map = document.createElement('sg-minimap');
  area.container.append(map);
  const hide = () => shown.set(false);
  const key = {};
  // The canvas size, kept by an observer: reading it per update would force a layout each time.
  const view = { width: area.container.clientWidth, height: area.container.clientHeight };
  const showIfRoom = () => {
    room.set(view.width > MINIMAP_MIN_CANVAS_WIDTH);
    map.hidden = !shown.value || !room.value;
  };
  showIfRoom();
  const resized = new ResizeObserver(([entry]) => {
    view.width = entry.contentRect.width;
    view.height = entry.contentRect.height;
    showIfRoom();
    onNextFrame(key, update);
  });
  resized.observe(area.container);
  const update = () => {
    if (!map.isConnected || map.hidden) return;
    map.data = { ...minimapData(area, editor, view, minDistance), hide };
  };
  const unlisten = shown.listen(() => {
    showIfRoom();
    onNextFrame(key, update);
  });
  area.addPipe((ctx) => {
    if (UPDATE_ON.has(ctx.type) || (ctx.type === 'render' && ctx.data.type === 'node'))
      onNextFrame(key, update);
    return ctx;
  });
  onNextFrame(key, update);
  return () => {
    unlisten();
    resized.disconnect();
    map.remove();
  };
}

function minimapData(
  area: Area,
  editor: NodeEditor<Schemes>,
  { width, height }: { width: number; height: number },
  minDistance: number,
): Omit<MinimapData, 'hide'> {
  const t = area.area.transform;
  const viewport: Rect = { left: -t.x / t.k, top: -t.y / t.k, width: width / t.k, height: height / t.k };
  const nodes: Rect[] = [];
  for (const node of editor.getNodes()) {
    const view = area.nodeViews.get(node.id);
    if (view)
      nodes.push({ left: view.position.x, top: view.position.y, width: node.width, height: node.height });
  }
  const all = [...nodes, viewport];
  const left = Math.min(...all.map((r) => r.left));
  const top = Math.min(...all.map((r) => r.top));
  const right = Math.max(...all.map((r) => r.left + r.width));
  const bottom = Math.max(...all.map((r) => r.top + r.height));
  const size = Math.max(minDistance, right - left, bottom - top);
  // Centre the content in the square; fractions of `size`.
  const ox = (size - (right - left)) / 2 - left;
  const oy = (size - (bottom - top)) / 2 - top;
  const frac = (r: Rect): Rect => ({
    left: (r.left + ox) / size,
    top: (r.top + oy) / size,
    width: r.width / size,
    height: r.height / size,
  });
  return {
    nodes: nodes.map(frac),
    viewport: frac(viewport),
    translate: (dx, dy) => void area.area.translate(t.x + dx * size * t.k, t.y + dy * size * t.k),
    point: (x, y) => {
      // Centre the view on the clicked point.
      const ax = x * size - ox;
      const ay = y * size - oy;
      void area.area.translate(width / 2 - ax * t.k, height / 2 - ay * t.k);
    },
  };
}
