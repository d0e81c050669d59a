/**
 * Where a fit puts the graph: the largest zoom (at most 100 %) that shows every card in the
 * canvas with none under the minimap. The graph fills the whole canvas when its shape leaves
 * the minimap's corner empty, else the part beside or below the minimap.
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
    fitBox(bounds, { ...whole, left: minimap.right + GAP }, scale),
    fitBox(bounds, { ...whole, top: minimap.bottom + GAP }, scale),
  ].filter(clear);
  // Beside and below always clear it; the whole canvas wins ties.
  return candidates.reduce((best, v) => (v.k > best.k + 1e-9 ? v : best), candidates[0] ?? full);
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
