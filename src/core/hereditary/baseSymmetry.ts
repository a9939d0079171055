// Closed-form differential symmetry of the base reward (ALGORITHM.md §6): argmin_‖X‖=1 Σ (N(p)ᵀ(X p̃)_{1:2})².
import { type Generator, generatorFromVector, normalizeCompact, normalizeUnit } from '../lie';
import { symmetricEigen } from '../linalg';
import { differentialMomentOf } from '../symmetry/closedForm';
import type { BaseAnchors } from './baseAnchors';

export interface BaseSymmetry {
  /** The symmetry S, period-2π normalised when compact, else unit norm. */
  generator: Generator;
  compact: boolean;
  /** Ascending eigenvalues of the 6×6 matrix Σ a aᵀ divided by the anchor count. */
  spectrum: number[];
  /** λ₁/λ₂: near zero means exactly one symmetry. */
  gapRatio: number;
}

/** The closed-form solve of the symmetry module on the base anchors' points and gradient normals. */
export function discoverBaseSymmetry(anchors: BaseAnchors): BaseSymmetry {
  const { moment } = differentialMomentOf(anchors.points, anchors.normals, anchors.count);
  const eig = symmetricEigen(moment.flat(), 6);
  const raw = generatorFromVector(eig.vectors[0]);
  const compactX = normalizeCompact(raw);
  return {
    generator: compactX ?? normalizeUnit(raw),
    compact: compactX !== null,
    spectrum: eig.values,
    gapRatio: eig.values[0] / Math.max(eig.values[1], 1e-300),
  };
}
