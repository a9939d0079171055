// Levenberg–Marquardt on a toy least-squares problem, with NaN residuals as dropped points.
import { describe, expect, it } from 'vitest';
import { levenbergMarquardt } from './levenbergMarquardt';

describe('Levenberg–Marquardt', () => {
  it('fits an exponential decay and ignores NaN (dropped) residuals', () => {
    const ts = Array.from({ length: 30 }, (_, k) => k / 10);
    const ys = ts.map((t) => 2 * Math.exp(-1.3 * t));
    const fit = levenbergMarquardt(
      (p) =>
        Float64Array.from(ts.map((t, k) => (k % 7 === 3 ? Number.NaN : p[0] * Math.exp(-p[1] * t) - ys[k]))),
      [1, 0.5],
    );
    expect(fit.params[0]).toBeCloseTo(2, 5);
    expect(fit.params[1]).toBeCloseTo(1.3, 5);
    expect(fit.valid).toBe(26);
  });
});
