import { describe, expect, it } from 'vitest';
import { conjugatedRotationGenerator, rotationGenerator, translationGenerator } from '../lie';
import { describeGenerator, generatorWords } from './describeGenerator';

describe('describeGenerator', () => {
  it('reads a rotation and its centre', () => {
    const s = describeGenerator(rotationGenerator([0.3, -0.7]));
    expect(s.kind).toBe('rotation');
    if (s.kind === 'rotation') {
      expect(s.centre[0]).toBeCloseTo(0.3, 9);
      expect(s.centre[1]).toBeCloseTo(-0.7, 9);
    }
    expect(generatorWords(s)).toBe('a rotation about (0.30, -0.70)');
  });

  it('reads an elliptic flow (a pushed-forward ellipse) and its centre', () => {
    const s = describeGenerator(conjugatedRotationGenerator([1, 2], [0.7, 0, 0, 0.9]));
    expect(s.kind).toBe('elliptic');
    if (s.kind === 'elliptic') expect(s.centre.map((c) => +c.toFixed(6))).toEqual([1, 2]);
  });

  it('reads a translation and its direction, also with a small linear residue', () => {
    const t = translationGenerator([Math.cos(0.5), Math.sin(0.5)]);
    t[0] = 0.004;
    const s = describeGenerator(t);
    expect(s.kind).toBe('translation');
    if (s.kind === 'translation') expect(s.directionDeg).toBeCloseTo((0.5 * 180) / Math.PI, 9);
  });

  it('calls a spiral (trace) or a shear other', () => {
    expect(describeGenerator([0.5, -1, 0, 1, 0.5, 0, 0, 0, 0]).kind).toBe('other');
    expect(describeGenerator([0, 1, 0, 0, 0, 0, 0, 0, 0]).kind).toBe('other');
  });
});
