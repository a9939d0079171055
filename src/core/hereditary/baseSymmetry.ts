// Closed-form differential symmetry of the base reward (ALGORITHM.md §6): argmin_‖X‖=1 Σ (N(p)ᵀ(X p̃)_{1:2})².
import { type Generator, generatorFromVector, normalizeCompact, normalizeUnit } from '../lie';
import type { BaseAnchors } from './baseAnchors';
import { symmetricEigen } from './symmetricEigen';

export interface BaseSymmetry {
  /** The symmetry S, period-2π normalised when compact, else unit norm. */
  generator: Generator;
  compact: boolean;
  /** Ascending eigenvalues of the 6×6 matrix Σ a aᵀ divided by the anchor count. */
  spectrum: number[];
  /** λ₁/λ₂: near zero means exactly one symmetry. */
  gapRatio: number;
}

/** Row a_p with a_p·vec(X) = Nᵀ(B p + v) for X's six free numbers (B row-major, then v interleaved). */
export function discoverBaseSymmetry(anchors: BaseAnchors): BaseSymmetry {
  const m = new Array<number>(36).fill(0);
  const a = new Array<number>(6);
  for (let k = 0; k < anchors.count; k++) {
    const px = anchors.points[2 * k];
    const py = anchors.points[2 * k + 1];
    const nx = anchors.normals[2 * k];
    const ny = anchors.normals[2 * k + 1];
    // X = [[b00, b01, v0], [b10, b11, v1]] → Nᵀ(Xp̃) = nx(b00 px + b01 py + v0) + ny(b10 px + b11 py + v1).
    a[0] = nx * px;
    a[1] = nx * py;
    a[2] = nx;
    a[3] = ny * px;
    a[4] = ny * py;
    a[5] = ny;
    for (let i = 0; i < 6; i++) for (let j = 0; j < 6; j++) m[i * 6 + j] += a[i] * a[j];
  }
  const eig = symmetricEigen(
    m.map((v) => v / Math.max(1, anchors.count)),
    6,
  );
  const raw = generatorFromVector(eig.vectors[0]);
  const compactX = normalizeCompact(raw);
  return {
    generator: compactX ?? normalizeUnit(raw),
    compact: compactX !== null,
    spectrum: eig.values,
    gapRatio: eig.values[0] / Math.max(eig.values[1], 1e-300),
  };
}
