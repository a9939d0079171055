// The one schema of shareable settings: each field's type, range and default; pure parseHash/formatHash.
import { radToDeg } from '../core/angles';
import { DEFAULT_CONFIG } from '../core/experimentConfig';
import { PAPER_TRAIN_ANGLES } from '../core/families';
import { BACKEND_ORDER } from '../protocol/backend';

interface FieldBase {
  /** Short human label used in error messages and controls. */
  label: string;
}
export interface NumberField extends FieldBase {
  kind: 'number';
  min: number;
  max: number;
  /** Decimal places kept in the link. */
  digits: number;
  default: number;
}
export interface IntField extends FieldBase {
  kind: 'int';
  min: number;
  max: number;
  default: number;
}
export interface EnumField<V extends string> extends FieldBase {
  kind: 'enum';
  values: readonly V[];
  default: V;
}
export interface BoolField extends FieldBase {
  kind: 'bool';
  default: boolean;
}
export interface NumberListField extends FieldBase {
  kind: 'numberList';
  min: number;
  max: number;
  digits: number;
  minLength: number;
  maxLength: number;
  default: readonly number[];
}
export interface EnumListField<V extends string> extends FieldBase {
  kind: 'enumList';
  values: readonly V[];
  maxLength: number;
  default: readonly V[];
}
export type FieldSpec =
  | NumberField
  | IntField
  | EnumField<string>
  | BoolField
  | NumberListField
  | EnumListField<string>;

const num = (label: string, min: number, max: number, def: number, digits = 3): NumberField => ({
  kind: 'number',
  label,
  min,
  max,
  digits,
  default: def,
});
const int = (label: string, min: number, max: number, def: number): IntField => ({
  kind: 'int',
  label,
  min,
  max,
  default: def,
});
const oneOf = <const V extends string>(label: string, values: readonly V[], def: V): EnumField<V> => ({
  kind: 'enum',
  label,
  values,
  default: def,
});
const bool = (label: string, def: boolean): BoolField => ({ kind: 'bool', label, default: def });

/** Radians → degrees at the link's 0.01° precision. */
const toDeg = (rad: number): number => Math.round(radToDeg(rad) * 100) / 100;

/** Every shareable field, declared once. Keys are the link's keys. Angles are in degrees. */
export const URL_SCHEMA = {
  family: oneOf('task family', ['circle', 'ellipse'], 'circle'),
  cx: num('centre x', -3, 3, 0),
  cy: num('centre y', -3, 3, 0),
  radius: num('circle radius', 0.1, 3, 1),
  alpha: num('ellipse semi-axis α', 0.1, 3, 0.7),
  beta: num('ellipse semi-axis β', 0.1, 3, 0.9),
  tilt: num('ellipse tilt ψ (°)', -180, 180, 0, 2),
  reward: oneOf('ellipse reward', ['pushforward', 'euclidean'], 'pushforward'),
  train: {
    kind: 'numberList',
    label: 'training task angles (°)',
    min: -360,
    max: 360,
    digits: 2,
    minLength: 1,
    maxLength: 16,
    default: PAPER_TRAIN_ANGLES.map(toDeg),
  } satisfies NumberListField,
  goal: num('test goal angle (°)', 0, 360, 90, 1),
  constraint: oneOf('action constraint', ['disk', 'box'], 'disk'),
  K: int('context size K', 1, 256, DEFAULT_CONFIG.context),
  // Defaults come from the experiment config, so the default link matches the shipped pretrained run.
  seed: int('seed', 0, 2_147_483_647, DEFAULT_CONFIG.seed),
  episodes: int('episodes per score', 1, 64, DEFAULT_CONFIG.episodes),
  /** Training budget of a live run; 'smoke' is a tiny test budget (labelled on screen, not science). */
  budget: oneOf('training budget', ['quick', 'full', 'smoke'], 'quick'),
  backend: {
    kind: 'enumList',
    label: 'backend override',
    values: BACKEND_ORDER,
    maxLength: BACKEND_ORDER.length,
    default: [],
  } satisfies EnumListField<(typeof BACKEND_ORDER)[number]>,
  paths: bool('show rollout paths', true),
  training: bool('show training goals', true),
  frames: bool('show kernel frames', false),
} as const satisfies Record<string, FieldSpec>;

export type UrlSchema = typeof URL_SCHEMA;
export type UrlField = keyof UrlSchema;

type FieldValue<F> = F extends { kind: 'enum'; values: readonly (infer V)[] }
  ? V
  : F extends { kind: 'enumList'; values: readonly (infer V)[] }
    ? V[]
    : F extends { kind: 'bool' }
      ? boolean
      : F extends { kind: 'numberList' }
        ? number[]
        : number;

/** The shareable state: one typed value per schema field. */
export type UrlState = { -readonly [K in UrlField]: FieldValue<UrlSchema[K]> };

export interface LinkError {
  /** Schema key, or 'link' for problems with the link as a whole. */
  field: string;
  message: string;
}

/** Longer links are ignored as a whole (no parsing work proportional to hostile input). */
export const MAX_HASH_LENGTH = 2048;
const MAX_PAIRS = 64;
const FIELDS = Object.keys(URL_SCHEMA) as UrlField[];

export function defaultUrlState(): UrlState {
  const out: Record<string, unknown> = {};
  for (const k of FIELDS) {
    const d = URL_SCHEMA[k].default;
    out[k] = Array.isArray(d) ? [...d] : d;
  }
  return out as UrlState;
}

/** A value shown in a message: quoted, control characters dropped, at most 32 characters. */
function quote(raw: string): string {
  const clean = Array.from(raw)
    .filter((c) => c >= ' ' && c !== '\u007f')
    .join('');
  return JSON.stringify(clean.length > 32 ? clean.slice(0, 32) + '…' : clean);
}

const NUMBER_PATTERN = /^[+-]?(\d{1,12}(\.\d{0,12})?|\.\d{1,12})([eE][+-]?\d{1,3})?$/;
const INT_PATTERN = /^[+-]?\d{1,12}$/;

const roundTo = (x: number, digits: number): number => {
  const f = 10 ** digits;
  const r = Math.round(x * f) / f;
  return Object.is(r, -0) ? 0 : r;
};

export type Parsed = { ok: true; value: unknown } | { ok: false; reason: string };

function parseNumber(raw: string, min: number, max: number, digits: number, integer: boolean): Parsed {
  if (!(integer ? INT_PATTERN : NUMBER_PATTERN).test(raw)) {
    return { ok: false, reason: `${quote(raw)} is not ${integer ? 'a whole number' : 'a number'}` };
  }
  const x = Number(raw);
  if (!Number.isFinite(x) || x < min || x > max) {
    return { ok: false, reason: `${quote(raw)} is outside [${min}, ${max}]` };
  }
  return { ok: true, value: integer ? x : roundTo(x, digits) };
}

function parseField(spec: FieldSpec, raw: string): Parsed {
  switch (spec.kind) {
    case 'number':
      return parseNumber(raw, spec.min, spec.max, spec.digits, false);
    case 'int':
      return parseNumber(raw, spec.min, spec.max, 0, true);
    case 'bool':
      if (raw === '1' || raw === 'true') return { ok: true, value: true };
      if (raw === '0' || raw === 'false') return { ok: true, value: false };
      return { ok: false, reason: `${quote(raw)} is not 0 or 1` };
    case 'enum':
      return spec.values.includes(raw)
        ? { ok: true, value: raw }
        : { ok: false, reason: `${quote(raw)} is not one of ${spec.values.join(', ')}` };
    case 'numberList': {
      const parts = raw === '' ? [] : raw.split(',', spec.maxLength + 1);
      if (parts.length < spec.minLength || parts.length > spec.maxLength) {
        return { ok: false, reason: `needs ${spec.minLength} to ${spec.maxLength} comma-separated numbers` };
      }
      const values: number[] = [];
      for (const p of parts) {
        const r = parseNumber(p, spec.min, spec.max, spec.digits, false);
        if (!r.ok) return r;
        values.push(r.value as number);
      }
      return { ok: true, value: values };
    }
    case 'enumList': {
      if (raw === '' || raw === 'auto') return { ok: true, value: [] };
      const parts = raw.split(',', spec.maxLength + 1);
      if (parts.length > spec.maxLength) return { ok: false, reason: `at most ${spec.maxLength} entries` };
      const bad = parts.find((p) => !spec.values.includes(p));
      if (bad !== undefined) {
        return { ok: false, reason: `${quote(bad)} is not one of ${spec.values.join(', ')}` };
      }
      return { ok: true, value: [...new Set(parts)] };
    }
  }
}

/** Parse one field's raw text (as typed in a control) with the link's rules. */
export function parseFieldValue(field: UrlField, raw: string): Parsed {
  return parseField(URL_SCHEMA[field], raw);
}

function describeDefault(spec: FieldSpec): string {
  const d = spec.default;
  if (Array.isArray(d)) return d.length === 0 ? 'none' : d.join(', ');
  return String(d);
}

const isField = (key: string): key is UrlField => Object.hasOwn(URL_SCHEMA, key);

/**
 * Parse a location hash. Never throws: every bad field keeps its default and yields one message
 * naming it; unknown keys and repeated keys are reported and ignored.
 */
export function parseHash(hash: string): { state: UrlState; errors: LinkError[] } {
  const state = defaultUrlState() as Record<UrlField, unknown>;
  const errors: LinkError[] = [];
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  if (body.length === 0) return { state: state as UrlState, errors };
  if (body.length > MAX_HASH_LENGTH) {
    errors.push({
      field: 'link',
      message: `link is ${body.length} characters long (limit ${MAX_HASH_LENGTH}); ignored, all settings at defaults`,
    });
    return { state: state as UrlState, errors };
  }
  const pairs = body.split('&', MAX_PAIRS + 1);
  if (pairs.length > MAX_PAIRS) {
    errors.push({ field: 'link', message: `more than ${MAX_PAIRS} fields; the rest were ignored` });
    pairs.length = MAX_PAIRS;
  }
  const seen = new Set<UrlField>();
  for (const pair of pairs) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const rawKey = eq < 0 ? pair : pair.slice(0, eq);
    let key: string;
    let value: string;
    try {
      key = decodeURIComponent(rawKey);
      value = eq < 0 ? '' : decodeURIComponent(pair.slice(eq + 1));
    } catch {
      errors.push({
        field: isField(rawKey) ? rawKey : 'link',
        message: `${quote(pair)} is not valid URL encoding`,
      });
      continue;
    }
    if (!isField(key)) {
      errors.push({ field: 'link', message: `unknown field ${quote(key)} ignored` });
      continue;
    }
    if (seen.has(key)) {
      errors.push({
        field: key,
        message: `${key} (${URL_SCHEMA[key].label}) given twice; the first is used`,
      });
      continue;
    }
    seen.add(key);
    const spec: FieldSpec = URL_SCHEMA[key];
    const parsed = parseField(spec, value);
    if (parsed.ok) state[key] = parsed.value;
    else {
      errors.push({
        field: key,
        message: `${key} (${spec.label}): ${parsed.reason}; using the default ${describeDefault(spec)}`,
      });
    }
  }
  return { state: state as UrlState, errors };
}

function formatValue(spec: FieldSpec, value: unknown): string {
  switch (spec.kind) {
    case 'number':
      return String(roundTo(value as number, spec.digits));
    case 'int':
      return String(Math.round(value as number));
    case 'bool':
      return value ? '1' : '0';
    case 'enum':
      return encodeURIComponent(value as string);
    case 'numberList':
      return (value as number[]).map((x) => String(roundTo(x, spec.digits))).join(',');
    case 'enumList':
      return (value as string[]).length === 0 ? 'auto' : (value as string[]).join(',');
  }
}

/** Serialise every field in schema order, e.g. "#family=circle&cx=0&…". */
export function formatHash(state: UrlState): string {
  return '#' + FIELDS.map((k) => `${k}=${formatValue(URL_SCHEMA[k], state[k])}`).join('&');
}
