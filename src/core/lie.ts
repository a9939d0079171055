// Affine Lie-group maths in homogeneous coordinates (ALGORITHM.md §4), plain float64 JS.
import {
  add3,
  frobenius3,
  identity3,
  inv2,
  inverse3,
  type Mat2,
  type Mat3,
  matmul2,
  matmul3,
  maxAbsDiff3,
  scale3,
  sub3,
} from './linalg';
import type { Vec2 } from './vec';

/**
 * A Lie-algebra element of the affine group: a Mat3 [[B, v], [0, 0]] with a zero last row
 * (group elements are Mat3s [[A, b], [0, 1]]).
 */
export type Generator = Mat3;

/** Scratch matrices of expm3 (it runs dozens of times per θ inference, so it allocates only its result). */
const EXP_A = new Float64Array(9);
const EXP_TERM = new Float64Array(9);
const EXP_SUM = new Float64Array(9);
const EXP_TMP = new Float64Array(9);

/** out = a·b for 3×3 row-major matrices (out must not alias a or b); the same sums, in the same order, as matmul3. */
function matmul3Into(out: Float64Array, a: Float64Array, b: Float64Array): void {
  for (let i = 0; i < 3; i++)
    for (let j = 0; j < 3; j++) {
      let s = 0;
      for (let k = 0; k < 3; k++) s += a[i * 3 + k] * b[k * 3 + j];
      out[i * 3 + j] = s;
    }
}

/**
 * exp(M) by scaling and squaring with a degree-14 Taylor series (float64, ‖M‖/2^s ≤ 0.25). The arithmetic is
 * that of scale3/matmul3/add3 step for step, in scratch arrays: the same bits, without ~50 small arrays per call.
 */
export function expm3(m: Mat3): Mat3 {
  const norm = frobenius3(m);
  const s = norm > 0.25 ? Math.ceil(Math.log2(norm / 0.25)) : 0;
  const f = 1 / 2 ** s;
  for (let i = 0; i < 9; i++) {
    EXP_A[i] = m[i] * f;
    EXP_TERM[i] = i % 4 === 0 ? 1 : 0;
    EXP_SUM[i] = EXP_TERM[i];
  }
  for (let k = 1; k <= 14; k++) {
    matmul3Into(EXP_TMP, EXP_TERM, EXP_A);
    const c = 1 / k;
    for (let i = 0; i < 9; i++) {
      EXP_TERM[i] = EXP_TMP[i] * c;
      EXP_SUM[i] = EXP_SUM[i] + EXP_TERM[i];
    }
  }
  for (let k = 0; k < s; k++) {
    matmul3Into(EXP_TMP, EXP_SUM, EXP_SUM);
    EXP_SUM.set(EXP_TMP);
  }
  // A literal, not Array.from: that walks an iterator, one result object per entry.
  const r = EXP_SUM;
  return [r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8]];
}

/** exp(θX). */
export const flow = (x: Generator, theta: number): Mat3 => expm3(scale3(x, theta));

/** Principal square root by Denman–Beavers iteration. */
function sqrtm3(m: Mat3): Mat3 {
  let y = m.slice();
  let z = identity3();
  for (let it = 0; it < 60; it++) {
    const yi = inverse3(y);
    const zi = inverse3(z);
    const yn = scale3(add3(y, zi), 0.5);
    const zn = scale3(add3(z, yi), 0.5);
    const change = maxAbsDiff3(yn, y);
    y = yn;
    z = zn;
    if (change < 1e-15) break;
  }
  return y;
}

/**
 * Principal matrix logarithm by inverse scaling and squaring: take square roots until close to I,
 * then the series log(I + E) = E − E²/2 + …, times 2^k. Needs no eigenvalue on (−∞, 0].
 */
export function logm3(m: Mat3): Mat3 {
  let a = m.slice();
  let k = 0;
  while (maxAbsDiff3(a, identity3()) > 0.1 && k < 40) {
    a = sqrtm3(a);
    k++;
  }
  const e = sub3(a, identity3());
  let power = e.slice();
  let sum = e.slice();
  for (let n = 2; n <= 24; n++) {
    power = matmul3(power, e);
    sum = add3(sum, scale3(power, (n % 2 === 0 ? -1 : 1) / n));
  }
  return scale3(sum, 2 ** k);
}

/** L p̃ for a point p. */
export function applyToPoint(l: Mat3, p: Vec2): [number, number] {
  return [l[0] * p[0] + l[1] * p[1] + l[2], l[3] * p[0] + l[4] * p[1] + l[5]];
}

/** The linear part A of L applied to a vector (an action, a tangent). */
export function applyToVector(l: Mat3, v: Vec2): [number, number] {
  return [l[0] * v[0] + l[1] * v[1], l[3] * v[0] + l[4] * v[1]];
}

/** The vector field of a generator at p: (X p̃)_{1:2}. */
export const generatorField = applyToPoint;

/** The 6 free numbers of a generator: its top two rows. */
export const generatorVector = (x: Generator): number[] => x.slice(0, 6);
export const generatorFromVector = (v: readonly number[]): Generator => [...v.slice(0, 6), 0, 0, 0];

/** Sign-free angle (radians) between two generators as 6-vectors. */
export function generatorAngleError(x: Generator, y: Generator): number {
  const a = generatorVector(x);
  const b = generatorVector(y);
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < 6; i++) {
    dot += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  if (na === 0 || nb === 0) return Math.PI / 2;
  return Math.acos(Math.min(1, Math.abs(dot) / Math.sqrt(na * nb)));
}

/** Rotation about c, X_c = [[0, −1, c_y], [1, 0, −c_x], [0, 0, 0]]; exp(2πX_c) = I. */
export const rotationGenerator = (c: Vec2): Generator => [0, -1, c[1], 1, 0, -c[0], 0, 0, 0];

/** Translation along d at speed ‖d‖: X = [[0, 0, d_x], [0, 0, d_y], [0, 0, 0]] (zero linear part: not compact). */
/** The fixed point c of a generator with an invertible linear part (B c + v = 0): the centre its flow turns about. */
export function rotationCentre(x: Generator): Vec2 {
  const det = x[0] * x[4] - x[1] * x[3];
  return [-(x[4] * x[2] - x[1] * x[5]) / det, -(-x[3] * x[2] + x[0] * x[5]) / det];
}

export const translationGenerator = (d: Vec2): Generator => [0, 0, d[0], 0, 0, d[1], 0, 0, 0];

/** The generator of rotation about c conjugated by a linear map C: C J C⁻¹ about c. */
export function conjugatedRotationGenerator(c: Vec2, shape: Mat2): Generator {
  const [p, q, r, s] = shape;
  // B = C J C⁻¹ with J = [[0, −1], [1, 0]], so C J = [[q, −p], [s, −r]].
  const b = matmul2([q, -p, s, -r], inv2(shape));
  return [b[0], b[1], -(b[0] * c[0] + b[1] * c[1]), b[2], b[3], -(b[2] * c[0] + b[3] * c[1]), 0, 0, 0];
}

export interface CompactnessReport {
  compact: boolean;
  /** ω with eigenvalues of B ≈ ±iω (NaN when not compact). */
  omega: number;
  /** |tr B| / ‖B‖, the relative departure from purely imaginary eigenvalues. */
  traceRatio: number;
  /** ‖B‖ / ‖X‖ over the 6 free numbers: √2/√(2 + R²) for a rotation about a point R from the origin, 0 for a translation. */
  linearFraction: number;
}

/**
 * Below this ‖B‖/‖X‖ a generator counts as a translation, whatever its B: a rotation about a point more than about
 * 70 arena units away (the arena is 10 wide). An estimated translation keeps a small, noisy B (measured ‖B‖/‖X‖ ≈
 * 0.001–0.006 on a line family), whose trace ratio alone would sometimes pass and normalise it to a huge period-2π
 * rotation.
 */
export const MIN_COMPACT_LINEAR_FRACTION = 0.02;

/** B's eigenvalues are purely imaginary iff tr B ≈ 0 and det B > 0 (and B is not negligible beside v). */
export function compactness(x: Generator, tol = 0.05): CompactnessReport {
  const tr = x[0] + x[4];
  const det = x[0] * x[4] - x[1] * x[3];
  const nb2 = x[0] ** 2 + x[1] ** 2 + x[3] ** 2 + x[4] ** 2;
  const nb = Math.sqrt(nb2) || 1;
  const linearFraction = Math.sqrt(nb2 / (nb2 + x[2] ** 2 + x[5] ** 2 || 1));
  const traceRatio = Math.abs(tr) / nb;
  const disc = det - (tr * tr) / 4;
  const compact = traceRatio <= tol && disc > 0 && linearFraction >= MIN_COMPACT_LINEAR_FRACTION;
  return { compact, omega: compact ? Math.sqrt(disc) : Number.NaN, traceRatio, linearFraction };
}

/**
 * Scale a compact generator so that exp(2πX) = I, its trace removed, oriented counter-clockwise
 * (B₁₀ − B₀₁ > 0). Returns null when the generator is not compact.
 */
export function normalizeCompact(x: Generator, tol = 0.05): Generator | null {
  const rep = compactness(x, tol);
  if (!rep.compact) return null;
  const half = (x[0] + x[4]) / 2;
  const y = x.slice();
  y[0] -= half;
  y[4] -= half;
  const sign = y[3] - y[1] >= 0 ? 1 : -1;
  return scale3(y, sign / rep.omega).map((v, i) => (i >= 6 ? 0 : v));
}

/** Unit-Frobenius generator with a fixed sign (largest-magnitude entry positive). */
export function normalizeUnit(x: Generator): Generator {
  const v = generatorVector(x);
  const n = Math.sqrt(v.reduce((s, t) => s + t * t, 0)) || 1;
  let big = 0;
  for (let i = 1; i < 6; i++) if (Math.abs(v[i]) > Math.abs(v[big])) big = i;
  const sign = v[big] < 0 ? -1 : 1;
  return generatorFromVector(v.map((t) => (t * sign) / n));
}
