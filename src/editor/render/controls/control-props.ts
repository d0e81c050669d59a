/** What every param control template gets: its declaration, the value, and how to commit a change. */
import type { Json, ParamSpec } from '../../../graph';

export interface ControlProps<S extends ParamSpec = ParamSpec> {
  spec: S;
  value: Json;
  /** Element id for the control (the label points at it). */
  id: string;
  invalid: boolean;
  /** One undoable edit. */
  commit(value: Json): void;
  /** A value shown while a slider is dragged, before it is committed. */
  preview: Json | undefined;
  setPreview(value: Json | undefined): void;
}

/** Compact number text: 0.001, 1e-7, 2000, 0.1235. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value !== 0 && (Math.abs(value) < 1e-4 || Math.abs(value) >= 1e6)) return value.toExponential();
  return String(Number(value.toPrecision(6)));
}

/** A number typed in an input, or null when the text is not one. */
export function parseNumber(text: string): number | null {
  if (!text.trim()) return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}
