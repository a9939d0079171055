// Small dense linear algebra: 2×2 helpers, closed-form and Jacobi eigen-decompositions, 3×3 and n×n solves.
import { describe, expect, it } from 'vitest';
import {
  det2,
  det3,
  identity3,
  inv2,
  inverse3,
  matmul2,
  matmul3,
  maxAbsDiff3,
  mul2,
  rot2,
  solve3,
  solveLinear,
  sym2Eigen,
  symmetricEigen,
} from './linalg';

describe('2×2 matrices', () => {
  it('rotation, products, determinant and inverse agree', () => {
    const r = rot2(0.7);
    const v = mul2(r, [1, 0]);
    expect(v[0]).toBeCloseTo(Math.cos(0.7), 15);
    expect(v[1]).toBeCloseTo(Math.sin(0.7), 15);
    expect(det2(r)).toBeCloseTo(1, 15);
    const m = [0.7, 0.1, -0.2, 0.9] as const;
    const p = matmul2(m, inv2(m));
    for (const [i, want] of [1, 0, 0, 1].entries()) expect(p[i]).toBeCloseTo(want, 14);
    expect(() => inv2([1, 2, 2, 4])).toThrow();
  });

  it('closed-form symmetric eigen-decomposition', () => {
    const [a, b, c] = [2, 0.6, 0.5];
    const e = sym2Eigen(a, b, c);
    expect(e.major).toBeGreaterThan(e.minor);
    expect(e.major + e.minor).toBeCloseTo(a + c, 14);
    expect(e.major * e.minor).toBeCloseTo(a * c - b * b, 14);
    expect(a * e.vx + b * e.vy).toBeCloseTo(e.major * e.vx, 14);
    expect(b * e.vx + c * e.vy).toBeCloseTo(e.major * e.vy, 14);
    expect(Math.hypot(e.vx, e.vy)).toBeCloseTo(1, 15);
  });
});

describe('3×3 matrices', () => {
  const m = [4, 1, 0.5, 1, 3, -1, 0.5, -1, 2];

  it('inverse, determinant and Cramer solve agree', () => {
    expect(maxAbsDiff3(matmul3(m, inverse3(m)), identity3())).toBeLessThan(1e-14);
    expect(det3(m)).toBeCloseTo(4 * (6 - 1) - 1 * (2 + 0.5) + 0.5 * (-1 - 1.5), 13);
    const x = solve3(m, [1, 2, 3]);
    const back = [0, 1, 2].map((i) => m[3 * i] * x[0] + m[3 * i + 1] * x[1] + m[3 * i + 2] * x[2]);
    for (const [i, want] of [1, 2, 3].entries()) expect(back[i]).toBeCloseTo(want, 13);
    expect(() => inverse3([1, 2, 3, 2, 4, 6, 0, 1, 1])).toThrow();
  });
});

describe('small dense n×n helpers', () => {
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

  it('diagonalises a random symmetric 6×6 matrix', () => {
    const a = Array.from({ length: 6 }, (_, i) =>
      Array.from({ length: 6 }, (_, j) => Math.sin(1 + i * 7 + j * 7 + i * j)),
    );
    const s = a.map((row, i) => row.map((v, j) => v + a[j][i]));
    const { values, vectors } = symmetricEigen(s.flat(), 6);
    for (let k = 0; k < 6; k++) {
      const sv = s.map((row) => row.reduce((acc, v, j) => acc + v * vectors[k][j], 0));
      for (let i = 0; i < 6; i++) expect(sv[i]).toBeCloseTo(values[k] * vectors[k][i], 9);
      if (k > 0) expect(values[k]).toBeGreaterThanOrEqual(values[k - 1]);
    }
  });

  it('solves a linear system', () => {
    const x = solveLinear([4, 1, 0, 1, 3, 1, 0, 1, 2], [1, 2, 3], 3);
    expect(x).not.toBeNull();
    const [p, q, r] = x as number[];
    expect(4 * p + q).toBeCloseTo(1, 12);
    expect(p + 3 * q + r).toBeCloseTo(2, 12);
    expect(q + 2 * r).toBeCloseTo(3, 12);
  });
});
