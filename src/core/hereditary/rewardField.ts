// A task's reward as fields for discovery: value f̂(x, y) and unit normal N = ∇f̂/‖∇f̂‖, gridded for speed.
import type { RewardSamples } from '../explorationData';
import { LocalLinearModel } from '../localRegression';

/** f̂ at (x, y); NaN outside the data's support. */
export type ValueField = (x: number, y: number) => number;
/** Unit normal of the level set through (x, y); null outside the support or where ∇f̂ vanishes. */
export type NormalField = (x: number, y: number) => [number, number] | null;

/** The frame source that discovery consumes; any estimator (kernel frames, local regression) can supply one. */
export interface RewardField {
  value: ValueField;
  normal: NormalField;
}

export interface GriddedFieldOptions {
  /** Local-regression bandwidth (≈0.1 at 10k samples over the arena). */
  bandwidth: number;
  /** Grid spacing of the lookup table. */
  spacing: number;
  /** A node is in the support when its regression saw at least this many samples. */
  minNeighbours: number;
}

export const DEFAULT_FIELD_OPTIONS: GriddedFieldOptions = {
  bandwidth: 0.1,
  spacing: 0.04,
  minNeighbours: 12,
};

/**
 * Local linear regression of the samples evaluated on a grid over the data's bounding box, then
 * bilinear lookups of value and gradient: O(1) per query, so the optimisers can call it freely.
 */
export class GriddedRewardField implements RewardField {
  private readonly x0: number;
  private readonly y0: number;
  private readonly nx: number;
  private readonly ny: number;
  private readonly h: number;
  private readonly val: Float64Array;
  private readonly gx: Float64Array;
  private readonly gy: Float64Array;
  private readonly ok: Uint8Array;

  constructor(samples: RewardSamples, opts: GriddedFieldOptions = DEFAULT_FIELD_OPTIONS) {
    const model = new LocalLinearModel(samples, opts.bandwidth, 6);
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (let i = 0; i < samples.count; i++) {
      minX = Math.min(minX, samples.points[2 * i]);
      maxX = Math.max(maxX, samples.points[2 * i]);
      minY = Math.min(minY, samples.points[2 * i + 1]);
      maxY = Math.max(maxY, samples.points[2 * i + 1]);
    }
    this.h = opts.spacing;
    this.x0 = minX;
    this.y0 = minY;
    this.nx = Math.max(2, Math.ceil((maxX - minX) / this.h) + 1);
    this.ny = Math.max(2, Math.ceil((maxY - minY) / this.h) + 1);
    const n = this.nx * this.ny;
    this.val = new Float64Array(n).fill(Number.NaN);
    this.gx = new Float64Array(n).fill(Number.NaN);
    this.gy = new Float64Array(n).fill(Number.NaN);
    this.ok = new Uint8Array(n);
    for (let j = 0; j < this.ny; j++) {
      for (let i = 0; i < this.nx; i++) {
        const k = j * this.nx + i;
        const f = model.fit(this.x0 + i * this.h, this.y0 + j * this.h);
        if (f.neighbours === 0 || !Number.isFinite(f.gradX)) continue;
        this.val[k] = f.value;
        this.gx[k] = f.gradX;
        this.gy[k] = f.gradY;
        this.ok[k] = f.neighbours >= opts.minNeighbours ? 1 : 0;
      }
    }
  }

  /** Bilinear lookup of value and gradient; `strict` demands all four nodes in the support. */
  lookup(x: number, y: number, strict: boolean): { value: number; gx: number; gy: number } | null {
    const u = (x - this.x0) / this.h;
    const v = (y - this.y0) / this.h;
    const i = Math.floor(u);
    const j = Math.floor(v);
    if (i < 0 || j < 0 || i >= this.nx - 1 || j >= this.ny - 1) return null;
    const k = j * this.nx + i;
    const ks = [k, k + 1, k + this.nx, k + this.nx + 1];
    if (strict && !(this.ok[ks[0]] && this.ok[ks[1]] && this.ok[ks[2]] && this.ok[ks[3]])) return null;
    const fu = u - i;
    const fv = v - j;
    const w = [(1 - fu) * (1 - fv), fu * (1 - fv), (1 - fu) * fv, fu * fv];
    let value = 0;
    let gx = 0;
    let gy = 0;
    for (let c = 0; c < 4; c++) {
      value += w[c] * this.val[ks[c]];
      gx += w[c] * this.gx[ks[c]];
      gy += w[c] * this.gy[ks[c]];
    }
    if (!Number.isFinite(value) || !Number.isFinite(gx)) return null;
    return { value, gx, gy };
  }

  /** Whether (x, y) lies in the data's support. */
  inSupport(x: number, y: number): boolean {
    return this.lookup(x, y, true) !== null;
  }

  value: ValueField = (x, y) => this.lookup(x, y, true)?.value ?? Number.NaN;

  normal: NormalField = (x, y) => {
    const f = this.lookup(x, y, true);
    if (!f) return null;
    const n = Math.hypot(f.gx, f.gy);
    return n > 1e-9 ? [f.gx / n, f.gy / n] : null;
  };

  /** Value and normal without the support test (finite-difference probes just past the edge). */
  loose(x: number, y: number): { value: number; nx: number; ny: number } | null {
    const f = this.lookup(x, y, false);
    if (!f) return null;
    const n = Math.hypot(f.gx, f.gy);
    if (n < 1e-9) return null;
    return { value: f.value, nx: f.gx / n, ny: f.gy / n };
  }
}
