// One-shot differential symmetry solve (ALGORITHM.md §6): the loss is linear in X, so solve a 6×6 eigenproblem.
import type { KernelFrames } from '../frames/kernelFrames';
import { type Generator, generatorFromVector, normalizeUnit } from '../lie';
import { symmetricEigen } from '../linalg';

export interface ClosedFormResult {
  /** Unit-norm generator (largest entry positive) minimising E_p (N(p)ᵀ(X p̃)_{1:2})². */
  generator: Generator;
  /** Eigenvalues of (1/n) Σ A_pᵀA_p, ascending. */
  eigenvalues: number[];
  /** Eigenvalues with λ ≤ symmetryRatio · λ_max: the number of independent symmetries. */
  symmetryCount: number;
  symmetryRatio: number;
  /** λ₁/λ₂, how clearly the best generator stands out (small = sharp). */
  gapRatio: number;
  /** Frames used (kernelDim 1). */
  framesUsed: number;
}

/**
 * The 6×6 moment (1/n) Σ A_pᵀA_p with A_p = Nᵀ [[p_x, p_y, 1, 0, 0, 0], [0, 0, 0, p_x, p_y, 1]] over the
 * points p (interleaved) with unit normals N for which `use(k)` holds.
 */
export function differentialMomentOf(
  points: Float64Array,
  normals: Float64Array,
  count: number,
  use: (k: number) => boolean = () => true,
): { moment: number[][]; used: number } {
  const m = Array.from({ length: 6 }, () => new Array<number>(6).fill(0));
  const a = new Array<number>(6);
  let used = 0;
  for (let k = 0; k < count; k++) {
    if (!use(k)) continue;
    const x = points[2 * k];
    const y = points[2 * k + 1];
    const nx = normals[2 * k];
    const ny = normals[2 * k + 1];
    a[0] = nx * x;
    a[1] = nx * y;
    a[2] = nx;
    a[3] = ny * x;
    a[4] = ny * y;
    a[5] = ny;
    for (let i = 0; i < 6; i++) for (let j = i; j < 6; j++) m[i][j] += a[i] * a[j];
    used++;
  }
  for (let i = 0; i < 6; i++)
    for (let j = i; j < 6; j++) {
      m[i][j] /= Math.max(1, used);
      m[j][i] = m[i][j];
    }
  return { moment: m, used };
}

/** The differential moment of the kernel frames with a 1-D kernel. */
export function differentialMoment(frames: KernelFrames): { moment: number[][]; used: number } {
  return differentialMomentOf(frames.anchors, frames.normals, frames.count, (k) => frames.kernelDim[k] === 1);
}

/** Minimiser over ‖X‖ = 1: the eigenvector of the smallest eigenvalue of the differential moment. */
export function closedFormGenerator(frames: KernelFrames, symmetryRatio = 1e-3): ClosedFormResult {
  const { moment, used } = differentialMoment(frames);
  const eig = symmetricEigen(moment.flat(), 6);
  const top = Math.max(eig.values[5], 1e-300);
  const symmetryCount = eig.values.filter((v) => v <= symmetryRatio * top).length;
  return {
    generator: normalizeUnit(generatorFromVector(eig.vectors[0])),
    eigenvalues: eig.values,
    symmetryCount,
    symmetryRatio,
    gapRatio: Math.max(0, eig.values[0]) / Math.max(eig.values[1], 1e-300),
    framesUsed: used,
  };
}
