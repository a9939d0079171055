import { describe, expect, it } from 'vitest';
import type { HereditaryResult } from '../core/hereditary';
import { rotationGenerator, translationGenerator } from '../core/lie';
import { summariseVerdict } from './verdictStore';

const result = (patch: Partial<HereditaryResult>): HereditaryResult =>
  ({
    generator: rotationGenerator([0, 0]),
    thetas: [1, 2],
    isHereditary: true,
    compact: true,
    relativeResidual: 1.2,
    threshold: 4,
    reason: 'old reason',
    ...patch,
  }) as HereditaryResult;

describe('summariseVerdict', () => {
  it('prefers the calibrated verdict and says what it means', () => {
    const s = summariseVerdict(
      result({
        verdict: {
          hereditary: false,
          compact: true,
          statistic: 900,
          threshold: 40,
          reason: 'Not hereditary: …',
          observed: 1,
          floor: 1,
          replicates: [],
          taskRatios: [],
        },
      }),
    );
    expect(s).toMatchObject({
      hereditary: false,
      statistic: 900,
      threshold: 40,
      reason: 'Not hereditary: …',
    });
    expect(s.meaning).toMatch(/not offered/);
    expect(s.generator).toBe('a rotation about (0.00, 0.00)');
  });

  it('falls back to the older ratio and names a translation', () => {
    const s = summariseVerdict(
      result({ generator: translationGenerator([0, 1]), compact: false, errorDeg: 0.2 }),
    );
    expect(s).toMatchObject({
      hereditary: true,
      compact: false,
      statistic: 1.2,
      threshold: 4,
      errorDeg: 0.2,
    });
    expect(s.generator).toBe('a translation along 90.0°');
    expect(s.meaning).toMatch(/beyond the training span/);
  });
});
