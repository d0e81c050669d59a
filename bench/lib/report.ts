/**
 * Results: one row per measured quantity (with its goal, when the issue sets one), printed as a
 * table and written to bench/results.json with the raw samples behind each number.
 */
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';

export interface Row {
  /** Issue 6 item: 'train', 'sample', 'memory', 'smooth', 'torch', 'editor', 'first'. */
  section: string;
  /** What was measured, e.g. "MLP b256 · graph ÷ careful". */
  name: string;
  /** Where: 'node/wasm', 'chromium/webgpu', … */
  where: string;
  value: number | string;
  unit: string;
  /** e.g. '≥ 1.0'; absent when the issue sets none. */
  goal?: string;
  pass?: boolean;
  /** Medians, spreads, counts: what a reader needs to judge the number. */
  detail?: string;
  raw?: unknown;
}

/** Prefix of the stdout lines a child process uses to hand its rows and notes to the parent. */
const WIRE = '@@bench ';

export class Report {
  readonly rows: Row[] = [];
  readonly notes: string[] = [];
  /** In a child process: also print each row for the parent to collect. */
  wire = false;

  add(row: Row): void {
    this.rows.push(row);
    console.log(`  ${formatRow(row)}`);
    if (this.wire) console.log(WIRE + JSON.stringify({ row }));
  }

  /** Takes a row or note printed by a child's Report (returns false for ordinary output). */
  collect(line: string): boolean {
    if (!line.startsWith(WIRE)) return false;
    const message = JSON.parse(line.slice(WIRE.length)) as { row?: Row; note?: string };
    if (message.row) this.rows.push(message.row);
    if (message.note) this.notes.push(message.note);
    return true;
  }

  /** A section that could not run (a kind not landed yet, no Chromium): said once, not hidden. */
  skip(section: string, where: string, why: string): void {
    this.add({ section, name: 'skipped', where, value: '—', unit: '', detail: why });
  }

  note(text: string): void {
    this.notes.push(text);
    console.log(`  note: ${text}`);
    if (this.wire) console.log(WIRE + JSON.stringify({ note: text }));
  }

  print(): void {
    const header = ['section', 'measure', 'where', 'value', 'goal', 'ok', 'detail'];
    const lines = this.rows.map((r) => [
      r.section,
      r.name,
      r.where,
      `${typeof r.value === 'number' ? fmt(r.value) : r.value} ${r.unit}`.trim(),
      r.goal ?? '',
      r.pass === undefined ? '' : r.pass ? 'yes' : 'NO',
      r.detail ?? '',
    ]);
    const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
    const line = (cells: string[]) =>
      cells
        .map((c, i) => c.padEnd(widths[i]))
        .join('  ')
        .trimEnd();
    console.log('\n' + line(header));
    console.log(widths.map((w) => '-'.repeat(w)).join('  '));
    for (const l of lines) console.log(line(l));
    for (const n of this.notes) console.log(`note: ${n}`);
  }

  write(path: string, options: Record<string, unknown>): void {
    const machine = { cpus: cpus().length, model: cpus()[0]?.model, node: process.version };
    const json = { date: new Date().toISOString(), machine, options, rows: this.rows, notes: this.notes };
    writeFileSync(path, JSON.stringify(json, null, 2) + '\n');
  }
}

export function fmt(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const magnitude = Math.abs(value);
  if (magnitude >= 100) return value.toFixed(0);
  if (magnitude >= 10) return value.toFixed(1);
  if (magnitude >= 0.01) return value.toFixed(2);
  return value.toPrecision(2);
}

function formatRow(r: Row): string {
  const value = typeof r.value === 'number' ? fmt(r.value) : r.value;
  const goal = r.goal ? ` (goal ${r.goal}: ${r.pass ? 'ok' : 'MISSED'})` : '';
  return `[${r.section}] ${r.name} @ ${r.where}: ${value} ${r.unit}${goal}${r.detail ? ` — ${r.detail}` : ''}`;
}
