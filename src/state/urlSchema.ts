// The one schema of shareable settings: each field's type, range and default; pure parseHash/formatHash.
import { radToDeg } from '../core/angles';
import { DEFAULT_CONFIG } from '../core/experimentConfig';
import { PAPER_TRAIN_ANGLES } from '../core/families';
import { POINTS_MIN_GOALS, POINTS_MIN_SEPARATION } from '../core/pointsFamily';
import { BACKEND_ORDER } from '../protocol/backend';
import {
  bool,
  describeDefault,
  type EnumListField,
  type FieldSpec,
  formatValue,
  int,
  type NumberListField,
  num,
  oneOf,
  type Parsed,
  type PointListField,
  parseField,
  quote,
} from './urlFields';

export type {
  BoolField,
  EnumField,
  EnumListField,
  FieldSpec,
  IntField,
  NumberField,
  NumberListField,
  Parsed,
  PointListField,
} from './urlFields';

/** The reader's goals stay this far inside the arena's wall (5): a goal on the wall cannot be reached well. */
export const POINT_BOUND = 4.5;
/**
 * The first screen of "my goals": four goals exactly on the unit circle (at two decimals), near the paper's four
 * training angles, so the reader starts from a set that is hereditary and can break it.
 */
export const DEFAULT_POINTS: readonly (readonly [number, number])[] = [
  [-0.6, 0.8],
  [0.96, -0.28],
  [-0.28, -0.96],
  [-0.8, -0.6],
];
/** A line family's default training offsets (base first): a short span, so most test goals lie beyond it. */
export const DEFAULT_LINE_OFFSETS: readonly number[] = [0, 0.3, 0.6];

/** Radians → degrees at the link's 0.01° precision. */
const toDeg = (rad: number): number => Math.round(radToDeg(rad) * 100) / 100;

/** Every shareable field, declared once. Keys are the link's keys. Angles are in degrees. */
export const URL_SCHEMA = {
  family: oneOf('task family', ['circle', 'ellipse', 'line', 'points'], 'circle'),
  /** The centre of a circle or ellipse. */
  cx: num('centre x', -3, 3, 0),
  cy: num('centre y', -3, 3, 0),
  radius: num('circle radius', 0.1, 3, 1),
  alpha: num('ellipse semi-axis α', 0.1, 3, 0.7),
  beta: num('ellipse semi-axis β', 0.1, 3, 0.9),
  tilt: num('ellipse tilt ψ (°)', -180, 180, 0, 2),
  reward: oneOf('ellipse reward', ['pushforward', 'euclidean'], 'pushforward'),
  /** A line family's origin o = g(0), off the start, and its direction: goals g(t) = o + t·(cos dir, sin dir). */
  ox: num('line origin x', -3, 3, -0.5),
  oy: num('line origin y', -3, 3, -0.3),
  dir: num('line direction (°)', -180, 180, 20, 2),
  /** The reader's own goals (family "points"), the base first. */
  pts: {
    kind: 'pointList',
    label: 'my goals',
    bound: POINT_BOUND,
    digits: 2,
    minLength: POINTS_MIN_GOALS,
    maxLength: 16,
    minSeparation: POINTS_MIN_SEPARATION,
    default: DEFAULT_POINTS,
  } satisfies PointListField,
  /** Training tasks, base first: angles (°) on a circle or ellipse, offsets t (arena units) on a line. */
  train: {
    kind: 'numberList',
    label: 'training task angles (°), or a line’s offsets',
    min: -360,
    max: 360,
    digits: 2,
    minLength: 1,
    maxLength: 16,
    default: PAPER_TRAIN_ANGLES.map(toDeg),
  } satisfies NumberListField,
  goal: num('test goal angle (°)', 0, 360, 90, 1),
  /** The test goal's offset on a line family (arena units). */
  t: num('test goal offset t', -10, 10, -2, 2),
  /** The test goal of the reader's own goals (family "points"). */
  gx: num('test goal x', -POINT_BOUND, POINT_BOUND, 0, 2),
  gy: num('test goal y', -POINT_BOUND, POINT_BOUND, 1, 2),
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

type FieldValue<F> = F extends { kind: 'pointList' }
  ? [number, number][]
  : F extends { kind: 'enum'; values: readonly (infer V)[] }
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
    out[k] = Array.isArray(d) ? d.map((x: unknown) => (Array.isArray(x) ? [...x] : x)) : d;
  }
  return out as UrlState;
}

/** A value shown in a message: quoted, control characters dropped, at most 32 characters. */
/** Parse one field's raw text (as typed in a control) with the link's rules. */
export function parseFieldValue(field: UrlField, raw: string): Parsed {
  return parseField(URL_SCHEMA[field], raw);
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
  return { state: lineChecked(state as UrlState, seen, errors), errors };
}

/** The goal o + t·d of a line family given by the settings. */
export function lineGoal(s: Pick<UrlState, 'ox' | 'oy' | 'dir'>, t: number): [number, number] {
  const a = (s.dir * Math.PI) / 180;
  return [s.ox + t * Math.cos(a), s.oy + t * Math.sin(a)];
}

/** Whether the line's goal at offset t stays inside the arena (±POINT_BOUND): the link, the switch and the form ask. */
export function lineGoalInside(s: Pick<UrlState, 'ox' | 'oy' | 'dir'>, t: number): boolean {
  const g = lineGoal(s, t);
  return Math.abs(g[0]) <= POINT_BOUND && Math.abs(g[1]) <= POINT_BOUND;
}

/**
 * A line family reads `train` as offsets in arena units: absent, they are the line's defaults (not the circle's
 * angles); an offset or test offset whose goal leaves the arena (±POINT_BOUND) is reported and replaced.
 */
function lineChecked(state: UrlState, seen: ReadonlySet<UrlField>, errors: LinkError[]): UrlState {
  if (state.family !== 'line') return state;
  if (!seen.has('train')) state.train = [...DEFAULT_LINE_OFFSETS];
  const outside = state.train.find((t) => !lineGoalInside(state, t));
  if (outside !== undefined) {
    errors.push({
      field: 'train',
      message: `train (line offsets): the offset ${outside} puts a goal outside the arena (±${POINT_BOUND}); using ${DEFAULT_LINE_OFFSETS.join(', ')}`,
    });
    state.train = [...DEFAULT_LINE_OFFSETS];
  }
  if (!lineGoalInside(state, state.t)) {
    errors.push({
      field: 't',
      message: `t (${URL_SCHEMA.t.label}): ${state.t} puts the test goal outside the arena (±${POINT_BOUND}); using 0, the line's origin`,
    });
    state.t = 0;
  }
  return state;
}

/** Serialise every field in schema order, e.g. "#family=circle&cx=0&…". */
export function formatHash(state: UrlState): string {
  return '#' + FIELDS.map((k) => `${k}=${formatValue(URL_SCHEMA[k], state[k])}`).join('&');
}
