// Small dense linear algebra in plain float64 JS: 2×2 and 3×3 matrices, symmetric eigen-decompositions, linear solves.
import type { Vec2 } from './vec';

// ── 2×2 ────────────────────────────────────────────────────────────────────────────────────────

/** Row-major 2×2 matrix [m00, m01, m10, m11]. */
export type Mat2 = readonly [number, number, number, number];

export const IDENTITY2: Mat2 = [1, 0, 0, 1];

export const rot2 = (theta: number): Mat2 => {
  const c = Math.cos(theta);
  const s = Math.sin(theta);
  return [c, -s, s, c];
};

export const mul2 = (m: Mat2, v: Vec2): [number, number] => [
  m[0] * v[0] + m[1] * v[1],
  m[2] * v[0] + m[3] * v[1],
];

export const matmul2 = (a: Mat2, b: Mat2): Mat2 => [
  a[0] * b[0] + a[1] * b[2],
  a[0] * b[1] + a[1] * b[3],
  a[2] * b[0] + a[3] * b[2],
  a[2] * b[1] + a[3] * b[3],
];

export const det2 = (m: Mat2): number => m[0] * m[3] - m[1] * m[2];

export const inv2 = (m: Mat2): Mat2 => {
  const d = det2(m);
  if (Math.abs(d) < 1e-12) throw new Error('inv2: singular matrix');
  return [m[3] / d, -m[1] / d, -m[2] / d, m[0] / d];
};

export interface Sym2Eigen {
  /** Larger eigenvalue. */
  major: number;
  /** Smaller eigenvalue. */
  minor: number;
  /** Unit eigenvector of the larger eigenvalue (sign arbitrary). */
  vx: number;
  vy: number;
}

/**
 * Eigen-decomposition of the symmetric 2×2 matrix [[a, b], [b, c]] in closed form:
 * λ = (a+c)/2 ± √(((a−c)/2)² + b²); the major axis has angle ½·atan2(2b, a − c).
 */
export function sym2Eigen(a: number, b: number, c: number): Sym2Eigen {
  const mid = 0.5 * (a + c);
  const half = Math.sqrt(0.25 * (a - c) * (a - c) + b * b);
  const phi = 0.5 * Math.atan2(2 * b, a - c);
  return { major: mid + half, minor: mid - half, vx: Math.cos(phi), vy: Math.sin(phi) };
}

// ── 3×3 ────────────────────────────────────────────────────────────────────────────────────────

/** Row-major 3×3 matrix (9 numbers). */
export type Mat3 = number[];

export const identity3 = (): Mat3 => [1, 0, 0, 0, 1, 0, 0, 0, 1];

export function matmul3(a: Mat3, b: Mat3): Mat3 {
  const out = new Array<number>(9).fill(0);
  for (let i = 0; i < 3; i++)
    for (let j = 0; j < 3; j++) {
      let s = 0;
      for (let k = 0; k < 3; k++) s += a[i * 3 + k] * b[k * 3 + j];
      out[i * 3 + j] = s;
    }
  return out;
}

export const scale3 = (a: Mat3, k: number): Mat3 => a.map((v) => v * k);
export const add3 = (a: Mat3, b: Mat3): Mat3 => a.map((v, i) => v + b[i]);
export const sub3 = (a: Mat3, b: Mat3): Mat3 => a.map((v, i) => v - b[i]);
export const frobenius3 = (a: Mat3): number => Math.sqrt(a.reduce((s, v) => s + v * v, 0));
export const maxAbsDiff3 = (a: Mat3, b: Mat3): number => Math.max(...a.map((v, i) => Math.abs(v - b[i])));

/** det by cofactor expansion along the first row: a(ei − fh) − b(di − fg) + c(dh − eg). */
export function det3(m: readonly number[]): number {
  const [a, b, c, d, e, f, g, h, i] = m;
  return a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
}

/**
 * Solve the 3×3 system M x = r by Cramer's rule (no singularity check: pass a `det` already tested,
 * or test the result). x_k = det(M with column k replaced by r) / det M.
 */
export function solve3(m: readonly number[], r: readonly number[], det = det3(m)): [number, number, number] {
  const [a, b, c, d, e, f, g, h, i] = m;
  const [p, q, s] = r;
  return [
    det3([p, b, c, q, e, f, s, h, i]) / det,
    det3([a, p, c, d, q, f, g, s, i]) / det,
    det3([a, b, p, d, e, q, g, h, s]) / det,
  ];
}

export function inverse3(m: Mat3): Mat3 {
  const [a, b, c, d, e, f, g, h, i] = m;
  const A = e * i - f * h;
  const B = -(d * i - f * g);
  const C = d * h - e * g;
  const det = a * A + b * B + c * C;
  if (Math.abs(det) < 1e-14) throw new Error('inverse3: singular matrix');
  const inv = [
    A,
    -(b * i - c * h),
    b * f - c * e,
    B,
    a * i - c * g,
    -(a * f - c * d),
    C,
    -(a * h - b * g),
    a * e - b * d,
  ];
  return inv.map((v) => v / det);
}

// ── n×n (small, dense, row-major flat arrays) ──────────────────────────────────────────────────

export interface SymmetricEigen {
  /** Eigenvalues in ascending order. */
  values: number[];
  /** vectors[k] is the unit eigenvector of values[k]. */
  vectors: number[][];
}

/** A = V diag(λ) Vᵀ by cyclic Jacobi rotations; `a` is row-major n×n and is not modified. */
export function symmetricEigen(a: readonly number[], n: number): SymmetricEigen {
  const m = a.slice();
  const v = new Array<number>(n * n).fill(0);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    let diag = 0;
    for (let i = 0; i < n; i++) {
      diag += m[i * n + i] ** 2;
      for (let j = i + 1; j < n; j++) off += m[i * n + j] ** 2;
    }
    if (off <= 1e-30 * Math.max(diag, 1e-300)) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = m[p * n + q];
        if (apq === 0) continue;
        // tan(2φ) = 2 a_pq / (a_qq − a_pp); t = tan φ, the smaller root.
        const tau = (m[q * n + q] - m[p * n + p]) / (2 * apq);
        const t = Math.sign(tau || 1) / (Math.abs(tau) + Math.sqrt(1 + tau * tau));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const mkp = m[k * n + p];
          const mkq = m[k * n + q];
          m[k * n + p] = c * mkp - s * mkq;
          m[k * n + q] = s * mkp + c * mkq;
        }
        for (let k = 0; k < n; k++) {
          const mpk = m[p * n + k];
          const mqk = m[q * n + k];
          m[p * n + k] = c * mpk - s * mqk;
          m[q * n + k] = s * mpk + c * mqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p];
          const vkq = v[k * n + q];
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => m[i * n + i] - m[j * n + j]);
  return {
    values: order.map((i) => m[i * n + i]),
    vectors: order.map((i) => Array.from({ length: n }, (_, k) => v[k * n + i])),
  };
}

/** Solve the small dense system A x = b by Gaussian elimination with partial pivoting (null if singular). */
export function solveLinear(a: readonly number[], b: readonly number[], n: number): number[] | null {
  const m = a.slice();
  const x = b.slice();
  for (let col = 0; col < n; col++) {
    let piv = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r * n + col]) > Math.abs(m[piv * n + col])) piv = r;
    if (Math.abs(m[piv * n + col]) < 1e-300) return null;
    if (piv !== col) {
      for (let k = 0; k < n; k++) [m[col * n + k], m[piv * n + k]] = [m[piv * n + k], m[col * n + k]];
      [x[col], x[piv]] = [x[piv], x[col]];
    }
    for (let r = col + 1; r < n; r++) {
      const f = m[r * n + col] / m[col * n + col];
      if (f === 0) continue;
      for (let k = col; k < n; k++) m[r * n + k] -= f * m[col * n + k];
      x[r] -= f * x[col];
    }
  }
  for (let r = n - 1; r >= 0; r--) {
    let s = x[r];
    for (let k = r + 1; k < n; k++) s -= m[r * n + k] * x[k];
    x[r] = s / m[r * n + r];
  }
  return x;
}
