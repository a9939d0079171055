// Task families as data (ALGORITHM.md §3): circles about any centre, ellipses in two reward variants.
import { radToDeg, wrapAngle } from './angles';
import { euclideanTask, type Task } from './env';
import { IDENTITY2, inv2, type Mat2, matmul2, rot2 } from './linalg';
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

export type TaskFamily = CircleFamily | EllipseFamily;

export const DEFAULT_FAMILY: CircleFamily = { kind: 'circle', center: [0, 0], radius: 1 };

/** The linear shape map C with g(φ) = c + C (cos φ, sin φ). */
export function familyShape(family: TaskFamily): Mat2 {
  if (family.kind === 'circle') return [family.radius, 0, 0, family.radius];
  return matmul2(rot2(family.tilt), [family.axes[0], 0, 0, family.axes[1]]);
}

export function goalAt(family: TaskFamily, phi: number): Vec2 {
  const c = familyShape(family);
  const u = Math.cos(phi);
  const v = Math.sin(phi);
  return [family.center[0] + c[0] * u + c[1] * v, family.center[1] + c[2] * u + c[3] * v];
}

/** The MDP of the task at angle φ; for the pushed-forward ellipse the metric is C⁻¹ (reward −‖C⁻¹(s' − g)‖). */
export function taskAt(family: TaskFamily, phi: number): Task {
  const goal = goalAt(family, phi);
  if (family.kind === 'circle' || family.reward === 'euclidean') return euclideanTask(goal);
  const metricInv = familyShape(family);
  return { goal, metric: inv2(metricInv), metricInv };
}

export const isEuclidean = (task: Task): boolean => task.metric.every((v, i) => v === IDENTITY2[i]);

/** The ref code's four goals on the unit circle (numpy seed 42), base first, in radians. */
export const PAPER_TRAIN_ANGLES: readonly number[] = [2.3533, -0.3097, -1.6839, -2.5217];

export type TrainingSpec =
  | { kind: 'angles'; angles: readonly number[] }
  | { kind: 'sampled'; baseAngle: number; count: number; seed: number }
  | { kind: 'spread'; baseAngle: number; count: number };

/** Training task angles, base first. `count` counts the tasks besides the base. */
export function trainingAngles(spec: TrainingSpec): number[] {
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

/** Human-readable one-line description of a family. */
export function describeFamily(f: TaskFamily): string {
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

/** The one test of whether two lists of training angles (radians, base first) are the same training set. */
export function sameTrainingAngles(a: readonly number[], b: readonly number[]): boolean {
  return (
    a.length === b.length && a.every((x, i) => Math.abs(wrapAngle(x - b[i])) <= SAME_ANGLE_TOLERANCE_RAD)
  );
}
