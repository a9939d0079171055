// The reader's own goals (ALGORITHM.md §3 "points"): the polyline through them, and the exact orbit they lie on, if any.
import type { Vec2 } from './vec';

/** Discovery needs the base task and at least two others (one other is ambiguous, §7). */
export const POINTS_MIN_GOALS = 3;
/** Goals closer than this (arena units) count as one goal: their tasks would be the same task. */
export const POINTS_MIN_SEPARATION = 0.05;

/** Arc length from the first goal to each goal along the polyline through them, in the order given. */
export function polylineOffsets(goals: readonly Vec2[]): number[] {
  const out = [0];
  for (let i = 1; i < goals.length; i++)
    out.push(out[i - 1] + Math.hypot(goals[i][0] - goals[i - 1][0], goals[i][1] - goals[i - 1][1]));
  return out;
}

/** The point at arc length t along the polyline (clamped to its ends). */
export function pointOnPolyline(goals: readonly Vec2[], t: number): Vec2 {
  const offsets = polylineOffsets(goals);
  if (t <= 0 || goals.length === 1) return [goals[0][0], goals[0][1]];
  for (let i = 1; i < goals.length; i++) {
    if (t > offsets[i] && i < goals.length - 1) continue;
    const len = offsets[i] - offsets[i - 1];
    const u = len > 0 ? Math.min(1, (t - offsets[i - 1]) / len) : 0;
    const [a, b] = [goals[i - 1], goals[i]];
    return [a[0] + u * (b[0] - a[0]), a[1] + u * (b[1] - a[1])];
  }
  return [goals[goals.length - 1][0], goals[goals.length - 1][1]];
}

/** The closest pair of goals: their indices and distance. */
export function closestGoalPair(goals: readonly Vec2[]): { i: number; j: number; distance: number } {
  let best = { i: 0, j: 0, distance: Number.POSITIVE_INFINITY };
  for (let i = 0; i < goals.length; i++)
    for (let j = i + 1; j < goals.length; j++) {
      const d = Math.hypot(goals[i][0] - goals[j][0], goals[i][1] - goals[j][1]);
      if (d < best.distance) best = { i, j, distance: d };
    }
  return best;
}

/** The exact orbit of a set of goals under the plane's isometries: one circle, one line, or neither. */
export type GoalOrbit =
  | { kind: 'circle'; center: Vec2; radius: number; residual: number }
  | { kind: 'line'; origin: Vec2; direction: Vec2; residual: number }
  | { kind: 'none'; circleResidual: number; lineResidual: number };

/** Goals within this (arena units, relative to their spread) of one circle or line lie on it exactly. */
const EXACT_ORBIT_TOLERANCE = 1e-6;

/**
 * SCORING ONLY (the truth of a points family): the circle through the first three goals, or the line through the
 * first two, when every goal lies on it; else none, with the largest distance of a goal from each.
 */
export function exactGoalOrbit(goals: readonly Vec2[]): GoalOrbit {
  const [a, b] = goals;
  const spread = Math.max(...goals.map((g) => Math.hypot(g[0] - a[0], g[1] - a[1])), 1e-12);
  const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
  const dir: Vec2 = [(b[0] - a[0]) / len, (b[1] - a[1]) / len];
  const lineResidual = Math.max(
    ...goals.map((g) => Math.abs((g[0] - a[0]) * dir[1] - (g[1] - a[1]) * dir[0])),
  );
  if (lineResidual <= EXACT_ORBIT_TOLERANCE * spread)
    return { kind: 'line', origin: [a[0], a[1]], direction: dir, residual: lineResidual };
  // Circumcentre of the first three non-collinear goals.
  const c = goals.slice(2).find((g) => Math.abs((g[0] - a[0]) * dir[1] - (g[1] - a[1]) * dir[0]) > 1e-12);
  if (!c) return { kind: 'none', circleResidual: Number.POSITIVE_INFINITY, lineResidual };
  const d = 2 * (a[0] * (b[1] - c[1]) + b[0] * (c[1] - a[1]) + c[0] * (a[1] - b[1]));
  const [na, nb, nc] = [a, b, c].map((p) => p[0] ** 2 + p[1] ** 2);
  const center: Vec2 = [
    (na * (b[1] - c[1]) + nb * (c[1] - a[1]) + nc * (a[1] - b[1])) / d,
    (na * (c[0] - b[0]) + nb * (a[0] - c[0]) + nc * (b[0] - a[0])) / d,
  ];
  const radius = Math.hypot(a[0] - center[0], a[1] - center[1]);
  const circleResidual = Math.max(
    ...goals.map((g) => Math.abs(Math.hypot(g[0] - center[0], g[1] - center[1]) - radius)),
  );
  if (circleResidual <= EXACT_ORBIT_TOLERANCE * spread)
    return { kind: 'circle', center, radius, residual: circleResidual };
  return { kind: 'none', circleResidual, lineResidual };
}
