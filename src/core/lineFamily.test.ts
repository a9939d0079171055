// The line family (ALGORITHM.md §3): goals, distances along it, test offsets, its true translation and compactness.
import { describe, expect, it } from 'vitest';
import { degToRad } from './angles';
import { baseTrainingStartHalfWidth, DEFAULT_CONFIG, type ExperimentConfig } from './experimentConfig';
import {
  defaultLineTestExtent,
  describeFamily,
  goalAt,
  type LineFamily,
  orbitDistanceToSet,
  sameFamily,
  testAngles,
  testParameters,
  trainingParameters,
} from './families';
import {
  compactness,
  generatorAngleError,
  MIN_COMPACT_LINEAR_FRACTION,
  normalizeCompact,
  rotationGenerator,
  translationGenerator,
} from './lie';
import { familyTruth, trueGroupAngle } from './pipeline/truth';

const line: LineFamily = { kind: 'line', origin: [0.4, -0.7], direction: degToRad(135) };
const d = [Math.cos(degToRad(135)), Math.sin(degToRad(135))];

describe('line family: goals and distances in arena units', () => {
  it('puts g(t) = o + t·d, |g(t) − g(s)| = |t − s|, for any real t', () => {
    expect(goalAt(line, 0)).toEqual([0.4, -0.7]);
    for (const t of [-2.3, 0.55, 3.1]) {
      const g = goalAt(line, t);
      expect(g[0]).toBeCloseTo(0.4 + t * d[0], 12);
      expect(g[1]).toBeCloseTo(-0.7 + t * d[1], 12);
      const h = goalAt(line, 0.8);
      expect(Math.hypot(g[0] - h[0], g[1] - h[1])).toBeCloseTo(Math.abs(t - 0.8), 12);
    }
  });

  it('keeps training offsets as given (no wrapping), base first', () => {
    expect(trainingParameters({ kind: 'offsets', offsets: [0.25, -4, 7.5] })).toEqual([0.25, -4, 7.5]);
  });

  it('spreads test offsets evenly over [−L, L], both ends included; periodic families are unchanged', () => {
    expect(testParameters(line, 9, 2)).toEqual([-2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2]);
    expect(testParameters(line, 1, 2)).toEqual([0]);
    expect(() => testParameters(line, 5)).toThrow(/positive test extent/);
    const circle = { kind: 'circle' as const, center: [0, 0] as const, radius: 1 };
    expect(testParameters(circle, 24, 2)).toEqual(testAngles(24));
  });

  it('measures distance to training along the orbit: |t − nearest t_i| on a line, wrapped degrees on a circle', () => {
    const train = [0, 0.5, 1.1];
    expect(orbitDistanceToSet(line, -1.7, train)).toBeCloseTo(1.7, 12);
    expect(orbitDistanceToSet(line, 3, train)).toBeCloseTo(1.9, 12);
    expect(orbitDistanceToSet(line, 0.8, train)).toBeCloseTo(0.3, 12);
    const circle = { kind: 'circle' as const, center: [0, 0] as const, radius: 1 };
    expect(orbitDistanceToSet(circle, degToRad(350), [degToRad(10)])).toBeCloseTo(20, 9);
  });

  it('chooses a default test extent of max(3, 2·max|t_i|), cut to keep every goal 0.5 inside the arena', () => {
    const flat: LineFamily = { kind: 'line', origin: [0, 0], direction: 0 };
    expect(defaultLineTestExtent(flat, [0, 0.3, 0.6])).toBe(3);
    expect(defaultLineTestExtent(flat, [0, 2.5])).toBeCloseTo(4.5, 12);
    expect(defaultLineTestExtent({ ...flat, origin: [3.5, 0] }, [0, 0.3])).toBeCloseTo(1, 12);
    // Most test goals then lie outside a short training span [0, 0.6]: (3 − 0.6 + 3) / 6 = 90 %.
    const ts = testParameters(flat, 61, defaultLineTestExtent(flat, [0, 0.3, 0.6]));
    expect(ts.filter((t) => t < 0 || t > 0.6).length / ts.length).toBeGreaterThan(0.85);
  });

  it('is one family only up to its own fields', () => {
    expect(sameFamily(line, { ...line })).toBe(true);
    expect(sameFamily(line, { ...line, direction: line.direction + 2 * Math.PI })).toBe(true);
    expect(sameFamily(line, { ...line, direction: line.direction + degToRad(1) })).toBe(false);
    expect(sameFamily(line, { ...line, origin: [0.4, -0.69] })).toBe(false);
    expect(sameFamily(line, { kind: 'circle', center: [0.4, -0.7], radius: 1 })).toBe(false);
    expect(describeFamily(line)).toBe('line o=(0.4, -0.7) direction=135.0°');
  });
});

describe('line family: the true translation and the compactness check', () => {
  it('has a translation with zero linear part as its true generator, not compact', () => {
    const truth = familyTruth(line, 0.5);
    expect(truth.hereditary).toEqual(translationGenerator([d[0], d[1]]));
    expect(truth.hereditary?.slice(0, 2)).toEqual([0, 0]);
    expect(compactness(truth.hereditary ?? []).compact).toBe(false);
    expect(truth.baseGoal).toEqual([...goalAt(line, 0.5)]);
    expect(truth.rewardSymmetry).toEqual(rotationGenerator(goalAt(line, 0.5)));
  });

  it('scores θ_true = ±(t − t₀), oriented like the learned generator (scoring only)', () => {
    const truth = translationGenerator([d[0], d[1]]);
    const same = trueGroupAngle(line, 0.5, truth);
    const flipped = trueGroupAngle(
      line,
      0.5,
      truth.map((v) => -v),
    );
    expect(same?.(-2)).toBeCloseTo(-2.5, 12);
    expect(flipped?.(-2)).toBeCloseTo(2.5, 12);
  });

  it('calls an estimated translation with a small noisy B non-compact, a rotation about a far but finite point compact', () => {
    // tr B = 0 and det B > 0: only the ‖B‖/‖X‖ guard keeps it from being normalised to a huge period-2π rotation.
    const noisy = [0, -0.003, 0.94, 0.003, 0, 0.34, 0, 0, 0];
    const c = compactness(noisy);
    expect(c.traceRatio).toBe(0);
    expect(c.linearFraction).toBeLessThan(MIN_COMPACT_LINEAR_FRACTION);
    expect(c.compact).toBe(false);
    expect(normalizeCompact(noisy)).toBeNull();
    const far = rotationGenerator([30, 0]);
    expect(compactness(far).compact).toBe(true);
    expect(generatorAngleError(noisy, translationGenerator([0.94, 0.34]))).toBeLessThan(degToRad(0.5));
  });
});

describe('line family: where the base policy trains', () => {
  const lineConfig = (testExtent: number, offsets: number[]): ExperimentConfig => ({
    ...DEFAULT_CONFIG,
    family: line,
    training: { kind: 'offsets', offsets },
    testExtent,
  });

  it('widens the start square to L + |t₀| + 0.5 (at least 3, at most 0.25 inside the wall); circles keep 3', () => {
    expect(baseTrainingStartHalfWidth(lineConfig(3, [0, 0.3]))).toBeCloseTo(3.5, 12);
    expect(baseTrainingStartHalfWidth(lineConfig(1, [0, 0.3]))).toBe(3);
    expect(baseTrainingStartHalfWidth(lineConfig(4.5, [0.5, 1]))).toBeCloseTo(4.75, 12);
    expect(baseTrainingStartHalfWidth(DEFAULT_CONFIG)).toBe(3);
  });
});
