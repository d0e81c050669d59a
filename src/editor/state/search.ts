/**
 * Fuzzy node search over titles, types, categories and docs. Every word of the query must
 * match somewhere; word starts beat substrings beat scattered letters, titles beat docs.
 */

export interface Searchable {
  type: string;
  title: string;
  category: string;
  doc: string;
}

const FIELDS: { get: (s: Searchable) => string; weight: number }[] = [
  { get: (s) => s.title, weight: 4 },
  { get: (s) => s.type, weight: 3 },
  { get: (s) => s.category, weight: 2 },
  { get: (s) => s.doc, weight: 1 },
];

/** How well one query word matches one text: 0 when it does not. */
export function wordScore(word: string, text: string): number {
  const hay = text.toLowerCase();
  const at = hay.indexOf(word);
  if (at === 0) return 3;
  if (at > 0) return /[^a-z0-9]/.test(hay[at - 1]) ? 2.5 : 1.5;
  return subsequence(word, hay) ? 0.5 : 0;
}

function subsequence(word: string, hay: string): boolean {
  if (word.length < 3) return false; // two scattered letters match almost anything
  let i = 0;
  for (const ch of hay) if (ch === word[i] && ++i === word.length) return true;
  return false;
}

/** Items matching `query`, best first; all items (by category, then title) for an empty query. */
export function searchKinds<T extends Searchable>(items: readonly T[], query: string): T[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length)
    return [...items].sort((a, b) => a.category.localeCompare(b.category) || a.title.localeCompare(b.title));
  const scored: { item: T; score: number }[] = [];
  for (const item of items) {
    let total = 0;
    for (const word of words) {
      let best = 0;
      for (const field of FIELDS) {
        // Scattered letters only count in short fields; in a doc they match by chance.
        const score = wordScore(word, field.get(item));
        if (field.weight === 1 && score < 1) continue;
        best = Math.max(best, score * field.weight);
      }
      if (!best) {
        total = 0;
        break;
      }
      total += best;
    }
    if (total) scored.push({ item, score: total });
  }
  return scored
    .sort((a, b) => b.score - a.score || a.item.title.localeCompare(b.item.title))
    .map((s) => s.item);
}
