// Small 2D vector and 2×2 matrix types and helpers shared by the core.

export type Vec2 = readonly [number, number];
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

export const norm2 = (x: number, y: number): number => Math.sqrt(x * x + y * y);

/** Wrap an angle to (−π, π]. */
export const wrapAngle = (a: number): number => {
  const t = Math.atan2(Math.sin(a), Math.cos(a));
  return t === -Math.PI ? Math.PI : t;
};

export const deg = (rad: number): number => (rad * 180) / Math.PI;
export const rad = (degrees: number): number => (degrees * Math.PI) / 180;
