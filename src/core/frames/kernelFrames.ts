// Kernel frames of a sampled reward (ALGORITHM.md §5): gradient (local regression) and level-set estimators.
import { runToEnd, type Yielding } from '../cooperative';
import type { RewardSamples } from '../explorationData';
import { sym2Eigen } from '../linalg';
import { Rng } from '../rng';
import { SpatialGrid } from '../spatialGrid';

export type FrameEstimator = 'gradient' | 'levelset';

export interface KernelFrameOptions {
  estimator: FrameEstimator;
  /** Neighbourhood radius ε. */
  radius: number;
  /** Level-set tolerance δ on |f_j − f_i| (levelset only; default 0.005). */
  delta?: number;
  /** Use at most this many anchors, drawn by `seed` (default: every sample is an anchor). */
  maxAnchors?: number;
  seed?: number;
  /** Fewest neighbours for a frame (default 6 for gradient, 1 for levelset as in the ref). */
  minNeighbours?: number;
  /** Eigenvalue ratio λ₂/λ₁ below which the kernel is 1-D (default 0.2). */
  lineRatio?: number;
  /** Eigenvalue ratio above which the reward is locally flat, kernel 2-D (default 0.5). */
  flatRatio?: number;
  /** Gradient only: the moment is ĝĝᵀ + c·Cov(ĝ); c = 4 asks for a gradient ≈ 2σ above its noise (default 4). */
  significance?: number;
}

/** One kernel frame per anchor; in 2D with a 1-D kernel the frame is a tangent and the normal ⟂ it. */
export interface KernelFrames {
  /** Anchor points (x0, y0, x1, y1, …). */
  anchors: Float64Array;
  /** Unit normal N(p) per anchor (sign arbitrary; 0 where kernelDim is 0). */
  normals: Float64Array;
  /** Unit kernel direction K(p) per anchor, the normal turned by +90°. */
  tangents: Float64Array;
  /** From the eigenvalue gap: 1 normally, 0 = degenerate (no frame), 2 = locally flat. */
  kernelDim: Uint8Array;
  /** 1 − λ₂/λ₁ of the estimator's 2×2 moment (1 = a sharp direction). */
  quality: Float64Array;
  /** Neighbours used per anchor. */
  neighbours: Int32Array;
  count: number;
  /** Fraction of anchors with a frame (kernelDim > 0). */
  covered: number;
  estimator: FrameEstimator;
  radius: number;
}

/** Indices of the anchors: all samples, or a seeded subset of `maxAnchors`. */
export function chooseAnchorIndices(count: number, maxAnchors?: number, seed = 0): Int32Array {
  if (maxAnchors === undefined || maxAnchors >= count) {
    const all = new Int32Array(count);
    for (let i = 0; i < count; i++) all[i] = i;
    return all;
  }
  return new Rng(seed).permutation(count).slice(0, maxAnchors);
}

function emptyFrames(n: number, estimator: FrameEstimator, radius: number): KernelFrames {
  return {
    anchors: new Float64Array(2 * n),
    normals: new Float64Array(2 * n),
    tangents: new Float64Array(2 * n),
    kernelDim: new Uint8Array(n),
    quality: new Float64Array(n),
    neighbours: new Int32Array(n),
    count: n,
    covered: 0,
    estimator,
    radius,
  };
}

/** Store a frame from the 2×2 moment [[a, b], [b, c]]; `majorIsNormal` says which axis the major one is. */
function storeFrame(
  out: KernelFrames,
  k: number,
  a: number,
  b: number,
  c: number,
  majorIsNormal: boolean,
  lineRatio: number,
  flatRatio: number,
  normal?: readonly [number, number],
): void {
  const e = sym2Eigen(a, b, c);
  if (e.major === 0 && normal) {
    // An exactly constant neighbourhood: no gradient and no noise, so the reward is flat here.
    out.kernelDim[k] = 2;
    return;
  }
  if (!(e.major > 0) || !Number.isFinite(e.major)) return;
  const ratio = Math.max(0, e.minor) / e.major;
  let nx = majorIsNormal ? e.vx : -e.vy;
  let ny = majorIsNormal ? e.vy : e.vx;
  if (normal) {
    const len = Math.hypot(normal[0], normal[1]);
    if (len > 0) {
      nx = normal[0] / len;
      ny = normal[1] / len;
    }
  }
  out.normals[2 * k] = nx;
  out.normals[2 * k + 1] = ny;
  out.tangents[2 * k] = -ny;
  out.tangents[2 * k + 1] = nx;
  out.quality[k] = 1 - ratio;
  out.kernelDim[k] = ratio < lineRatio ? 1 : ratio > flatRatio ? 2 : 0;
}

/**
 * The frames yield after this much work: anchors plus the neighbours they visit (≈ 500 anchors at the quick budget's
 * ≈ 9 neighbours each, about 1 ms warm in Node).
 */
export const FRAME_YIELD_WORK = 5000;

/**
 * An estimator's frames, filled in chunks: `fill(from)` does anchors from `from` on until FRAME_YIELD_WORK work is done
 * (or the anchors end) and returns the next anchor. The hot loop stays in a plain function that the generator calls,
 * and the chunks run the same code in the same order as one pass would.
 */
interface FrameChunks {
  out: KernelFrames;
  fill: (from: number) => number;
}

/**
 * Gradient estimator: ordinary least squares f_j − f_i ≈ a + gᵀ(p_j − p_i) over all samples within ε
 * (the 3×3 normal equations, reduced to the centred 2×2 system). N = ĝ/‖ĝ‖. The kernel dimension
 * comes from the eigenvalue gap of ĝĝᵀ + c·Cov(ĝ), Cov(ĝ) = s²·C⁻¹: a gradient lost in its noise is "flat".
 */
function gradientFrames(samples: RewardSamples, idx: Int32Array, opts: KernelFrameOptions): FrameChunks {
  const eps = opts.radius;
  const minN = opts.minNeighbours ?? 6;
  const lineRatio = opts.lineRatio ?? 0.2;
  const flatRatio = opts.flatRatio ?? 0.5;
  const significance = opts.significance ?? 4;
  const out = emptyFrames(idx.length, 'gradient', eps);
  const grid = new SpatialGrid(samples.points, samples.count, eps);
  const pts = samples.points;
  const vals = samples.values;
  let s0 = 0;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  let sf = 0;
  let sxf = 0;
  let syf = 0;
  let sff = 0;
  let px = 0;
  let py = 0;
  let pf = 0;
  const visit = (j: number): void => {
    const dx = (pts[2 * j] - px) / eps;
    const dy = (pts[2 * j + 1] - py) / eps;
    const df = vals[j] - pf;
    s0 += 1;
    sx += dx;
    sy += dy;
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
    sf += df;
    sxf += dx * df;
    syf += dy * df;
    sff += df * df;
  };
  const fill = (from: number): number => {
    let work = 0;
    let k = from;
    for (; k < idx.length && work < FRAME_YIELD_WORK; k++) {
      const i = idx[k];
      px = pts[2 * i];
      py = pts[2 * i + 1];
      pf = vals[i];
      out.anchors[2 * k] = px;
      out.anchors[2 * k + 1] = py;
      s0 = sx = sy = sxx = sxy = syy = sf = sxf = syf = sff = 0;
      grid.forEachWithin(px, py, eps, visit);
      out.neighbours[k] = s0;
      work += 1 + s0;
      if (s0 < Math.max(minN, 4)) continue;
      // Centred moments (the intercept eliminated from the 3×3 system).
      const cxx = sxx - (sx * sx) / s0;
      const cxy = sxy - (sx * sy) / s0;
      const cyy = syy - (sy * sy) / s0;
      const cxf = sxf - (sx * sf) / s0;
      const cyf = syf - (sy * sf) / s0;
      const cff = sff - (sf * sf) / s0;
      const det = cxx * cyy - cxy * cxy;
      if (!(det > 1e-12 * (cxx + cyy) * (cxx + cyy))) continue;
      const gx = (cyy * cxf - cxy * cyf) / det;
      const gy = (cxx * cyf - cxy * cxf) / det;
      const rss = Math.max(0, cff - gx * cxf - gy * cyf);
      // Cov(ĝ) = s²·C⁻¹ with C⁻¹ = [[cyy, −cxy], [−cxy, cxx]]/det, inflated by `significance` (≈ 2σ).
      const s2 = (significance * rss) / (s0 - 3);
      storeFrame(
        out,
        k,
        gx * gx + (s2 * cyy) / det,
        gx * gy - (s2 * cxy) / det,
        gy * gy + (s2 * cxx) / det,
        true,
        lineRatio,
        flatRatio,
        [gx, gy],
      );
    }
    return k;
  };
  return { out, fill };
}

/**
 * Level-set estimator (the ref's): neighbours with ‖p_j − p_i‖ < ε and |f_j − f_i| < δ, unit
 * differences u, uncentred second moment Σ u uᵀ; its leading eigenvector is the tangent.
 */
function levelSetFrames(samples: RewardSamples, idx: Int32Array, opts: KernelFrameOptions): FrameChunks {
  const eps = opts.radius;
  const delta = opts.delta ?? 0.005;
  const minN = opts.minNeighbours ?? 1;
  const lineRatio = opts.lineRatio ?? 0.2;
  const flatRatio = opts.flatRatio ?? 0.5;
  const out = emptyFrames(idx.length, 'levelset', eps);
  const grid = new SpatialGrid(samples.points, samples.count, eps);
  const pts = samples.points;
  const vals = samples.values;
  let n = 0;
  /** Neighbours within ε, kept or not (the work done, for the yields). */
  let visited = 0;
  let mxx = 0;
  let mxy = 0;
  let myy = 0;
  let self = 0;
  let px = 0;
  let py = 0;
  let pf = 0;
  const visit = (j: number, d2: number): void => {
    visited++;
    if (j === self || d2 === 0 || Math.abs(vals[j] - pf) >= delta) return;
    const inv = 1 / d2;
    const dx = pts[2 * j] - px;
    const dy = pts[2 * j + 1] - py;
    mxx += dx * dx * inv;
    mxy += dx * dy * inv;
    myy += dy * dy * inv;
    n++;
  };
  const fill = (from: number): number => {
    let work = 0;
    let k = from;
    for (; k < idx.length && work < FRAME_YIELD_WORK; k++) {
      self = idx[k];
      px = pts[2 * self];
      py = pts[2 * self + 1];
      pf = vals[self];
      out.anchors[2 * k] = px;
      out.anchors[2 * k + 1] = py;
      n = visited = 0;
      mxx = mxy = myy = 0;
      grid.forEachWithin(px, py, eps, visit);
      out.neighbours[k] = n;
      work += 1 + visited;
      if (n < minN) continue;
      storeFrame(out, k, mxx / n, mxy / n, myy / n, false, lineRatio, flatRatio);
    }
    return k;
  };
  return { out, fill };
}

/** Kernel frames at anchors drawn from the samples, by the chosen estimator. */
export function estimateKernelFrames(samples: RewardSamples, opts: KernelFrameOptions): KernelFrames {
  return runToEnd(estimateKernelFramesSteps(samples, opts));
}

/** estimateKernelFrames as a Yielding computation (every FRAME_YIELD_WORK anchors + neighbours): the same frames. */
export function* estimateKernelFramesSteps(
  samples: RewardSamples,
  opts: KernelFrameOptions,
): Yielding<KernelFrames> {
  const idx = chooseAnchorIndices(samples.count, opts.maxAnchors, opts.seed ?? 0);
  const { out: frames, fill } =
    opts.estimator === 'gradient' ? gradientFrames(samples, idx, opts) : levelSetFrames(samples, idx, opts);
  for (let k = fill(0); k < idx.length; k = fill(k)) yield;
  let withFrame = 0;
  for (let k = 0; k < frames.count; k++) if (frames.kernelDim[k] > 0) withFrame++;
  frames.covered = frames.count > 0 ? withFrame / frames.count : 0;
  return frames;
}

/** Sign-free angle (radians) between each 1-D frame's normal and the true normal; NaN where kernelDim ≠ 1. */
export function frameAngleErrors(
  frames: KernelFrames,
  trueNormalAt: (x: number, y: number) => readonly [number, number],
): Float64Array {
  const out = new Float64Array(frames.count);
  for (let k = 0; k < frames.count; k++) {
    if (frames.kernelDim[k] !== 1) {
      out[k] = Number.NaN;
      continue;
    }
    const [tx, ty] = trueNormalAt(frames.anchors[2 * k], frames.anchors[2 * k + 1]);
    const tn = Math.hypot(tx, ty);
    const dot = Math.abs(frames.normals[2 * k] * tx + frames.normals[2 * k + 1] * ty) / (tn || 1);
    out[k] = Math.acos(Math.min(1, dot));
  }
  return out;
}
