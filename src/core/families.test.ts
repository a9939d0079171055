// Tests of the one same-family and same-training-set checks: equal up to a link's rounding, different otherwise.
import { describe, expect, it } from 'vitest';
import { degToRad, radToDeg } from './angles';
import {
  type EllipseFamily,
  PAPER_TRAIN_ANGLES,
  sameFamily,
  sameTrainingAngles,
  sameTrainingParameters,
} from './families';

const ellipse: EllipseFamily = {
  kind: 'ellipse',
  center: [0.5, -1],
  axes: [0.7, 0.9],
  tilt: degToRad(30),
  reward: 'pushforward',
};

describe('sameFamily', () => {
  it('accepts a family read back from a link (tilt kept to 0.01°)', () => {
    const roundTripped = { ...ellipse, tilt: degToRad(Math.round(30.004 * 100) / 100) + degToRad(0.004) };
    expect(sameFamily(ellipse, roundTripped)).toBe(true);
    expect(
      sameFamily(
        { kind: 'circle', center: [0, 0], radius: 1 },
        { kind: 'circle', center: [0, 0], radius: 1 },
      ),
    ).toBe(true);
  });

  it('tells apart every field that defines a family', () => {
    expect(sameFamily(ellipse, { ...ellipse, center: [0.5, -0.99] })).toBe(false);
    expect(sameFamily(ellipse, { ...ellipse, axes: [0.7, 0.91] })).toBe(false);
    expect(sameFamily(ellipse, { ...ellipse, tilt: degToRad(30.02) })).toBe(false);
    expect(sameFamily(ellipse, { ...ellipse, reward: 'euclidean' })).toBe(false);
    expect(
      sameFamily(
        { kind: 'circle', center: [0, 0], radius: 1 },
        { kind: 'circle', center: [0, 0], radius: 1.01 },
      ),
    ).toBe(false);
    expect(sameFamily({ kind: 'circle', center: [0.5, -1], radius: 0.7 }, ellipse)).toBe(false);
  });
});

describe('sameTrainingAngles', () => {
  it('accepts angles kept to 0.01° in a link and wraps across ±π', () => {
    const linked = PAPER_TRAIN_ANGLES.map((a) => degToRad(Math.round(radToDeg(a) * 100) / 100));
    expect(sameTrainingAngles(PAPER_TRAIN_ANGLES, linked)).toBe(true);
    expect(sameTrainingAngles([Math.PI - 1e-5], [-Math.PI + 1e-5])).toBe(true);
  });

  it('refuses another order, another count or a moved task', () => {
    expect(sameTrainingAngles([0, 1, 2], [0, 2, 1])).toBe(false);
    expect(sameTrainingAngles([0, 1, 2], [0, 1])).toBe(false);
    expect(sameTrainingAngles([0, 1, 2], [0, 1, 2 + degToRad(0.05)])).toBe(false);
  });
});

describe('sameTrainingParameters', () => {
  it('wraps angles round a circle but never a line’s offsets', () => {
    const circle = { kind: 'circle', center: [0, 0], radius: 1 } as const;
    const line = { kind: 'line', origin: [0, 0], direction: 0 } as const;
    expect(sameTrainingParameters(circle, [0.3, 1], [0.3 + 2 * Math.PI, 1])).toBe(true);
    expect(sameTrainingParameters(line, [0.3, 1], [0.3 + 2 * Math.PI, 1])).toBe(false);
    expect(sameTrainingParameters(line, [0.3, 1], [0.3, 1])).toBe(true);
  });
});
