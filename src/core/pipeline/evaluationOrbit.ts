// Where a run's test goals lie: the family's own orbit, or for the reader's goals the orbit that discovery found.
import { radToDeg, wrapAngle } from '../angles';
import { DEFAULT_ENV } from '../env';
import { type ExperimentConfig, resolvedTestExtent, resolvedTrainingAngles } from '../experimentConfig';
import {
  type CircleFamily,
  defaultLineTestExtent,
  type FamilyUnit,
  familyUnit,
  goalAt,
  LINE_GOAL_MARGIN,
  type LineFamily,
  type PointsFamily,
  type TaskFamily,
  testParameters,
} from '../families';
import { type Generator, rotationCentre } from '../lie';
import { polylineOffsets } from '../pointsFamily';
import type { Vec2 } from '../vec';

/** What decides a points family's test goals: the learned generator, its compactness and the verdict. */
export interface DiscoveredOrbit {
  generator: Generator;
  compact: boolean;
  isHereditary: boolean;
}

export interface EvaluationOrbit {
  /** 'family': the configured family's own orbit; for a points family the discovered circle or line, or the polyline. */
  source: 'family' | 'circle' | 'line' | 'polyline';
  /** The family whose goals g(t) are tested, and in whose unit distances along the orbit are measured. */
  family: TaskFamily;
  unit: FamilyUnit;
  /** The training goals' parameters on it, base first (radians, arena units or arc length). */
  trainParameters: number[];
  /** The test goals' parameters; goals that would leave the arena are left out (counted in `outsideArena`). */
  testParameters: number[];
  outsideArena: number;
  /** A line's test extent L (arena units); absent otherwise. */
  testExtent?: number;
  description: string;
}

/** The discovered orbit through the base goal: a circle about the generator's centre, or a line along its flow. */
function discoveredFamily(goals: readonly Vec2[], d: DiscoveredOrbit): CircleFamily | LineFamily {
  const g0 = goals[0];
  if (d.compact) {
    const center = rotationCentre(d.generator);
    return { kind: 'circle', center, radius: Math.hypot(g0[0] - center[0], g0[1] - center[1]) };
  }
  return { kind: 'line', origin: [g0[0], g0[1]], direction: Math.atan2(d.generator[5], d.generator[2]) };
}

/** The goal's parameter on a discovered orbit: its angle about the centre, or its offset along the line. */
function parameterOn(f: CircleFamily | LineFamily, g: Vec2): number {
  if (f.kind === 'circle') return wrapAngle(Math.atan2(g[1] - f.center[1], g[0] - f.center[0]));
  return (g[0] - f.origin[0]) * Math.cos(f.direction) + (g[1] - f.origin[1]) * Math.sin(f.direction);
}

const inside = (g: Vec2, lim: number) => Math.abs(g[0]) <= lim && Math.abs(g[1]) <= lim;
const round = (x: number) => +x.toFixed(3);

/**
 * The test goals of a run. Circle, ellipse and line families: their own orbit, as configured. A points family that
 * discovery calls hereditary: M goals round the circle about the centre it found through the base goal (compact), or
 * along the direction it found through the base goal over [−L, L] with L as for a line family (not compact), keeping
 * those LINE_GOAL_MARGIN inside the arena. Refused, or before discovery: M goals along the polyline through the
 * reader's goals (only the baseline is scored there). Built from the learned generator and the configured goals
 * (the test design), never from a true generator.
 */
export function evaluationOrbit(
  config: ExperimentConfig,
  discovered?: DiscoveredOrbit | null,
): EvaluationOrbit {
  const family = config.family;
  if (family.kind !== 'points') {
    const extent = resolvedTestExtent(config);
    return {
      source: 'family',
      family,
      unit: familyUnit(family),
      trainParameters: resolvedTrainingAngles(config),
      testParameters: testParameters(family, config.testGoals, extent),
      outsideArena: 0,
      ...(extent !== undefined ? { testExtent: extent } : {}),
      description: 'the configured family',
    };
  }
  if (!discovered?.isHereditary) return polylineOrbit(family, config.testGoals);
  const orbit = discoveredFamily(family.goals, discovered);
  const trainParameters = family.goals.map((g) => parameterOn(orbit, g));
  const extent =
    orbit.kind === 'line' ? defaultLineTestExtent(orbit, trainParameters, DEFAULT_ENV.stateBound) : undefined;
  const all = testParameters(orbit, config.testGoals, extent);
  const lim = DEFAULT_ENV.stateBound - LINE_GOAL_MARGIN;
  const kept = all.filter((t) => inside(goalAt(orbit, t), lim));
  const description =
    orbit.kind === 'circle'
      ? `discovered circle about (${orbit.center.map(round).join(', ')}) through the base goal, r=${round(orbit.radius)}`
      : `discovered line through the base goal along ${round(radToDeg(orbit.direction))}°, test offsets over ±${round(extent ?? 0)}`;
  return {
    source: orbit.kind,
    family: orbit,
    unit: familyUnit(orbit),
    trainParameters,
    testParameters: kept,
    outsideArena: all.length - kept.length,
    ...(extent !== undefined ? { testExtent: extent } : {}),
    description,
  };
}

function polylineOrbit(family: PointsFamily, count: number): EvaluationOrbit {
  return {
    source: 'polyline',
    family,
    unit: 'arena',
    trainParameters: polylineOffsets(family.goals),
    testParameters: testParameters(family, count),
    outsideArena: 0,
    description:
      'no orbit: test goals along the polyline through the goals in the order given, distances along it (arena units)',
  };
}
