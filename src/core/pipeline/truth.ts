// Ground-truth generators of a family, for SCORING ONLY (never passed to a learner).
import { familyShape, goalAt, lineDirection, type PointsFamily, type TaskFamily } from '../families';
import {
  conjugatedRotationGenerator,
  type Generator,
  generatorVector,
  rotationGenerator,
  translationGenerator,
} from '../lie';
import { exactGoalOrbit } from '../pointsFamily';

export interface FamilyTruth {
  /** Symmetry of the base reward: rotation about the base goal (conjugated by C for the pushed-forward ellipse). */
  rewardSymmetry: Generator;
  /** The generator relating the tasks, or null when the family is not hereditary (Euclidean ellipse, most points). */
  hereditary: Generator | null;
  baseGoal: [number, number];
  note: string;
}

export function familyTruth(family: TaskFamily, baseAngle: number): FamilyTruth {
  const g = goalAt(family, baseAngle);
  const baseGoal: [number, number] = [g[0], g[1]];
  if (family.kind === 'points') return pointsTruth(family, baseGoal);
  if (family.kind === 'line')
    return {
      rewardSymmetry: rotationGenerator(baseGoal),
      hereditary: translationGenerator(lineDirection(family)),
      baseGoal,
      note: 'rotation about the base goal; translation along the line at unit speed (not compact)',
    };
  if (family.kind === 'circle')
    return {
      rewardSymmetry: rotationGenerator(baseGoal),
      hereditary: rotationGenerator(family.center),
      baseGoal,
      note: 'rotations about the base goal and about the circle centre',
    };
  if (family.reward === 'pushforward') {
    const c = familyShape(family);
    return {
      rewardSymmetry: conjugatedRotationGenerator(baseGoal, c),
      hereditary: conjugatedRotationGenerator(family.center, c),
      baseGoal,
      note: 'rotations conjugated by the ellipse shape C, about the base goal and the centre',
    };
  }
  return {
    rewardSymmetry: rotationGenerator(baseGoal),
    hereditary: null,
    baseGoal,
    note: 'Euclidean ellipse: no one-parameter isometry group has it as an orbit, so there is no true hereditary generator',
  };
}

/** A points family's truth from the goals' own geometry: rotation about the circle through them, translation along the line, or none. */
function pointsTruth(family: PointsFamily, baseGoal: [number, number]): FamilyTruth {
  const orbit = exactGoalOrbit(family.goals);
  const rewardSymmetry = rotationGenerator(baseGoal);
  if (orbit.kind === 'circle')
    return {
      rewardSymmetry,
      hereditary: rotationGenerator(orbit.center),
      baseGoal,
      note: `the goals lie on the circle c=(${orbit.center.map((v) => +v.toFixed(6)).join(', ')}) r=${+orbit.radius.toFixed(6)}: rotations about the base goal and about c`,
    };
  if (orbit.kind === 'line')
    return {
      rewardSymmetry,
      hereditary: translationGenerator(orbit.direction),
      baseGoal,
      note: 'the goals lie on one line: rotation about the base goal; translation along the line at unit speed (not compact)',
    };
  return {
    rewardSymmetry,
    hereditary: null,
    baseGoal,
    note: `the goals lie on no circle (a goal ${+orbit.circleResidual.toFixed(4)} off the circle through the first three) and no line (${+orbit.lineResidual.toFixed(4)} off): under the Euclidean reward no one-parameter isometry group relates them`,
  };
}

/**
 * SCORING ONLY: the true group element θ_true carrying the base task (at baseAngle) onto the task at φ, under the true
 * hereditary generator normalised like a learned one: to period 2π (counter-clockwise) for the periodic families,
 * to unit speed for a line. The families are parameterised so that exp(θX) g(φ) = g(φ + θ), hence θ_true = φ − φ_base.
 * A line's learned generator may point either way along it; `learned` (scoring only) gives the sign to compare in.
 * Null where there is no true generator (the Euclidean ellipse) and for a points family's own polyline.
 */
export function trueGroupAngle(
  family: TaskFamily,
  baseAngle: number,
  learned?: Generator,
): ((phi: number) => number) | null {
  // A points family is scored on the orbit discovery found (evaluationOrbit.ts), whose own family is passed here.
  const truth = family.kind === 'points' ? null : familyTruth(family, baseAngle).hereditary;
  if (truth === null) return null;
  if (family.kind !== 'line' || !learned) return (phi) => phi - baseAngle;
  const u = generatorVector(learned);
  const sign = generatorVector(truth).reduce((s, v, k) => s + v * u[k], 0) < 0 ? -1 : 1;
  return (phi) => sign * (phi - baseAngle);
}
