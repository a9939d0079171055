// Each side's OWN loss on the held-out samples at given generators: what the truth-free lr rule compares.
import * as tf from '@tensorflow/tfjs';
import { applyToPoint, flow, generatorFromVector } from '../lie';
import type { RaceContext } from './raceContext';
import { differentialLossGradJs, functionalLossGradJs, functionalWorkspace } from './raceLossesJs';
import type { RaceSide } from './raceTypes';
import { differentialLossSeeds, functionalLossSeeds } from './symmetryLosses';

/**
 * The held-out objective of each generator (6-vectors, one per seed): the differential side's
 * mean (Nᵀ X̂p̃)² over the held-out frames, or the functional side's masked mean (f(exp(θX̂)p̃) − f(p))² over the
 * held-out samples, each with its fixed θ. The same loss the side trains on, never the truth. A generator that
 * is not finite (a diverged run) scores Infinity, so a diverging lr loses by itself.
 */
export function heldOutObjectives(
  ctx: RaceContext,
  side: RaceSide,
  generators: readonly number[][],
  /** Use only the first `limit` held-out samples (the lr rule's cheap trace during training). */
  limit = Number.POSITIVE_INFINITY,
): number[] {
  const finite = generators.map((g) => g.every(Number.isFinite) && g.some((v) => v !== 0));
  const safe = generators.map((g, s) => (finite[s] ? g : [1, 0, 0, 0, 0, 0]));
  const values =
    side === 'differential'
      ? differentialHeldOut(ctx, safe, limit)
      : functionalHeldOut(ctx, safe, finite, limit);
  return values.map((v, s) => (finite[s] && Number.isFinite(v) ? v : Number.POSITIVE_INFINITY));
}

/** At most `limit` entries of idx, evenly strided over it (all of them when limit ≥ its length). */
function evenSubset(idx: Int32Array, limit: number): Int32Array {
  if (idx.length <= limit) return idx;
  const stride = idx.length / limit;
  return Int32Array.from({ length: limit }, (_, j) => idx[Math.floor(j * stride)]);
}

function differentialHeldOut(ctx: RaceContext, generators: number[][], limit: number): number[] {
  const idx = evenSubset(ctx.heldOutFrameIdx, limit);
  const H = idx.length;
  const S = generators.length;
  if (H === 0) return generators.map(() => Number.NaN);
  const { anchors, normals } = ctx.opts.frames;
  const pts = new Float32Array(2 * H);
  const nrm = new Float32Array(2 * H);
  idx.forEach((k, h) => {
    pts[2 * h] = anchors[2 * k];
    pts[2 * h + 1] = anchors[2 * k + 1];
    nrm[2 * h] = normals[2 * k];
    nrm[2 * h + 1] = normals[2 * k + 1];
  });
  if ((ctx.opts.impl ?? 'js') === 'js') {
    const loss = new Float64Array(1);
    return generators.map((g) => {
      differentialLossGradJs(
        Float32Array.from(g),
        1,
        H,
        pts,
        nrm,
        ctx.opts.symmetricTerm ?? false,
        loss,
        null,
      );
      return Math.fround(loss[0]);
    });
  }
  return tf.tidy(() => {
    const x = tf.tensor2d(generators.flat(), [S, 6]);
    const p = tf.tensor3d(pts, [1, H, 2]).tile([S, 1, 1]) as tf.Tensor3D;
    const n = tf.tensor3d(nrm, [1, H, 2]).tile([S, 1, 1]) as tf.Tensor3D;
    return Array.from(differentialLossSeeds(x, p, n, ctx.opts.symmetricTerm ?? false).dataSync());
  });
}

function functionalHeldOut(
  ctx: RaceContext,
  generators: number[][],
  finite: boolean[],
  limit: number,
): number[] {
  const positions = evenSubset(Int32Array.from(ctx.heldOutSampleIdx.keys()), limit);
  const idx = positions.map((h) => ctx.heldOutSampleIdx[h]);
  // Float32Array: Int32Array.map would truncate the angles.
  const thetas = Float32Array.from(positions, (h) => ctx.heldOutThetas[h]);
  const H = idx.length;
  const S = generators.length;
  if (H === 0 || !ctx.reward) return generators.map(() => Number.NaN);
  const { points } = ctx.opts.samples;
  const pts = new Float32Array(2 * H);
  const before = new Float32Array(H);
  idx.forEach((i, h) => {
    pts[2 * h] = points[2 * i];
    pts[2 * h + 1] = points[2 * i + 1];
    before[h] = ctx.rewardAtSamples[i];
  });
  let weights: Float32Array | null = null;
  if (ctx.support) {
    const support = ctx.support;
    const w = new Float32Array(S * H);
    weights = w;
    generators.forEach((g, s) => {
      if (!finite[s]) return;
      const norm = Math.hypot(...g);
      const unit = generatorFromVector(g.map((v) => v / norm));
      for (let h = 0; h < H; h++) {
        const [qx, qy] = applyToPoint(flow(unit, thetas[h]), [pts[2 * h], pts[2 * h + 1]]);
        let inside = false;
        support.forEachWithin(qx, qy, ctx.maskRadius, () => {
          inside = true;
        });
        w[s * H + h] = inside ? 1 : 0;
      }
    });
  }
  const maxTheta = Math.max(Math.abs(ctx.theta[0]), Math.abs(ctx.theta[1]));
  if (ctx.rewardJs) {
    const loss = new Float64Array(1);
    const ws = functionalWorkspace(maxTheta);
    const rewardJs = ctx.rewardJs;
    return generators.map((g, s) => {
      const w = weights ? weights.subarray(s * H, (s + 1) * H) : null;
      functionalLossGradJs(Float32Array.from(g), 1, H, pts, thetas, before, w, rewardJs, ws, loss, null);
      return Math.fround(loss[0]);
    });
  }
  const reward = ctx.reward;
  return tf.tidy(() => {
    const x = tf.tensor2d(generators.flat(), [S, 6]);
    const p = tf.tensor3d(pts, [1, H, 2]).tile([S, 1, 1]) as tf.Tensor3D;
    const th = tf.tensor2d(thetas, [1, H]).tile([S, 1]) as tf.Tensor2D;
    const f0 = tf.tensor2d(before, [1, H]).tile([S, 1]) as tf.Tensor2D;
    const w = weights ? tf.tensor2d(weights, [S, H]) : undefined;
    return Array.from(functionalLossSeeds(x, p, th, reward, maxTheta, w, f0).dataSync());
  });
}
