// Frames at new points: Gaussian-weighted average of nearby anchor projectors K Kᵀ, then its top eigenvector.

import { sym2Eigen } from '../linalg';
import { SpatialGrid } from '../spatialGrid';
import type { KernelFrames } from './kernelFrames';

export interface FrameFieldOptions {
  /** Gaussian bandwidth h (default 0.07; ALGORITHM.md §5 suggests 0.05–0.1). */
  bandwidth?: number;
  /** Average over at most the k nearest anchors (default 8). */
  k?: number;
  /** Anchors farther than cutoff·h are ignored; none left ⇒ null (default 3). */
  cutoff?: number;
  /** λ₂/λ₁ of the averaged projector below which the kernel is 1-D (default 0.2). */
  lineRatio?: number;
}

export interface FrameAt {
  /** Unit kernel direction (sign-free). */
  tangent: [number, number];
  /** Unit normal, the tangent turned by −90°. */
  normal: [number, number];
  /** 1 when the averaged projector has a clear top direction, 2 when nearby anchors disagree. */
  kernelDim: 1 | 2;
  /** (λ₁ − λ₂)/(λ₁ + λ₂) of the averaged projector: 1 = all nearby anchors agree. */
  coherence: number;
  /** Anchors that contributed. */
  used: number;
}

/**
 * A continuous frame field built from anchor frames. Averaging projectors rather than the frame vectors
 * is what makes it sign-free: K and −K give the same K Kᵀ (averaging vectors cancels; a ref bug).
 */
export class FrameField {
  private readonly grid: SpatialGrid;
  private readonly tangents: Float64Array;
  private readonly h: number;
  private readonly k: number;
  private readonly reach: number;
  private readonly lineRatio: number;

  constructor(frames: KernelFrames, opts: FrameFieldOptions = {}) {
    this.h = opts.bandwidth ?? 0.07;
    this.k = opts.k ?? 8;
    this.reach = (opts.cutoff ?? 3) * this.h;
    this.lineRatio = opts.lineRatio ?? 0.2;
    // Only anchors with a 1-D kernel carry a direction.
    let n = 0;
    for (let i = 0; i < frames.count; i++) if (frames.kernelDim[i] === 1) n++;
    const pts = new Float64Array(2 * n);
    this.tangents = new Float64Array(2 * n);
    let m = 0;
    for (let i = 0; i < frames.count; i++) {
      if (frames.kernelDim[i] !== 1) continue;
      pts[2 * m] = frames.anchors[2 * i];
      pts[2 * m + 1] = frames.anchors[2 * i + 1];
      this.tangents[2 * m] = frames.tangents[2 * i];
      this.tangents[2 * m + 1] = frames.tangents[2 * i + 1];
      m++;
    }
    this.grid = new SpatialGrid(pts, n, this.reach);
  }

  /** The frame at (x, y), or null where no anchor lies within the cutoff. */
  at(x: number, y: number): FrameAt | null {
    const near: [number, number][] = [];
    this.grid.forEachWithin(x, y, this.reach, (i, d2) => near.push([i, d2]));
    if (near.length === 0) return null;
    near.sort((a, b) => a[1] - b[1]);
    const used = Math.min(this.k, near.length);
    const h2 = 2 * this.h * this.h;
    let pxx = 0;
    let pxy = 0;
    let pyy = 0;
    for (let m = 0; m < used; m++) {
      const [i, d2] = near[m];
      const w = Math.exp(-d2 / h2);
      const tx = this.tangents[2 * i];
      const ty = this.tangents[2 * i + 1];
      pxx += w * tx * tx;
      pxy += w * tx * ty;
      pyy += w * ty * ty;
    }
    const e = sym2Eigen(pxx, pxy, pyy);
    if (!(e.major > 0)) return null;
    const ratio = Math.max(0, e.minor) / e.major;
    return {
      tangent: [e.vx, e.vy],
      normal: [e.vy, -e.vx],
      kernelDim: ratio < this.lineRatio ? 1 : 2,
      coherence: (e.major - Math.max(0, e.minor)) / (e.major + Math.max(0, e.minor)),
      used,
    };
  }
}
