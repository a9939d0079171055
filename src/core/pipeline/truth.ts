// Ground-truth generators of a family, for SCORING ONLY (never passed to a learner).
import { familyShape, goalAt, type TaskFamily } from '../families';
import { conjugatedRotationGenerator, type Generator, rotationGenerator } from '../lie';

export interface FamilyTruth {
  /** Symmetry of the base reward: rotation about the base goal (conjugated by C for the pushed-forward ellipse). */
  rewardSymmetry: Generator;
  /** The generator relating the tasks, or null when the family is not hereditary (Euclidean ellipse). */
  hereditary: Generator | null;
  baseGoal: [number, number];
  note: string;
}

export function familyTruth(family: TaskFamily, baseAngle: number): FamilyTruth {
  const g = goalAt(family, baseAngle);
  const baseGoal: [number, number] = [g[0], g[1]];
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

/**
 * SCORING ONLY: the true group angle θ_true carrying the base task (at baseAngle) onto the task at φ, under the true
 * hereditary generator normalised to period 2π. Both families are parameterised so that exp(θX) g(φ) = g(φ + θ),
 * hence θ_true = φ − φ_base. Null where there is no true generator (the Euclidean ellipse).
 */
export function trueGroupAngle(family: TaskFamily, baseAngle: number): ((phi: number) => number) | null {
  if (familyTruth(family, baseAngle).hereditary === null) return null;
  return (phi) => phi - baseAngle;
}
