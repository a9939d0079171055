// Batched tfjs gradient-frame estimator (the GPU path): gather padded neighbours, solve 3×3 normal equations.
import * as tf from '@tensorflow/tfjs';
import type { RewardSamples } from '../explorationData';
import { SpatialGrid } from '../spatialGrid';
import { chooseAnchorIndices } from './kernelFrames';

export interface GradientNormalsTfOptions {
  radius: number;
  maxAnchors?: number;
  seed?: number;
  /** Anchors per tensor batch (default 2048). */
  batch?: number;
  /** Fewest neighbours for a normal (default 6, as the plain-JS estimator). */
  minNeighbours?: number;
}

export interface GradientNormalsTf {
  anchors: Float64Array;
  /** Unit normals ∇f/‖∇f‖ (0, 0 where `valid` is 0). */
  normals: Float64Array;
  valid: Uint8Array;
  count: number;
}

/** Row-major [B, K] neighbour tensors for a batch of anchors, padded to the batch's largest neighbourhood. */
function gatherBatch(
  grid: SpatialGrid,
  samples: RewardSamples,
  anchorIdx: Int32Array,
  eps: number,
): { dx: Float32Array; dy: Float32Array; df: Float32Array; w: Float32Array; width: number } {
  const lists: number[][] = [];
  let width = 1;
  for (const i of anchorIdx) {
    const near: number[] = [];
    grid.forEachWithin(samples.points[2 * i], samples.points[2 * i + 1], eps, (j) => near.push(j));
    lists.push(near);
    width = Math.max(width, near.length);
  }
  const size = anchorIdx.length * width;
  const dx = new Float32Array(size);
  const dy = new Float32Array(size);
  const df = new Float32Array(size);
  const w = new Float32Array(size);
  for (let b = 0; b < anchorIdx.length; b++) {
    const i = anchorIdx[b];
    const near = lists[b];
    for (let m = 0; m < near.length; m++) {
      const j = near[m];
      const o = b * width + m;
      // Scaled by 1/ε and relative to the anchor so float32 keeps its digits.
      dx[o] = (samples.points[2 * j] - samples.points[2 * i]) / eps;
      dy[o] = (samples.points[2 * j + 1] - samples.points[2 * i + 1]) / eps;
      df[o] = samples.values[j] - samples.values[i];
      w[o] = 1;
    }
  }
  return { dx, dy, df, w, width };
}

/**
 * For rows (1, dx, dy) and weights w: S = XᵀWX (3×3), t = XᵀWf, solved per anchor by Cramer's rule in
 * tf ops. Returns [B, 3]: the unit normal (x, y) and a validity flag.
 */
function solveBatch(
  rawDx: tf.Tensor2D,
  rawDy: tf.Tensor2D,
  rawDf: tf.Tensor2D,
  w: tf.Tensor2D,
  minN: number,
): tf.Tensor2D {
  return tf.tidy(() => {
    const sum = (t: tf.Tensor2D): tf.Tensor1D => t.sum(1) as tf.Tensor1D;
    // Shift each neighbourhood to its weighted mean first: the same least-squares problem, but the
    // normal equations become well conditioned in float32 (the intercept decouples).
    const wsum = sum(w).maximum(1e-12).expandDims(1);
    const centre = (t: tf.Tensor2D) =>
      t.sub(
        sum(w.mul(t) as tf.Tensor2D)
          .expandDims(1)
          .div(wsum),
      ) as tf.Tensor2D;
    const dx = centre(rawDx);
    const dy = centre(rawDy);
    const df = centre(rawDf);
    const wx = w.mul(dx) as tf.Tensor2D;
    const wy = w.mul(dy) as tf.Tensor2D;
    const s0 = sum(w);
    const sx = sum(wx);
    const sy = sum(wy);
    const sxx = sum(wx.mul(dx) as tf.Tensor2D);
    const sxy = sum(wx.mul(dy) as tf.Tensor2D);
    const syy = sum(wy.mul(dy) as tf.Tensor2D);
    const b0 = sum(w.mul(df) as tf.Tensor2D);
    const bx = sum(wx.mul(df) as tf.Tensor2D);
    const by = sum(wy.mul(df) as tf.Tensor2D);
    // det S and the gradient components by Cramer (S symmetric: [[s0, sx, sy], [sx, sxx, sxy], [sy, sxy, syy]]).
    const m = (a: tf.Tensor, b: tf.Tensor) => a.mul(b);
    const minorYY = m(sxx, syy).sub(m(sxy, sxy));
    const det = m(s0, minorYY)
      .sub(m(sx, m(sx, syy).sub(m(sxy, sy))))
      .add(m(sy, m(sx, sxy).sub(m(sxx, sy))));
    const gx = m(s0, m(bx, syy).sub(m(sxy, by)))
      .sub(m(b0, m(sx, syy).sub(m(sxy, sy))))
      .add(m(sy, m(sx, by).sub(m(bx, sy))));
    const gy = m(s0, m(sxx, by).sub(m(bx, sxy)))
      .sub(m(sx, m(sx, by).sub(m(bx, sy))))
      .add(m(b0, m(sx, sxy).sub(m(sxx, sy))));
    // ∇f ∝ (gx, gy)/det; the sign of det flips both, and a normal is sign-free anyway.
    const norm = gx.square().add(gy.square()).sqrt();
    const ok = s0.greaterEqual(minN).logicalAnd(norm.greater(0)).logicalAnd(det.abs().greater(1e-9));
    const safe = tf.where(ok, norm, tf.onesLike(norm));
    return tf.stack([gx.div(safe), gy.div(safe), ok.cast('float32')], 1) as tf.Tensor2D;
  });
}

/** Gradient-estimator normals for many anchors at once, on whatever tfjs backend is active. */
export async function estimateGradientNormalsTf(
  samples: RewardSamples,
  opts: GradientNormalsTfOptions,
): Promise<GradientNormalsTf> {
  const eps = opts.radius;
  const batch = opts.batch ?? 2048;
  const minN = Math.max(opts.minNeighbours ?? 6, 4);
  const idx = chooseAnchorIndices(samples.count, opts.maxAnchors, opts.seed ?? 0);
  const grid = new SpatialGrid(samples.points, samples.count, eps);
  const n = idx.length;
  const out: GradientNormalsTf = {
    anchors: new Float64Array(2 * n),
    normals: new Float64Array(2 * n),
    valid: new Uint8Array(n),
    count: n,
  };
  for (let start = 0; start < n; start += batch) {
    const part = idx.subarray(start, Math.min(n, start + batch));
    const g = gatherBatch(grid, samples, part, eps);
    const shape: [number, number] = [part.length, g.width];
    const dx = tf.tensor2d(g.dx, shape);
    const dy = tf.tensor2d(g.dy, shape);
    const df = tf.tensor2d(g.df, shape);
    const w = tf.tensor2d(g.w, shape);
    const res = solveBatch(dx, dy, df, w, minN);
    const data = await res.data();
    tf.dispose([dx, dy, df, w, res]);
    for (let b = 0; b < part.length; b++) {
      const k = start + b;
      const i = part[b];
      out.anchors[2 * k] = samples.points[2 * i];
      out.anchors[2 * k + 1] = samples.points[2 * i + 1];
      out.valid[k] = data[3 * b + 2] > 0.5 ? 1 : 0;
      if (out.valid[k]) {
        out.normals[2 * k] = data[3 * b];
        out.normals[2 * k + 1] = data[3 * b + 1];
      }
    }
  }
  return out;
}
