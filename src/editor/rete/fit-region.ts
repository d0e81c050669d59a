/**
 * Where a fit puts the graph: the largest zoom (at most 100 %) that shows every card in the
 * canvas with none under the minimap. The graph fills the whole canvas when its shape leaves
 * the minimap's corner empty, else the part beside or below the minimap. A graph too large for
 * a readable zoom opens on its top-left corner, moved clear of the minimap when needed.
 */

/** A rectangle by its edges. */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface View {
  x: number;
  y: number;
  k: number;
}

/** Pixels kept between a card and the minimap. */
const GAP = 8;

/**
 * The view that fits `cards` (area coordinates) into a canvas of this size, `scale` of the room
 * (the rest a margin), keeping clear of `minimap` (canvas pixels) when there is one.
 */
export function fitInto(
  cards: Box[],
  canvas: { width: number; height: number },
  minimap: Box | null,
  scale = 0.9,
): View {
  const bounds = boundsOf(cards);
  const whole = { left: 0, top: 0, right: canvas.width, bottom: canvas.height };
  const full = fitBox(bounds, whole, scale);
  if (!minimap) return full;
  const clear = (v: View) => cards.every((c) => !overlaps(onScreen(c, v), minimap, GAP));
  const candidates = [
    full,
    ...besideAndBelow(whole, minimap).map((room) => fitBox(bounds, room, scale)),
  ].filter(clear);
  // The rooms beside and below always clear it; the whole canvas wins ties.
  return candidates.reduce((best, v) => (v.k > best.k + 1e-9 ? v : best), candidates[0] ?? full);
}

/**
 * The view at zoom `k` that shows the cards' top-left corner, `margin` from the canvas's edges,
 * and none under `minimap`: as is when the minimap covers no card, else moved below it (or right
 * of it, for a minimap on the left), whichever leaves more card area inside the canvas.
 */
export function readableView(
  cards: Box[],
  canvas: { width: number; height: number },
  minimap: Box | null,
  k: number,
  margin = 24,
): View {
  const { left, top } = boundsOf(cards);
  const corner = { k, x: margin - left * k, y: margin - top * k };
  if (!minimap) return corner;
  // The graph runs off the right and the bottom: it can only make room at its top and left.
  const candidates = [
    corner,
    ...(minimap.top < canvas.height / 2 ? [{ ...corner, y: minimap.bottom + margin - top * k }] : []),
    ...(minimap.left < canvas.width / 2 ? [{ ...corner, x: minimap.right + margin - left * k }] : []),
  ].filter((v) => cards.every((c) => !overlaps(onScreen(c, v), minimap, GAP)));
  const shown = (v: View) =>
    cards.reduce((sum, c) => {
      const s = onScreen(c, v);
      const w = Math.min(s.right, canvas.width) - Math.max(s.left, 0);
      const h = Math.min(s.bottom, canvas.height) - Math.max(s.top, 0);
      return sum + Math.max(0, w) * Math.max(0, h);
    }, 0);
  return candidates.reduce((best, v) => (shown(v) > shown(best) + 1e-6 ? v : best), candidates[0] ?? corner);
}

/** The canvas beside the minimap (on its far side) and above or below it (likewise). */
function besideAndBelow(whole: Box, minimap: Box): Box[] {
  const leftSide = minimap.left + minimap.right < whole.right;
  const topSide = minimap.top + minimap.bottom < whole.bottom;
  return [
    leftSide ? { ...whole, left: minimap.right + GAP } : { ...whole, right: minimap.left - GAP },
    topSide ? { ...whole, top: minimap.bottom + GAP } : { ...whole, bottom: minimap.top - GAP },
  ];
}

function boundsOf(boxes: Box[]): Box {
  return {
    left: Math.min(...boxes.map((b) => b.left)),
    top: Math.min(...boxes.map((b) => b.top)),
    right: Math.max(...boxes.map((b) => b.right)),
    bottom: Math.max(...boxes.map((b) => b.bottom)),
  };
}

/** Centres `bounds` in `room`, zoomed to take `scale` of it, never above 100 %. */
function fitBox(bounds: Box, room: Box, scale: number): View {
  const width = Math.max(1, bounds.right - bounds.left);
  const height = Math.max(1, bounds.bottom - bounds.top);
  const k = Math.max(
    0.01,
    Math.min(1, (scale * (room.right - room.left)) / width, (scale * (room.bottom - room.top)) / height),
  );
  return {
    k,
    x: (room.left + room.right) / 2 - ((bounds.left + bounds.right) / 2) * k,
    y: (room.top + room.bottom) / 2 - ((bounds.top + bounds.bottom) / 2) * k,
  };
}

function onScreen(b: Box, v: View): Box {
  return {
    left: v.x + b.left * v.k,
    top: v.y + b.top * v.k,
    right: v.x + b.right * v.k,
    bottom: v.y + b.bottom * v.k,
  };
}

function overlaps(a: Box, b: Box, gap: number): boolean {
  return a.left < b.right + gap && b.left - gap < a.right && a.top < b.bottom + gap && b.top - gap < a.bottom;
}
