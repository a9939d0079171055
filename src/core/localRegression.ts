// Gaussian-weighted local linear regression of scalar samples: a reward model f̂ with its gradient.
import type { RewardSamples } from './explorationData';
import { det3, solve3 } from './linalg';
import { SpatialGrid } from './spatialGrid';

export interface LocalFit {
  value: number;
  gradX: number;
  gradY: number;
  /** Neighbours used; 0 means the query is outside the data's support. */
  neighbours: number;
}

/**
 * f(q + d) ≈ a + gᵀd fitted by weighted least squares over samples within 2.5 bandwidths
 * (weights exp(−‖d‖²/2h²)). Falls back to the weighted mean when the 3×3 system is singular.
 */
export class LocalLinearModel {
  readonly grid: SpatialGrid;

  constructor(
    readonly samples: RewardSamples,
    readonly bandwidth: number,
    readonly minNeighbours = 6,
  ) {
    this.grid = new SpatialGrid(samples.points, samples.count, 2.5 * bandwidth);
  }

  fit(x: number, y: number): LocalFit {
    const h2 = 2 * this.bandwidth * this.bandwidth;
    const pts = this.samples.points;
    const vals = this.samples.values;
    // Accumulate XᵀWX (symmetric 3×3) and XᵀWy with rows (1, dx, dy).
    let s0 = 0;
    let sx = 0;
    let sy = 0;
    let sxx = 0;
    let sxy = 0;
    let syy = 0;
    let b0 = 0;
    let bx = 0;
    let by = 0;
    let n = 0;
    this.grid.forEachWithin(x, y, 2.5 * this.bandwidth, (i, d2) => {
      const w = Math.exp(-d2 / h2);
      const dx = pts[2 * i] - x;
      const dy = pts[2 * i + 1] - y;
      const v = vals[i];
      s0 += w;
      sx += w * dx;
      sy += w * dy;
      sxx += w * dx * dx;
      sxy += w * dx * dy;
      syy += w * dy * dy;
      b0 += w * v;
      bx += w * dx * v;
      by += w * dy * v;
      n++;
    });
    if (n === 0) return { value: Number.NaN, gradX: Number.NaN, gradY: Number.NaN, neighbours: 0 };
    const normal = [s0, sx, sy, sx, sxx, sxy, sy, sxy, syy];
    const det = det3(normal);
    if (n < this.minNeighbours || Math.abs(det) < 1e-14 * s0 * s0 * s0) {
      return { value: b0 / s0, gradX: Number.NaN, gradY: Number.NaN, neighbours: n };
    }
    // Cramer's rule for the 3×3 symmetric system.
    const [a, gx, gy] = solve3(normal, [b0, bx, by], det);
    return { value: a, gradX: gx, gradY: gy, neighbours: n };
  }

  /** f̂(x, y), NaN outside the support. */
  value(x: number, y: number): number {
    return this.fit(x, y).value;
  }
}
