// Eigen-decomposition of a symmetric 2×2 matrix [[a, b], [b, c]] in closed form.

export interface Sym2Eigen {
  /** Larger eigenvalue. */
  major: number;
  /** Smaller eigenvalue. */
  minor: number;
  /** Unit eigenvector of the larger eigenvalue (sign arbitrary). */
  vx: number;
  vy: number;
}

/** λ = (a+c)/2 ± √(((a−c)/2)² + b²); the major axis has angle ½·atan2(2b, a − c). */
export function sym2Eigen(a: number, b: number, c: number): Sym2Eigen {
  const mid = 0.5 * (a + c);
  const rad = Math.sqrt(0.25 * (a - c) * (a - c) + b * b);
  const phi = 0.5 * Math.atan2(2 * b, a - c);
  return { major: mid + rad, minor: mid - rad, vx: Math.cos(phi), vy: Math.sin(phi) };
}
