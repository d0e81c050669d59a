/** Turns a JSON.parse error into a message with line and column. */

export function describeJsonError(text: string, error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  const m = /position (\d+)/.exec(raw);
  const detail = raw
    .replace(/^JSON\.parse: /, '')
    .replace(/ in JSON at position \d+.*$/, '')
    .replace(/\s*\(line \d+ column \d+\)$/, '');
  if (!m) return `The file is not valid JSON: ${detail}.`;
  const pos = Number(m[1]);
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  const column = pos - before.lastIndexOf('\n');
  return `The file is not valid JSON: ${detail} at line ${line}, column ${column}.`;
}
