import { describe, expect, it } from 'vitest';
import { collinearityScore, goldenSection } from './alignLogs';
import { levenbergMarquardt } from './levenbergMarquardt';
import { solveLinear, symmetricEigen } from './symmetricEigen';

describe('small linear-algebra and optimisation helpers', () => {
  it('Jacobi eigen-decomposition reconstructs a random symmetric 6×6 matrix', () => {
    const n = 6;
    const a = new Array<number>(36);
    for (let i = 0; i < n; i++)
      for (let j = 0; j <= i; j++) a[i * n + j] = a[j * n + i] = Math.sin(i * 7 + j * 3 + 1);
    const { values, vectors } = symmetricEigen(a, n);
    for (let k = 1; k < n; k++) expect(values[k]).toBeGreaterThanOrEqual(values[k - 1]);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let k = 0; k < n; k++) s += values[k] * vectors[k][i] * vectors[k][j];
        expect(s).toBeCloseTo(a[i * n + j], 10);
      }
  });

  it('solves a linear system and finds a 1-D minimum', () => {
    const x = solveLinear([4, 1, 0, 1, 3, 1, 0, 1, 2], [1, 2, 3], 3);
    expect(x).not.toBeNull();
    const [p, q, r] = x as number[];
    expect(4 * p + q).toBeCloseTo(1, 12);
    expect(p + 3 * q + r).toBeCloseTo(2, 12);
    expect(q + 2 * r).toBeCloseTo(3, 12);
    expect(goldenSection((t) => (t - 0.3) ** 2, -1, 2, 60)).toBeCloseTo(0.3, 8);
  });

  it('collinearity score is 0 for parallel rows and 1 for orthogonal pairs', () => {
    expect(
      collinearityScore([
        [1, 0, 0, 0, 0, 0],
        [-1, 0, 0, 0, 0, 0],
      ]),
    ).toBeCloseTo(0, 12);
    expect(
      collinearityScore([
        [1, 0, 0, 0, 0, 0],
        [0, 1, 0, 0, 0, 0],
      ]),
    ).toBeCloseTo(1, 12);
  });

  it('Levenberg–Marquardt fits an exponential decay and ignores NaN (dropped) residuals', () => {
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
