// Pure edits of the training set on the page's edit mode: add, move, remove, step. Angles in degrees, base first.
import { wrapDegrees } from '../core/angles';
import { URL_SCHEMA } from './urlSchema';

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

const gap = (a: number, b: number) => {
  const d = Math.abs(wrapDegrees(a - b));
  return Math.min(d, 360 - d);
};

export type EditResult =
  | { ok: true; train: number[]; selected: number | null }
  | { ok: false; reason: string };

/** A new training goal at `deg` (appended after the others; the base stays first). */
export function addTask(train: readonly number[], deg: number): EditResult {
  if (train.length >= MAX_TASKS) return { ok: false, reason: `at most ${MAX_TASKS} training tasks` };
  const at = tidyDeg(deg);
  const near = train.find((t) => gap(t, at) < MIN_SEPARATION_DEG);
  if (near !== undefined)
    return { ok: false, reason: `${at}° is within ${MIN_SEPARATION_DEG}° of the training task at ${near}°` };
  return { ok: true, train: [...train, at], selected: train.length };
}

/** Task `index` moved to `deg` (the base too, when it is the one moved). */
export function moveTask(train: readonly number[], index: number, deg: number): EditResult {
  if (index < 0 || index >= train.length) return { ok: false, reason: `no training task ${index}` };
  const out = [...train];
  out[index] = tidyDeg(deg);
  return { ok: true, train: out, selected: index };
}

/** Task `index` removed; the base task cannot be removed, and two tasks always remain. */
export function removeTask(train: readonly number[], index: number): EditResult {
  if (index === 0) return { ok: false, reason: 'the base task cannot be removed (move it instead)' };
  if (index < 0 || index >= train.length) return { ok: false, reason: `no training task ${index}` };
  if (train.length <= MIN_TASKS)
    return { ok: false, reason: 'discovery needs the base task and at least one other' };
  const out = train.filter((_, i) => i !== index);
  return { ok: true, train: out, selected: Math.min(index, out.length - 1) };
}

/** Where the keyboard's "add" puts a goal: the middle of the widest gap between training goals. */
export function widestGapMiddle(train: readonly number[]): number {
  const sorted = [...train].map(tidyDeg).sort((a, b) => a - b);
  if (sorted.length === 1) return tidyDeg(sorted[0] + 180);
  let best = { width: -1, middle: 0 };
  sorted.forEach((a, i) => {
    const b = i + 1 < sorted.length ? sorted[i + 1] : sorted[0] + 360;
    if (b - a > best.width) best = { width: b - a, middle: tidyDeg((a + b) / 2) };
  });
  return best.middle;
}
