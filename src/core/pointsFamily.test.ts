// The points family (ALGORITHM.md §3): goals as data, the polyline through them, their exact orbit, the test goals' orbit.
import { describe, expect, it } from 'vitest';
import { degToRad } from './angles';
import { baseTrainingStartHalfWidth, DEFAULT_CONFIG, type ExperimentConfig } from './experimentConfig';
import {
  describeFamily,
  goalAt,
  isEuclidean,
  isPeriodicFamily,
  orbitDistanceToSet,
  type PointsFamily,
  sameFamily,
  taskAt,
  testParameters,
} from './families';
import {
  normalizeCompact,
  normalizeUnit,
  rotationCentre,
  rotationGenerator,
  translationGenerator,
} from './lie';
import { evaluationOrbit } from './pipeline/evaluationOrbit';
import { familyTruth, trueGroupAngle } from './pipeline/truth';
import { closestGoalPair, exactGoalOrbit, pointOnPolyline, polylineOffsets } from './pointsFamily';

const onCircle = (c: [number, number], r: number, degs: number[]): [number, number][] =>
  degs.map((d) => [c[0] + r * Math.cos(degToRad(d)), c[1] + r * Math.sin(degToRad(d))]);

describe('points family: goals as a family', () => {
  const square: PointsFamily = {
    kind: 'points',
    goals: [
      [0, 0],
      [1, 0],
      [1, 2],
      [0, 2],
    ],
  };

  it('parameterises the polyline through the goals by arc length; each goal sits at its own offset', () => {
    expect(polylineOffsets(square.goals)).toEqual([0, 1, 3, 4]);
    expect(pointOnPolyline(square.goals, 0.5)).toEqual([0.5, 0]);
    expect(pointOnPolyline(square.goals, 2)).toEqual([1, 1]);
    expect(pointOnPolyline(square.goals, -1)).toEqual([0, 0]);
    expect(pointOnPolyline(square.goals, 9)).toEqual([0, 2]);
    expect(polylineOffsets(square.goals).map((t) => goalAt(square, t))).toEqual(square.goals);
    expect(testParameters(square, 5)).toEqual([0, 1, 2, 3, 4]);
    expect(orbitDistanceToSet(square, 2.6, [0, 1, 3])).toBeCloseTo(0.4, 12);
  });

  it('gives each goal the Euclidean reward, is not periodic, and is one family only up to its goals', () => {
    expect(isEuclidean(taskAt(square, 3))).toBe(true);
    expect(isPeriodicFamily(square)).toBe(false);
    expect(sameFamily(square, { kind: 'points', goals: square.goals.map((g) => [g[0], g[1]]) })).toBe(true);
    expect(sameFamily(square, { kind: 'points', goals: square.goals.slice(0, 3) })).toBe(false);
    expect(sameFamily(square, { kind: 'line', origin: [0, 0], direction: 0 })).toBe(false);
    expect(describeFamily(square)).toBe('points (0, 0) (1, 0) (1, 2) (0, 2)');
    expect(closestGoalPair(square.goals)).toEqual({ i: 0, j: 1, distance: 1 });
  });

  it('trains the base policy on the widest start square: the orbit is unknown until discovery', () => {
    const config: ExperimentConfig = { ...DEFAULT_CONFIG, family: square };
    expect(baseTrainingStartHalfWidth(config)).toBe(4.75);
  });
});

describe('points family: the exact orbit of the goals (the truth, scoring only)', () => {
  it('finds the circle through goals on one, the line through collinear goals, and neither for a scatter', () => {
    const circle = exactGoalOrbit(onCircle([0.4, -0.3], 1.3, [10, 95, 200, 290]));
    expect(circle.kind).toBe('circle');
    if (circle.kind === 'circle') {
      expect(circle.center[0]).toBeCloseTo(0.4, 9);
      expect(circle.center[1]).toBeCloseTo(-0.3, 9);
      expect(circle.radius).toBeCloseTo(1.3, 9);
    }
    const line = exactGoalOrbit([
      [0, 1],
      [1, 2],
      [-2, -1],
    ]);
    expect(line.kind).toBe('line');
    const scatter = exactGoalOrbit([
      [0, 0],
      [1, 0.2],
      [0.3, 1],
      [1.5, 1.4],
    ]);
    expect(scatter.kind).toBe('none');
  });

  it('makes the true generator of a circle of goals the rotation about its centre, of a line the translation', () => {
    const goals = onCircle([0.4, -0.3], 1.3, [10, 95, 200, 290]);
    const t = familyTruth({ kind: 'points', goals }, 0);
    const c = rotationGenerator([0.4, -0.3]);
    t.hereditary?.forEach((v, i) => {
      expect(v).toBeCloseTo(c[i], 9);
    });
    expect(t.baseGoal).toEqual(goals[0]);
    const lt = familyTruth(
      {
        kind: 'points',
        goals: [
          [0, 1],
          [1, 2],
          [-2, -1],
        ],
      },
      0,
    );
    const d = translationGenerator([Math.SQRT1_2, Math.SQRT1_2]);
    lt.hereditary?.forEach((v, i) => {
      expect(v).toBeCloseTo(d[i], 12);
    });
    const none = familyTruth(
      {
        kind: 'points',
        goals: [
          [0, 0],
          [1, 0.2],
          [0.3, 1],
          [1.5, 1.4],
        ],
      },
      0,
    );
    expect(none.hereditary).toBeNull();
    expect(none.note).toMatch(/no circle/);
    expect(trueGroupAngle({ kind: 'points', goals }, 0, c)).toBeNull();
  });
});

describe('points family: where the test goals lie', () => {
  const goals = onCircle([0.4, -0.3], 1.3, [10, 95, 200, 290]);
  const config: ExperimentConfig = {
    ...DEFAULT_CONFIG,
    family: { kind: 'points', goals },
    training: { kind: 'offsets', offsets: polylineOffsets(goals) },
    testGoals: 24,
  };

  it('accepted and compact: round the circle about the centre found, through the base goal, in degrees', () => {
    // A learned generator slightly off the truth: the orbit follows the learned one, not the truth.
    const learned = normalizeCompact(rotationGenerator([0.41, -0.29])) ?? [];
    expect(rotationCentre(learned).map((v) => +v.toFixed(9))).toEqual([0.41, -0.29]);
    const o = evaluationOrbit(config, { generator: learned, compact: true, isHereditary: true });
    expect(o.source).toBe('circle');
    expect(o.unit).toBe('deg');
    expect(o.testParameters).toHaveLength(24);
    if (o.family.kind !== 'circle') throw new Error('expected a circle');
    expect(o.family.center.map((v) => +v.toFixed(9))).toEqual([0.41, -0.29]);
    const g0 = goalAt(o.family, o.trainParameters[0]);
    expect(g0[0]).toBeCloseTo(goals[0][0], 9);
    expect(g0[1]).toBeCloseTo(goals[0][1], 9);
    // θ_true on the found orbit is φ − φ_base (scoring only).
    expect(trueGroupAngle(o.family, o.trainParameters[0], learned)?.(o.trainParameters[0] + 1)).toBeCloseTo(
      1,
      12,
    );
  });

  it('accepted and not compact: along the direction found through the base goal, extent as for a line', () => {
    const line: [number, number][] = [
      [0.2, 0.1],
      [0.2 + 0.6, 0.1 + 0.8],
      [0.2 - 0.3, 0.1 - 0.4],
    ];
    const c: ExperimentConfig = { ...config, family: { kind: 'points', goals: line } };
    const o = evaluationOrbit(c, {
      generator: normalizeUnit(translationGenerator([0.6, 0.8])),
      compact: false,
      isHereditary: true,
    });
    expect(o.source).toBe('line');
    expect(o.unit).toBe('arena');
    expect(o.trainParameters.map((t) => +t.toFixed(9))).toEqual([0, 1, -0.5]);
    expect(o.testExtent).toBe(3);
    expect(o.testParameters[0]).toBeCloseTo(-3, 12);
    expect(o.family.kind === 'line' && o.family.origin).toEqual([0.2, 0.1]);
  });

  it('refused (or before discovery): along the polyline through the goals, for the baseline only', () => {
    const o = evaluationOrbit(config, {
      generator: rotationGenerator([0, 0]),
      compact: true,
      isHereditary: false,
    });
    expect(o.source).toBe('polyline');
    expect(o.family).toBe(config.family);
    expect(o.trainParameters).toEqual(polylineOffsets(goals));
    expect(evaluationOrbit(config).source).toBe('polyline');
  });

  it('leaves every other family on its own orbit', () => {
    const o = evaluationOrbit(DEFAULT_CONFIG);
    expect(o.source).toBe('family');
    expect(o.family).toBe(DEFAULT_CONFIG.family);
    expect(o.testParameters).toHaveLength(72);
  });
});
