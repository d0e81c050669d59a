/**
 * Param declarations: declared once on a node kind, they drive validation, defaults,
 * the editor's controls and the docs. Plain data — no tfjs, no DOM.
 */
import type { Json } from './types';

interface ParamBase<K extends string, V> {
  readonly kind: K;
  readonly default: V;
  /** One sentence shown on hover in the editor and in the docs. */
  readonly doc: string;
  /** Short label; defaults to the param's key. */
  readonly label?: string;
}

export interface NumberParam extends ParamBase<'number', number> {
  readonly min: number;
  readonly max: number;
  readonly step?: number;
  /** Show and edit on a log scale (sigmas, learning rates). */
  readonly log?: boolean;
}
export interface IntegerParam extends ParamBase<'integer', number> {
  readonly min: number;
  readonly max: number;
}
/** A number, or the string 'auto' meaning "let the science choose" (Technique 1 or 4). */
export interface NumberOrAutoParam extends ParamBase<'numberOrAuto', number | 'auto'> {
  readonly min: number;
  readonly max: number;
  readonly log?: boolean;
  readonly autoDoc: string;
}
export type BooleanParam = ParamBase<'boolean', boolean>;
export interface ChoiceParam<T extends string = string> extends ParamBase<'choice', T> {
  readonly options: readonly T[];
  /** Per-option explanation shown in the editor; a warning is shown when chosen. */
  readonly optionDocs?: Readonly<Partial<Record<T, string>>>;
  readonly warnings?: Readonly<Partial<Record<T, string>>>;
}
export type DigitsParam = ParamBase<'digits', number[]>;
export interface RangeParam extends ParamBase<'range', [number, number]> {
  readonly min: number;
  readonly max: number;
}
export interface TextParam extends ParamBase<'text', string> {
  readonly maxLength: number;
}
export interface MixtureComponent {
  mean: number[];
  std: number;
  weight: number;
}
export interface ComponentsParam extends ParamBase<'components', MixtureComponent[]> {
  readonly dims: number;
  readonly maxItems: number;
}
/** User images as data URLs (PNG/JPEG), dropped onto the node. */
export interface ImagesParam extends ParamBase<'images', string[]> {
  readonly maxItems: number;
}

export type ParamSpec =
  | NumberParam
  | IntegerParam
  | NumberOrAutoParam
  | BooleanParam
  | ChoiceParam
  | DigitsParam
  | RangeParam
  | TextParam
  | ComponentsParam
  | ImagesParam;

type Opts<P extends ParamSpec> = Omit<P, 'kind'>;

export const number = (o: Opts<NumberParam>): NumberParam => ({ kind: 'number', ...o });
export const integer = (o: Opts<IntegerParam>): IntegerParam => ({ kind: 'integer', ...o });
export const numberOrAuto = (o: Opts<NumberOrAutoParam>): NumberOrAutoParam => ({
  kind: 'numberOrAuto',
  ...o,
});
export const boolean = (o: Opts<BooleanParam>): BooleanParam => ({ kind: 'boolean', ...o });
export const choice = <T extends string>(o: Opts<ChoiceParam<T>>): ChoiceParam<T> => ({
  kind: 'choice',
  ...o,
});
export const digits = (o: Opts<DigitsParam>): DigitsParam => ({ kind: 'digits', ...o });
export const range = (o: Opts<RangeParam>): RangeParam => ({ kind: 'range', ...o });
export const text = (o: Opts<TextParam>): TextParam => ({ kind: 'text', ...o });
export const components = (o: Opts<ComponentsParam>): ComponentsParam => ({ kind: 'components', ...o });
export const images = (o: Opts<ImagesParam>): ImagesParam => ({ kind: 'images', ...o });

/** The TypeScript value type a param spec produces. */
export type ParamValue<P extends ParamSpec> = P['default'];
export type ParamValues<Ps extends Record<string, ParamSpec>> = { [K in keyof Ps]: ParamValue<Ps[K]> };

const fmt = (n: number) =>
  Math.abs(n) >= 1e4 || (Math.abs(n) < 1e-3 && n !== 0) ? n.toExponential() : String(n);
const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function checkRange(v: number, min: number, max: number): string | null {
  return v < min || v > max ? `must be between ${fmt(min)} and ${fmt(max)} (got ${fmt(v)})` : null;
}

/**
 * Checks one param value against its declaration. Returns a message (without the param's
 * name, the caller adds context) or null when the value is fine.
 */
export function checkParam(spec: ParamSpec, value: Json | undefined): string | null {
  switch (spec.kind) {
    case 'number':
      if (!isFiniteNumber(value)) return `must be a number (got ${describe(value)})`;
      return checkRange(value, spec.min, spec.max);
    case 'integer':
      if (!isFiniteNumber(value) || !Number.isInteger(value))
        return `must be a whole number (got ${describe(value)})`;
      return checkRange(value, spec.min, spec.max);
    case 'numberOrAuto':
      if (value === 'auto') return null;
      if (!isFiniteNumber(value)) return `must be a number or "auto" (got ${describe(value)})`;
      return checkRange(value, spec.min, spec.max);
    case 'boolean':
      return typeof value === 'boolean' ? null : `must be true or false (got ${describe(value)})`;
    case 'choice':
      return typeof value === 'string' && spec.options.includes(value)
        ? null
        : `must be one of ${spec.options.map((o) => `"${o}"`).join(', ')} (got ${describe(value)})`;
    case 'digits': {
      if (!Array.isArray(value) || value.length === 0) return 'must be a non-empty list of digits 0–9';
      const bad = value.find((d) => !isFiniteNumber(d) || !Number.isInteger(d) || d < 0 || d > 9);
      if (bad !== undefined) return `must contain only digits 0–9 (got ${describe(bad)})`;
      return new Set(value).size === value.length ? null : 'must not repeat a digit';
    }
    case 'range': {
      if (!Array.isArray(value) || value.length !== 2 || !value.every(isFiniteNumber))
        return 'must be a pair of numbers [low, high]';
      const [lo, hi] = value as number[];
      if (lo >= hi) return `low must be below high (got [${fmt(lo)}, ${fmt(hi)}])`;
      return checkRange(lo, spec.min, spec.max) ?? checkRange(hi, spec.min, spec.max);
    }
    case 'text':
      if (typeof value !== 'string') return `must be text (got ${describe(value)})`;
      return value.length > spec.maxLength ? `must be at most ${spec.maxLength} characters` : null;
    case 'components':
      return checkComponents(spec, value);
    case 'images': {
      if (!Array.isArray(value)) return 'must be a list of images';
      if (value.length > spec.maxItems) return `must hold at most ${spec.maxItems} images`;
      const bad = value.findIndex((s) => typeof s !== 'string' || !/^data:image\/(png|jpeg);base64,/.test(s));
      return bad >= 0 ? `image ${bad + 1} is not a PNG or JPEG data URL` : null;
    }
  }
}

function checkComponents(spec: ComponentsParam, value: Json | undefined): string | null {
  if (!Array.isArray(value) || value.length === 0) return 'must be a non-empty list of components';
  if (value.length > spec.maxItems) return `must hold at most ${spec.maxItems} components`;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    const where = `component ${i + 1}`;
    if (c === null || typeof c !== 'object' || Array.isArray(c))
      return `${where} must be { mean, std, weight }`;
    const extra = Object.keys(c).filter((k) => !['mean', 'std', 'weight'].includes(k));
    if (extra.length) return `${where} has unknown field "${extra[0]}"`;
    const { mean, std, weight } = c;
    if (!Array.isArray(mean) || mean.length !== spec.dims || !mean.every(isFiniteNumber))
      return `${where}: mean must be ${spec.dims} numbers`;
    if (!isFiniteNumber(std) || std <= 0 || std > 1e3) return `${where}: std must be a number in (0, 1000]`;
    if (!isFiniteNumber(weight) || weight <= 0) return `${where}: weight must be a positive number`;
  }
  return null;
}

function describe(value: Json | undefined): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return `"${value.length > 40 ? value.slice(0, 40) + '…' : value}"`;
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return String(value);
}

/** A readable one-line description of the allowed values (docs, hover text). */
export function describeAllowed(spec: ParamSpec): string {
  switch (spec.kind) {
    case 'number':
    case 'integer':
      return `${spec.kind === 'integer' ? 'whole number' : 'number'} in [${fmt(spec.min)}, ${fmt(spec.max)}]`;
    case 'numberOrAuto':
      return `"auto" or a number in [${fmt(spec.min)}, ${fmt(spec.max)}]`;
    case 'boolean':
      return 'true or false';
    case 'choice':
      return spec.options.join(' | ');
    case 'digits':
      return 'digits 0–9';
    case 'range':
      return `[low, high] within [${fmt(spec.min)}, ${fmt(spec.max)}]`;
    case 'text':
      return `text up to ${spec.maxLength} characters`;
    case 'components':
      return `list of { mean[${spec.dims}], std, weight }`;
    case 'images':
      return `up to ${spec.maxItems} PNG/JPEG images`;
  }
}
