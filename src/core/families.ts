// Task families as data (ALGORITHM.md §3): circles, ellipses in two reward variants, lines, the reader's own goals.
import { radToDeg, wrapAngle } from './angles';
import { DEFAULT_ENV, euclideanTask, type Task } from './env';
import { IDENTITY2, inv2, type Mat2, matmul2, rot2 } from './linalg';
import { pointOnPolyline, polylineOffsets } from './pointsFamily';
import { Rng } from './rng';
import type { Vec2 } from './vec';

export interface CircleFamily {
  kind: 'circle';
  center: Vec2;
  radius: number;
}

export type EllipseReward = 'pushforward' | 'euclidean';

export interface EllipseFamily {
  kind: 'ellipse';
  center: Vec2;
  /** Semi-axes (α, β) before the tilt. */
  axes: Vec2;
  /** Tilt ψ in radians. */
  tilt: number;
  reward: EllipseReward;
}

/** Goals g(t) = o + t·d on a line (not in the paper): tasks related by translations, t ∈ ℝ in arena units. */
export interface LineFamily {
  kind: 'line';
  /** o = g(0). */
  origin: Vec2;
  /** Angle of the unit direction d, in radians. */
  direction: number;
}

/**
 * The reader's own goals, the first the base, each with the Euclidean reward −‖s' − g‖ (not in the paper). Whether they
 * lie on one orbit (a circle: rotations; a line: translations) is for discovery to say. As a curve: the polyline
 * through the goals in the order given, t its arc length from the base goal (arena units).
 */
export interface PointsFamily {
  kind: 'points';
  goals: Vec2[];
}

/** Families whose orbit is a closed curve, parameterised by an angle φ ∈ [0, 2π). */
export type PeriodicFamily = CircleFamily | EllipseFamily;
export type TaskFamily = PeriodicFamily | LineFamily | PointsFamily;

/** Periodic families measure t in radians (degrees at the edges); a line and a points family in arena units. */
export const isPeriodicFamily = (f: TaskFamily): f is PeriodicFamily =>
  f.kind === 'circle' || f.kind === 'ellipse';

/** The unit of the orbit parameter and of distances along the orbit, as reported. */
export type FamilyUnit = 'deg' | 'arena';
export const familyUnit = (f: TaskFamily): FamilyUnit => (isPeriodicFamily(f) ? 'deg' : 'arena');

/** The family's reference point: a periodic family's centre, a line's origin o = g(0), a points family's base goal. */
export const familyCentre = (f: TaskFamily): Vec2 =>
  f.kind === 'line' ? f.origin : f.kind === 'points' ? f.goals[0] : f.center;

/** d = (cos, sin) of the line's direction. */
export const lineDirection = (f: LineFamily): [number, number] => [
  Math.cos(f.direction),
  Math.sin(f.direction),
];

export const DEFAULT_FAMILY: CircleFamily = { kind: 'circle', center: [0, 0], radius: 1 };

/** The linear shape map C with g(φ) = c + C (cos φ, sin φ) (periodic families only; a line has none). */
export function familyShape(family: TaskFamily): Mat2 {
  if (family.kind === 'line' || family.kind === 'points')
    throw new Error(`familyShape: a ${family.kind} family has no shape map`);
  if (family.kind === 'circle') return [family.radius, 0, 0, family.radius];
  return matmul2(rot2(family.tilt), [family.axes[0], 0, 0, family.axes[1]]);
}

/** The goal at orbit parameter t: the angle φ (radians) of a periodic family, the offset of a line, arc length on points. */
export function goalAt(family: TaskFamily, phi: number): Vec2 {
  if (family.kind === 'points') return pointOnPolyline(family.goals, phi);
  if (family.kind === 'line') {
    const d = lineDirection(family);
    return [family.origin[0] + phi * d[0], family.origin[1] + phi * d[1]];
  }
  const c = familyShape(family);
  const u = Math.cos(phi);
  const v = Math.sin(phi);
  return [family.center[0] + c[0] * u + c[1] * v, family.center[1] + c[2] * u + c[3] * v];
}

/** The MDP of the task at angle φ; for the pushed-forward ellipse the metric is C⁻¹ (reward −‖C⁻¹(s' − g)‖). */
export function taskAt(family: TaskFamily, phi: number): Task {
  const goal = goalAt(family, phi);
  if (family.kind !== 'ellipse' || family.reward === 'euclidean') return euclideanTask(goal);
  const metricInv = familyShape(family);
  return { goal, metric: inv2(metricInv), metricInv };
}

export const isEuclidean = (task: Task): boolean => task.metric.every((v, i) => v === IDENTITY2[i]);

/** The ref code's four goals on the unit circle (numpy seed 42), base first, in radians. */
export const PAPER_TRAIN_ANGLES: readonly number[] = [2.3533, -0.3097, -1.6839, -2.5217];

export type TrainingSpec =
  | { kind: 'angles'; angles: readonly number[] }
  /** Line families: offsets t_i in arena units, base first (never wrapped). */
  | { kind: 'offsets'; offsets: readonly number[] }
  | { kind: 'sampled'; baseAngle: number; count: number; seed: number }
  | { kind: 'spread'; baseAngle: number; count: number };

/** Training task parameters, base first: angles (radians) or a line's offsets. `count` counts the tasks besides the base. */
export function trainingAngles(spec: TrainingSpec): number[] {
  if (spec.kind === 'offsets') {
    if (spec.offsets.length < 1) throw new Error('training offsets: need at least the base offset');
    return spec.offsets.slice();
  }
  if (spec.kind === 'angles') {
    if (spec.angles.length < 1) throw new Error('training angles: need at least the base angle');
    return spec.angles.map(wrapAngle);
  }
  if (spec.kind === 'spread') {
    const n = spec.count + 1;
    return Array.from({ length: n }, (_, i) => wrapAngle(spec.baseAngle + (2 * Math.PI * i) / n));
  }
  const rng = new Rng(spec.seed);
  const out = [wrapAngle(spec.baseAngle)];
  for (let i = 0; i < spec.count; i++) out.push(wrapAngle(rng.uniform(-Math.PI, Math.PI)));
  return out;
}

/** M test angles evenly spread over [0, 2π). */
export function testAngles(count: number): number[] {
  return Array.from({ length: count }, (_, i) => (2 * Math.PI * i) / count);
}

/** Angular distance (radians, in [0, π]) from φ to the nearest training angle. */
export function angularDistanceToSet(phi: number, angles: readonly number[]): number {
  let best = Math.PI;
  for (const a of angles) best = Math.min(best, Math.abs(wrapAngle(phi - a)));
  return best;
}

/** The orbit parameters t_i of the training tasks (another name for trainingAngles: a line's are offsets). */
export const trainingParameters = trainingAngles;

/** Room (arena units) that the default test extent keeps between every test goal and the arena's wall. */
export const LINE_GOAL_MARGIN = 0.5;
/** The default test extent L is at least this, in arena units (most test goals beyond a short training span). */
export const LINE_MIN_DEFAULT_EXTENT = 3;

/** The largest L such that every goal o + t·d with |t| ≤ L lies in [−(B − margin), B − margin]². */
export function lineExtentInsideArena(f: LineFamily, bound = DEFAULT_ENV.stateBound, margin = 0): number {
  const d = lineDirection(f);
  const lim = bound - margin;
  let best = Number.POSITIVE_INFINITY;
  for (let k = 0; k < 2; k++) {
    const dk = Math.abs(d[k]);
    if (dk < 1e-12) continue;
    // |o_k ± L d_k| ≤ lim for both signs ⇔ L ≤ (lim − |o_k|) / |d_k|.
    best = Math.min(best, (lim - Math.abs(f.origin[k])) / dk);
  }
  return best;
}

/**
 * The default test extent of a line: max(3, 2 × the largest |t_i|) arena units, so that most test goals lie beyond
 * a short training span, cut to keep every test goal LINE_GOAL_MARGIN inside the arena. Uses the family's own
 * geometry (the test design), never a learned quantity.
 */
export function defaultLineTestExtent(
  f: LineFamily,
  offsets: readonly number[],
  bound = DEFAULT_ENV.stateBound,
): number {
  const wanted = Math.max(LINE_MIN_DEFAULT_EXTENT, 2 * Math.max(...offsets.map(Math.abs)));
  return Math.min(wanted, lineExtentInsideArena(f, bound, LINE_GOAL_MARGIN));
}

/**
 * M test parameters: angles evenly spread over [0, 2π), a line's offsets evenly over [−L, L] (both ends), or arc lengths
 * evenly along a points family's polyline, first goal to last (both ends).
 */
export function testParameters(family: TaskFamily, count: number, extent?: number): number[] {
  if (isPeriodicFamily(family)) return testAngles(count);
  if (family.kind === 'points') {
    const length = polylineOffsets(family.goals).at(-1) ?? 0;
    if (count === 1) return [0];
    return Array.from({ length: count }, (_, i) => (length * i) / (count - 1));
  }
  if (extent === undefined || !(extent > 0))
    throw new Error('testParameters: a line needs a positive test extent');
  if (count === 1) return [0];
  return Array.from({ length: count }, (_, i) => -extent + (2 * extent * i) / (count - 1));
}

/**
 * Distance along the orbit from t to the nearest training parameter, in the family's unit: degrees (wrapped) for a
 * periodic family, arena units (|t − t_i|, never wrapped) for a line.
 */
export function orbitDistanceToSet(family: TaskFamily, t: number, set: readonly number[]): number {
  if (isPeriodicFamily(family)) return radToDeg(angularDistanceToSet(t, set));
  let best = Number.POSITIVE_INFINITY;
  for (const s of set) best = Math.min(best, Math.abs(t - s));
  return best;
}

/** A parameter t as reported: degrees for a periodic family, arena units for a line. */
export const parameterInFamilyUnits = (family: TaskFamily, t: number): number =>
  isPeriodicFamily(family) ? radToDeg(t) : t;

/** Human-readable one-line description of a family. */
export function describeFamily(f: TaskFamily): string {
  if (f.kind === 'line')
    return `line o=(${f.origin.join(', ')}) direction=${radToDeg(f.direction).toFixed(1)}°`;
  if (f.kind === 'points') return `points ${f.goals.map((g) => `(${g.join(', ')})`).join(' ')}`;
  if (f.kind === 'circle') return `circle c=(${f.center.join(', ')}) r=${f.radius}`;
  return `ellipse c=(${f.center.join(', ')}) axes=(${f.axes.join(', ')}) tilt=${radToDeg(f.tilt).toFixed(1)}° reward=${f.reward}`;
}

/** Lengths closer than this count as equal (links keep far fewer digits). */
const SAME_LENGTH_TOLERANCE = 1e-6;
/** Ellipse tilts closer than this (radians) count as equal: a link keeps the tilt to 0.01°, i.e. 1.7e-4 rad. */
const SAME_TILT_TOLERANCE_RAD = 1e-4;

/** The one test of whether two families are the same task family (up to a link's rounding). */
export function sameFamily(a: TaskFamily, b: TaskFamily): boolean {
  const near = (x: number, y: number) => Math.abs(x - y) <= SAME_LENGTH_TOLERANCE;
  if (a.kind === 'points' || b.kind === 'points')
    return (
      a.kind === 'points' &&
      b.kind === 'points' &&
      a.goals.length === b.goals.length &&
      a.goals.every((g, i) => near(g[0], b.goals[i][0]) && near(g[1], b.goals[i][1]))
    );
  if (a.kind === 'line' || b.kind === 'line')
    return (
      a.kind === 'line' &&
      b.kind === 'line' &&
      near(a.origin[0], b.origin[0]) &&
      near(a.origin[1], b.origin[1]) &&
      Math.abs(wrapAngle(a.direction - b.direction)) <= SAME_TILT_TOLERANCE_RAD
    );
  if (a.kind !== b.kind || !near(a.center[0], b.center[0]) || !near(a.center[1], b.center[1])) return false;
  if (a.kind === 'circle' && b.kind === 'circle') return near(a.radius, b.radius);
  if (a.kind === 'ellipse' && b.kind === 'ellipse')
    return (
      a.reward === b.reward &&
      near(a.axes[0], b.axes[0]) &&
      near(a.axes[1], b.axes[1]) &&
      Math.abs(a.tilt - b.tilt) <= SAME_TILT_TOLERANCE_RAD
    );
  return false;
}

/** Training angles within this many radians count as equal (a link keeps 0.01°, i.e. 1.7e-4 rad). */
export const SAME_ANGLE_TOLERANCE_RAD = 2e-4;

/** Whether two lists of training parameters are the same set: angles up to wrapping, a line's or polyline's offsets as they are. */
export function sameTrainingParameters(
  family: TaskFamily,
  a: readonly number[],
  b: readonly number[],
): boolean {
  if (isPeriodicFamily(family)) return sameTrainingAngles(a, b);
  return a.length === b.length && a.every((x, i) => Math.abs(x - b[i]) <= SAME_LENGTH_TOLERANCE);
}

/** The one test of whether two lists of training angles (radians, base first) are the same training set. */
export function sameTrainingAngles(a: readonly number[], b: readonly number[]): boolean {
  return (
    a.length === b.length && a.every((x, i) => Math.abs(wrapAngle(x - b[i])) <= SAME_ANGLE_TOLERANCE_RAD)
  );
}
