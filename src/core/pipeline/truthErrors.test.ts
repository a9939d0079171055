// Raw matrix errors against the truth and the true group angle (both scoring only), checked by hand.
import { describe, expect, it } from 'vitest';
import { degToRad } from '../angles';
import { type EllipseFamily, familyShape, goalAt } from '../families';
import { applyToPoint, conjugatedRotationGenerator, flow, type Generator, rotationGenerator } from '../lie';
import { trueGroupAngle } from './truth';
import { frobeniusErrors, generatorFrobeniusError } from './truthErrors';

const scale = (g: Generator, k: number): Generator => g.map((v) => v * k);

describe('generatorFrobeniusError', () => {
  it('is the centre error for rotations about nearby points, whatever their scale and sign', () => {
    const truth = rotationGenerator([0, 0]);
    const learned = rotationGenerator([0.1, -0.02]);
    // X_c = [[0, −1, c_y], [1, 0, −c_x]]: the difference is (c_y, −c_x) in the last column.
    const byHand = Math.hypot(0.1, 0.02);
    for (const k of [1, 3.7, -0.4]) {
      const e = generatorFrobeniusError(scale(learned, k), truth);
      expect(e.normalisation).toBe('period 2π');
      expect(e.error).toBeCloseTo(byHand, 12);
    }
  });

  it('falls back to unit norm when one side is not compact (a translation)', () => {
    const translation: Generator = [0, 0, 1, 0, 0, 0, 0, 0, 0];
    const e = generatorFrobeniusError(translation, rotationGenerator([0, 0]));
    expect(e.normalisation).toBe('unit norm');
    // Orthogonal unit vectors: ‖u − v‖ = √2.
    expect(e.error).toBeCloseTo(Math.SQRT2, 12);
  });

  it('fills null where a generator or its truth is missing', () => {
    const out = frobeniusErrors({
      a: [null, rotationGenerator([0, 0])],
      b: [rotationGenerator([0, 0]), null],
    });
    expect(out.errors_frobenius).toEqual({ a: null, b: null });
    expect(out.errors_frobenius_normalisation).toEqual({ a: null, b: null });
  });
});

describe('trueGroupAngle (scoring only)', () => {
  it('carries the base goal onto the goal at φ under the true generator of a pushed-forward ellipse', () => {
    const family: EllipseFamily = {
      kind: 'ellipse',
      center: [0.3, -0.2],
      axes: [0.7, 0.9],
      tilt: degToRad(20),
      reward: 'pushforward',
    };
    const base = degToRad(40);
    const x = conjugatedRotationGenerator(family.center, familyShape(family));
    const theta = trueGroupAngle(family, base);
    if (!theta) throw new Error('no true angle');
    for (const phi of [0, 1, 2.5, 4, 6]) {
      const moved = applyToPoint(flow(x, theta(phi)), goalAt(family, base));
      const goal = goalAt(family, phi);
      expect(Math.hypot(moved[0] - goal[0], moved[1] - goal[1])).toBeLessThan(1e-9);
    }
  });

  it('is null for the Euclidean ellipse (no true generator)', () => {
    const family: EllipseFamily = {
      kind: 'ellipse',
      center: [0, 0],
      axes: [0.7, 0.9],
      tilt: 0,
      reward: 'euclidean',
    };
    expect(trueGroupAngle(family, 0)).toBeNull();
  });
});
