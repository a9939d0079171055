// Pure edits of the training set on the page's edit mode: add, move, remove, step. Base first. Three kinds of set:
// angles in degrees (circle, ellipse), offsets along a line (arena units), and the reader's own goals (points).
import { wrapDegrees } from '../core/angles';
import { POINTS_MIN_GOALS, POINTS_MIN_SEPARATION } from '../core/pointsFamily';
import { roundTo } from './urlFields';
import { POINT_BOUND, URL_SCHEMA } from './urlSchema';

/** An arrow key on a focused training goal. */
export type ArrowKey = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown';

/** The most training tasks a link carries. */
export const MAX_TASKS = URL_SCHEMA.train.maxLength;
/** Hereditary discovery needs the base task and at least one other. */
export const MIN_TASKS = 2;
/** Two training goals closer than this (degrees along the orbit) would be one task twice: an add there is refused. */
export const MIN_SEPARATION_DEG = 2;

/** Degrees wrapped to [0, 360) at the link's 0.01° precision. */
export function tidyDeg(deg: number): number {
  const r = Math.round(wrapDegrees(deg) * 100) / 100;
  return r >= 360 ? 0 : r;
}

/** How one kind of scalar training set is edited: angles (wrapped) or a line's offsets (within its range). */
export interface ScalarRules {
  periodic: boolean;
  minSeparation: number;
  /** A line's offsets whose goals stay inside the arena. */
  range?: [number, number];
  format(v: number): string;
}

export const DEGREE_RULES: ScalarRules = {
  periodic: true,
  minSeparation: MIN_SEPARATION_DEG,
  format: (v) => `${v}°`,
};

/** A line's offsets: 0.05 arena units apart at least (the reader's goals' separation), goals inside `range`. */
export const lineRules = (range: [number, number]): ScalarRules => ({
  periodic: false,
  minSeparation: POINTS_MIN_SEPARATION,
  range,
  format: (v) => `t = ${v}`,
});

const round2 = (x: number) => roundTo(x, 2);

function tidy(rules: ScalarRules, v: number): number {
  if (rules.periodic) return tidyDeg(v);
  const [lo, hi] = rules.range ?? [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY];
  // Rounded inward, so the rounded offset's goal stays inside the range.
  return round2(Math.min(Math.floor(hi * 100 + 1e-9) / 100, Math.max(Math.ceil(lo * 100 - 1e-9) / 100, v)));
}

function gap(rules: ScalarRules, a: number, b: number): number {
  if (!rules.periodic) return Math.abs(a - b);
  const d = Math.abs(wrapDegrees(a - b));
  return Math.min(d, 360 - d);
}

export type EditResult<T = number> =
  | { ok: true; train: T[]; selected: number | null }
  | { ok: false; reason: string };

/** A new training goal at `v` (appended after the others; the base stays first). */
export function addTask(train: readonly number[], v: number, rules: ScalarRules = DEGREE_RULES): EditResult {
  if (train.length >= MAX_TASKS) return { ok: false, reason: `at most ${MAX_TASKS} training tasks` };
  const at = tidy(rules, v);
  const near = train.find((t) => gap(rules, t, at) < rules.minSeparation);
  if (near !== undefined)
    return {
      ok: false,
      reason: `${rules.format(at)} is within ${rules.minSeparation}${rules.periodic ? '°' : ''} of the training task at ${rules.format(near)}`,
    };
  return { ok: true, train: [...train, at], selected: train.length };
}

/** Task `index` moved to `v` (the base too, when it is the one moved). */
export function moveTask(
  train: readonly number[],
  index: number,
  v: number,
  rules: ScalarRules = DEGREE_RULES,
): EditResult {
  if (index < 0 || index >= train.length) return { ok: false, reason: `no training task ${index}` };
  const out = [...train];
  out[index] = tidy(rules, v);
  return { ok: true, train: out, selected: index };
}

/** Task `index` removed; the base task cannot be removed, and `min` tasks always remain. */
export function removeTask<T>(train: readonly T[], index: number, min = MIN_TASKS): EditResult<T> {
  if (index === 0) return { ok: false, reason: 'the base task cannot be removed (move it instead)' };
  if (index < 0 || index >= train.length) return { ok: false, reason: `no training task ${index}` };
  if (train.length <= min)
    return {
      ok: false,
      reason:
        min === MIN_TASKS
          ? 'discovery needs the base task and at least one other'
          : `discovery needs the base goal and at least ${min - 1} others`,
    };
  const out = train.filter((_, i) => i !== index);
  return { ok: true, train: out, selected: Math.min(index, out.length - 1) };
}

/**
 * Where the keyboard's "add" puts a goal: the middle of the widest gap between training goals (round the circle),
 * or on a line one span's worth beyond the far end that has more room.
 */
export function widestGapMiddle(train: readonly number[], rules: ScalarRules = DEGREE_RULES): number {
  if (!rules.periodic) {
    const lo = Math.min(...train);
    const hi = Math.max(...train);
    const step = Math.max(0.3, (hi - lo) / Math.max(1, train.length - 1));
    const [rlo, rhi] = rules.range ?? [lo - step, hi + step];
    return tidy(rules, rhi - hi >= lo - rlo ? hi + step : lo - step);
  }
  const sorted = [...train].map(tidyDeg).sort((a, b) => a - b);
  if (sorted.length === 1) return tidyDeg(sorted[0] + 180);
  let best = { width: -1, middle: 0 };
  sorted.forEach((a, i) => {
    const b = i + 1 < sorted.length ? sorted[i + 1] : sorted[0] + 360;
    if (b - a > best.width) best = { width: b - a, middle: tidyDeg((a + b) / 2) };
  });
  return best.middle;
}

// The reader's own goals (family "points"): free points in the arena.

export type Point = [number, number];

const tidyPoint = (p: readonly number[]): Point => [
  round2(Math.max(-POINT_BOUND, Math.min(POINT_BOUND, p[0]))),
  round2(Math.max(-POINT_BOUND, Math.min(POINT_BOUND, p[1]))),
];

const showPoint = (p: readonly number[]) => `(${p[0]}, ${p[1]})`;

function tooClose(goals: readonly Point[], p: Point, except = -1): Point | undefined {
  return goals.find((g, i) => i !== except && Math.hypot(g[0] - p[0], g[1] - p[1]) < POINTS_MIN_SEPARATION);
}

/** A goal added at p (kept ±POINT_BOUND inside the arena); refused on top of another goal or past the limit. */
export function addPoint(goals: readonly Point[], p: readonly number[]): EditResult<Point> {
  const max = URL_SCHEMA.pts.maxLength;
  if (goals.length >= max) return { ok: false, reason: `at most ${max} goals` };
  const at = tidyPoint(p);
  const near = tooClose(goals, at);
  if (near)
    return {
      ok: false,
      reason: `${showPoint(at)} is within ${POINTS_MIN_SEPARATION} of the goal at ${showPoint(near)}`,
    };
  return { ok: true, train: [...goals, at], selected: goals.length };
}

/** Goal `index` moved to p; a move onto another goal is refused (two goals there would be one task twice). */
export function movePoint(goals: readonly Point[], index: number, p: readonly number[]): EditResult<Point> {
  if (index < 0 || index >= goals.length) return { ok: false, reason: `no goal ${index}` };
  const at = tidyPoint(p);
  const near = tooClose(goals, at, index);
  if (near)
    return {
      ok: false,
      reason: `${showPoint(at)} is within ${POINTS_MIN_SEPARATION} of the goal at ${showPoint(near)}`,
    };
  const out = goals.map((g): Point => [g[0], g[1]]);
  out[index] = at;
  return { ok: true, train: out, selected: index };
}

/** The reader's goals keep the base and two more (discovery's minimum). */
export const removePoint = (goals: readonly Point[], index: number): EditResult<Point> =>
  removeTask(goals, index, POINTS_MIN_GOALS);

/** Where the keyboard's "add" puts a goal: one step past the last goal, away from the one before it. */
export function nextPoint(goals: readonly Point[]): Point {
  const a = goals[goals.length - 2] ?? [0, 0];
  const b = goals[goals.length - 1];
  const d = Math.hypot(b[0] - a[0], b[1] - a[1]) || 1;
  return tidyPoint([b[0] + (0.5 * (b[0] - a[0])) / d, b[1] + (0.5 * (b[1] - a[1])) / d]);
}
