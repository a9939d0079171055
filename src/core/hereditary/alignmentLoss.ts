// Frame-alignment and value-consistency residuals of one task under a candidate left action L (ALGORITHM.md §7).
import type { Mat3 } from '../linalg';
import type { BaseAnchors } from './baseAnchors';
import type { RewardField } from './rewardField';

/** Each term is divided by its own per-task noise floor: loss = mean frame²/σ_F + mean value²/σ_V. */
export interface TermWeights {
  frame: number;
  value: number;
}

/**
 * Write 2 residuals per anchor into out[offset…]: √w_F · N_i(Lp)ᵀ A K₀(p)/‖A K₀(p)‖ (the sine between the
 * pushed base tangent and task i's level set) and √w_V · (f̂_i(Lp) − f̂₀(p)). NaN where Lp leaves the support.
 */
export function writeAlignmentResiduals(
  anchors: BaseAnchors,
  field: RewardField,
  l: Mat3,
  w: TermWeights,
  out: Float64Array,
  offset = 0,
): void {
  const sf = Math.sqrt(w.frame);
  const sv = Math.sqrt(w.value);
  for (let k = 0; k < anchors.count; k++) {
    const px = anchors.points[2 * k];
    const py = anchors.points[2 * k + 1];
    const qx = l[0] * px + l[1] * py + l[2];
    const qy = l[3] * px + l[4] * py + l[5];
    const value = field.value(qx, qy);
    const normal = Number.isFinite(value) ? field.normal(qx, qy) : null;
    if (!normal) {
      out[offset + 2 * k] = Number.NaN;
      out[offset + 2 * k + 1] = Number.NaN;
      continue;
    }
    const kx = anchors.tangents[2 * k];
    const ky = anchors.tangents[2 * k + 1];
    const tx = l[0] * kx + l[1] * ky;
    const ty = l[3] * kx + l[4] * ky;
    const tn = Math.hypot(tx, ty) || 1e-300;
    out[offset + 2 * k] = (sf * (normal[0] * tx + normal[1] * ty)) / tn;
    out[offset + 2 * k + 1] = sv * (value - anchors.values[k]);
  }
}

export interface AlignmentTerms {
  /** Mean squared frame residual (unweighted) over valid anchors. */
  frame: number;
  /** Mean squared value residual (unweighted) over valid anchors. */
  value: number;
  valid: number;
  dropped: number;
}

/** Unweighted mean terms of one task, optionally restricted to anchors valid in `mask`. */
export function alignmentTerms(
  anchors: BaseAnchors,
  field: RewardField,
  l: Mat3,
  mask?: Uint8Array,
): AlignmentTerms {
  const r = new Float64Array(2 * anchors.count);
  writeAlignmentResiduals(anchors, field, l, { frame: 1, value: 1 }, r);
  let f = 0;
  let v = 0;
  let n = 0;
  for (let k = 0; k < anchors.count; k++) {
    if (!Number.isFinite(r[2 * k]) || (mask && !mask[k])) continue;
    f += r[2 * k] ** 2;
    v += r[2 * k + 1] ** 2;
    n++;
  }
  return { frame: f / Math.max(n, 1), value: v / Math.max(n, 1), valid: n, dropped: anchors.count - n };
}

/** 1 for anchors that L keeps inside the task's support. */
export function supportMask(anchors: BaseAnchors, field: RewardField, l: Mat3): Uint8Array {
  const m = new Uint8Array(anchors.count);
  for (let k = 0; k < anchors.count; k++) {
    const px = anchors.points[2 * k];
    const py = anchors.points[2 * k + 1];
    const qx = l[0] * px + l[1] * py + l[2];
    const qy = l[3] * px + l[4] * py + l[5];
    m[k] = Number.isFinite(field.value(qx, qy)) && field.normal(qx, qy) ? 1 : 0;
  }
  return m;
}

export const weightedLoss = (t: AlignmentTerms, w: TermWeights): number =>
  w.frame * t.frame + w.value * t.value;
