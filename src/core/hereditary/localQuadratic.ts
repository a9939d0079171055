// Gaussian-weighted local quadratic regression: removes the curvature bias a local linear fit has on cone-like rewards.
import type { RewardSamples } from '../explorationData';
import { solveLinear } from '../linalg';
import { SpatialGrid } from '../spatialGrid';

/** f(q + d) ≈ c₀ + gᵀd + ½dᵀHd by weighted least squares over samples within 2.5 bandwidths; NaN without support. */
export class LocalQuadraticModel {
  private readonly grid: SpatialGrid;
  /** Samples farther than this from a query do not count: beyond it from every sample, the fit is NaN. */
  readonly supportRadius: number;

  constructor(
    readonly samples: RewardSamples,
    readonly bandwidth: number,
    readonly minNeighbours = 12,
  ) {
    this.supportRadius = 2.5 * bandwidth;
    this.grid = new SpatialGrid(samples.points, samples.count, this.supportRadius);
  }

  value(x: number, y: number): number {
    const h2 = 2 * this.bandwidth * this.bandwidth;
    const pts = this.samples.points;
    const vals = this.samples.values;
    const ata = new Array<number>(36).fill(0);
    const atb = new Array<number>(6).fill(0);
    const row = new Array<number>(6);
    let n = 0;
    let wsum = 0;
    let vsum = 0;
    this.grid.forEachWithin(x, y, this.supportRadius, (i, d2) => {
      const w = Math.exp(-d2 / h2);
      // Scale the offsets by the bandwidth so the normal equations stay well conditioned.
      const dx = (pts[2 * i] - x) / this.bandwidth;
      const dy = (pts[2 * i + 1] - y) / this.bandwidth;
      row[0] = 1;
      row[1] = dx;
      row[2] = dy;
      row[3] = dx * dx;
      row[4] = dx * dy;
      row[5] = dy * dy;
      const v = vals[i];
      for (let a = 0; a < 6; a++) {
        const wa = w * row[a];
        atb[a] += wa * v;
        for (let b = a; b < 6; b++) ata[a * 6 + b] += wa * row[b];
      }
      wsum += w;
      vsum += w * v;
      n++;
    });
    if (n === 0) return Number.NaN;
    if (n < this.minNeighbours) return vsum / wsum;
    for (let a = 0; a < 6; a++) for (let b = 0; b < a; b++) ata[a * 6 + b] = ata[b * 6 + a];
    // A whisper of ridge on the curvature terms keeps near-degenerate neighbourhoods stable.
    for (let a = 3; a < 6; a++) ata[a * 6 + a] += 1e-6 * wsum;
    const coef = solveLinear(ata, atb, 6);
    return coef && Number.isFinite(coef[0]) ? coef[0] : vsum / wsum;
  }
}
