// The orbit the page draws and drags along, in the reader's units: degrees round a circle or ellipse, arena units
// along a line or along the reader's own goals (the discovered circle or line through them, else their polyline).
import { degToRad, radToDeg, wrapDegrees } from '../core/angles';
import { DEFAULT_CONFIG } from '../core/experimentConfig';
import {
  goalAt,
  isPeriodicFamily,
  lineDirection,
  orbitDistanceToSet,
  type TaskFamily,
} from '../core/families';
import { type DiscoveredOrbit, evaluationOrbit } from '../core/pipeline/evaluationOrbit';
import { polylineOffsets } from '../core/pointsFamily';
import type { Vec2 } from '../core/vec';
import { angleOfPoint, familyFromSettings } from './derived';
import { roundTo } from './urlFields';
import { POINT_BOUND, type UrlState } from './urlSchema';

export interface OrbitChart {
  /** The family whose goals g(t) are drawn: the settings' own, or for the reader's goals the orbit found. */
  family: TaskFamily;
  unit: 'deg' | 'arena';
  /** True when the orbit closes (its parameter wraps at 360°). */
  periodic: boolean;
  /** The parameters drawn, in the chart's unit: [0, 360] or the part of a line or polyline inside the arena. */
  range: [number, number];
  /** The goal at parameter v (the chart's unit). */
  goalAt(v: number): Vec2;
  /** The parameter of the point of the drawn orbit nearest p. */
  paramOf(p: readonly number[]): number;
  /** Distance along the orbit from v to the nearest of `set`, in the chart's unit (wrapped when periodic). */
  distance(v: number, set: readonly number[]): number;
  /** The distance at which the coverage band is at its darkest (90° or 1 arena unit). */
  full: number;
  /** What one arrow-key press moves a goal by, and with Shift. */
  step: { small: number; large: number };
  /** A parameter as the reader reads it: "90°" or "t = −1.20". */
  format(v: number): string;
}

/** The interval of t for which o + t·d stays inside [−bound, bound]². */
function lineRange(origin: Vec2, d: Vec2, bound: number): [number, number] {
  let lo = Number.NEGATIVE_INFINITY;
  let hi = Number.POSITIVE_INFINITY;
  for (let k = 0; k < 2; k++) {
    if (Math.abs(d[k]) < 1e-12) continue;
    const a = (-bound - origin[k]) / d[k];
    const b = (bound - origin[k]) / d[k];
    lo = Math.max(lo, Math.min(a, b));
    hi = Math.min(hi, Math.max(a, b));
  }
  return lo <= hi ? [lo, hi] : [0, 0];
}

const clamp = (x: number, [lo, hi]: [number, number]) => Math.min(hi, Math.max(lo, x));

/** Arc length of the point of the polyline nearest p. */
function polylineParamOf(goals: readonly Vec2[], p: readonly number[]): number {
  const offsets = polylineOffsets(goals);
  let best = { d: Number.POSITIVE_INFINITY, t: 0 };
  for (let i = 1; i < goals.length; i++) {
    const [a, b] = [goals[i - 1], goals[i]];
    const ex = b[0] - a[0];
    const ey = b[1] - a[1];
    const len2 = ex * ex + ey * ey;
    const u = len2 > 0 ? Math.min(1, Math.max(0, ((p[0] - a[0]) * ex + (p[1] - a[1]) * ey) / len2)) : 0;
    const d = Math.hypot(a[0] + u * ex - p[0], a[1] + u * ey - p[1]);
    if (d < best.d) best = { d, t: offsets[i - 1] + u * Math.sqrt(len2) };
  }
  return best.t;
}

const arenaChart = (
  family: TaskFamily,
  range: [number, number],
  paramOf: (p: readonly number[]) => number,
): OrbitChart => ({
  family,
  unit: 'arena',
  periodic: false,
  range,
  goalAt: (v) => goalAt(family, v),
  paramOf: (p) => clamp(paramOf(p), range),
  distance: (v, set) => orbitDistanceToSet(family, v, set),
  full: 1,
  step: { small: 0.05, large: 0.5 },
  format: (v) => `t = ${v.toFixed(2).replace('-', '−')}`,
});

/** The chart of one family: degrees round a circle or ellipse, arena units along a line or a polyline. */
export function chartOf(family: TaskFamily): OrbitChart {
  if (isPeriodicFamily(family))
    return {
      family,
      unit: 'deg',
      periodic: true,
      range: [0, 360],
      goalAt: (v) => goalAt(family, degToRad(v)),
      paramOf: (p) => wrapDegrees(radToDeg(angleOfPoint(family, p[0], p[1]))),
      distance: (v, set) => orbitDistanceToSet(family, degToRad(v), set.map(degToRad)),
      full: 90,
      step: { small: 1, large: 10 },
      format: (v) => `${+v.toFixed(2)}°`,
    };
  if (family.kind === 'line') {
    const d = lineDirection(family);
    return arenaChart(
      family,
      lineRange(family.origin, d, POINT_BOUND),
      (p) => (p[0] - family.origin[0]) * d[0] + (p[1] - family.origin[1]) * d[1],
    );
  }
  const goals = family.goals;
  return arenaChart(family, [0, polylineOffsets(goals).at(-1) ?? 0], (p) => polylineParamOf(goals, p));
}

/**
 * The page's orbit for the settings. The reader's own goals are drawn on the orbit that discovery found for them
 * (`discovered`, from the verdict: the circle about its centre or the line along its direction, through the base
 * goal), or along their polyline while there is no verdict or it refuses them: as the CLI's evaluation does.
 */
export function pageChart(s: UrlState, discovered?: DiscoveredOrbit | null): OrbitChart {
  const family = familyFromSettings(s);
  if (family.kind !== 'points') return chartOf(family);
  const orbit = evaluationOrbit(
    { ...DEFAULT_CONFIG, family, training: { kind: 'offsets', offsets: polylineOffsets(family.goals) } },
    discovered,
  );
  return chartOf(orbit.family);
}

/** One training goal on the page: where it is, and its parameter on the chart. */
export interface PageTask {
  index: number;
  point: Vec2;
  value: number;
}

/** The training goals of the settings, base first, placed on the chart. */
export function pageTasks(s: Pick<UrlState, 'family' | 'pts' | 'train'>, chart: OrbitChart): PageTask[] {
  if (s.family === 'points')
    return s.pts.map((p, index) => ({ index, point: [p[0], p[1]], value: chart.paramOf(p) }));
  return s.train.map((value, index) => ({ index, point: chart.goalAt(value), value }));
}

/** The test goal of the settings: its point and its parameter on the chart. */
export function pageGoal(
  s: Pick<UrlState, 'family' | 'gx' | 'gy' | 't' | 'goal'>,
  chart: OrbitChart,
): { point: Vec2; value: number } {
  if (s.family === 'points') return { point: [s.gx, s.gy], value: chart.paramOf([s.gx, s.gy]) };
  const value = s.family === 'line' ? s.t : s.goal;
  return { point: chart.goalAt(value), value };
}

const round2 = (x: number) => roundTo(x, 2);

/**
 * The settings patch that puts the test goal at parameter v of the chart (wrapped and rounded as the link keeps
 * it): the angle of a circle or ellipse, a line's offset, the point of the reader's goals' orbit.
 */
export function goalPatch(s: UrlState, chart: OrbitChart, v: number): Partial<UrlState> {
  if (s.family === 'points') {
    const [x, y] = chart.goalAt(chart.periodic ? v : clamp(v, chart.range));
    const lim = (z: number) => Math.min(POINT_BOUND, Math.max(-POINT_BOUND, round2(z)));
    return { gx: lim(x), gy: lim(y) };
  }
  if (s.family === 'line') return { t: round2(clamp(v, chart.range)) };
  const r = Math.round(wrapDegrees(v) * 10) / 10;
  return { goal: r >= 360 ? 0 : r };
}
