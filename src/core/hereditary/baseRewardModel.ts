// The base reward model f̂₀ for test-time inference: local quadratic regression on a JSON-serialisable subsample.
import type { RewardSamples } from '../explorationData';
import { Rng } from '../rng';
import { LocalQuadraticModel } from './localQuadratic';

/** What the browser ships in its pretrained file (a few tens of kB). */
export interface BaseRewardModelJson {
  kind: 'localQuadraticSubsample';
  version: 1;
  bandwidth: number;
  /** (x0, y0, x1, y1, …), rounded to 1e-4. */
  points: number[];
  /** Rewards, rounded to 1e-5. */
  values: number[];
}

export interface BaseRewardModelOptions {
  /** Samples kept from the base data. */
  size: number;
  bandwidth: number;
  seed: number;
}

export const DEFAULT_BASE_MODEL: BaseRewardModelOptions = { size: 3000, bandwidth: 0.15, seed: 7 };

/** f̂₀(s) learned from base-task data only; NaN outside the data. */
export class BaseRewardModel {
  private readonly model: LocalQuadraticModel;

  private constructor(readonly json: BaseRewardModelJson) {
    this.model = new LocalQuadraticModel(
      {
        points: Float64Array.from(json.points),
        values: Float64Array.from(json.values),
        count: json.values.length,
      },
      json.bandwidth,
      12,
    );
  }

  static fit(base: RewardSamples, opts: BaseRewardModelOptions = DEFAULT_BASE_MODEL): BaseRewardModel {
    const order = new Rng(opts.seed).permutation(base.count);
    const n = Math.min(opts.size, base.count);
    const points: number[] = [];
    const values: number[] = [];
    for (let k = 0; k < n; k++) {
      const i = order[k];
      points.push(Math.round(base.points[2 * i] * 1e4) / 1e4, Math.round(base.points[2 * i + 1] * 1e4) / 1e4);
      values.push(Math.round(base.values[i] * 1e5) / 1e5);
    }
    return new BaseRewardModel({
      kind: 'localQuadraticSubsample',
      version: 1,
      bandwidth: opts.bandwidth,
      points,
      values,
    });
  }

  static fromJSON(json: BaseRewardModelJson): BaseRewardModel {
    if (json.kind !== 'localQuadraticSubsample' || json.version !== 1)
      throw new Error('unknown base reward model format');
    if (json.points.length !== 2 * json.values.length)
      throw new Error('base reward model: points/values mismatch');
    return new BaseRewardModel(json);
  }

  toJSON(): BaseRewardModelJson {
    return this.json;
  }

  /** The local quadratic fit itself (about 10–20 µs a call). */
  exactValue(x: number, y: number): number {
    return this.model.value(x, y);
  }

  /**
   * f̂₀ by bilinear interpolation of the fit on a TABLE_SPACING grid over the data's box (interpolation error
   * ≲ h²/(8r) for the cone −r, far below the fit's own noise); where a corner has no value, the exact fit
   * answers. About 100× faster, which θ inference at every drag needs. Corners are evaluated the first time a
   * query touches them (the same values an eager table would hold), so a first inference near the context
   * pays for a few hundred corners, not the whole box.
   */
  value(x: number, y: number): number {
    ONE_X[0] = x;
    ONE_Y[0] = y;
    this.valuesInto(ONE_X, ONE_Y, 1, ONE_OUT);
    return ONE_OUT[0];
  }

  /**
   * value() at n points at once: θ inference's batch form (see BaseRewardPredictor). The lookup runs inside this
   * loop, so that no number crosses a call boundary on the common path (each crossing boxes a double).
   */
  valuesInto(xs: Float64Array, ys: Float64Array, n: number, out: Float64Array): void {
    const t = this.table ?? this.tableBox();
    const r = this.model.supportRadius;
    const filled = t.filled;
    const vs = t.values;
    for (let p = 0; p < n; p++) {
      const x = xs[p];
      const y = ys[p];
      const fx = (x - t.x0) / t.h;
      const fy = (y - t.y0) / t.h;
      const i = Math.floor(fx);
      const j = Math.floor(fy);
      if (i < 0 || j < 0 || i >= t.nx - 1 || j >= t.ny - 1) {
        // Off the data's box by more than the fit's reach on one axis: no sample is near, the fit is NaN. θ
        // inference maps context states far out at most θ, and the fit would build its normal equations for each.
        const far = x < t.x0 - r || x > t.x1 + r || y < t.y0 - r || y > t.y1 + r;
        out[p] = far ? Number.NaN : this.model.value(x, y);
        continue;
      }
      const k = j * t.nx + i;
      if (filled[k] + filled[k + 1] + filled[k + t.nx] + filled[k + t.nx + 1] < 4) this.fillCell(t, k, i, j);
      const v00 = vs[k];
      const v10 = vs[k + 1];
      const v01 = vs[k + t.nx];
      const v11 = vs[k + t.nx + 1];
      if (Number.isNaN(v00 + v10 + v01 + v11)) {
        out[p] = this.model.value(x, y);
        continue;
      }
      const u = fx - i;
      const w = fy - j;
      out[p] = (1 - w) * ((1 - u) * v00 + u * v10) + w * ((1 - u) * v01 + u * v11);
    }
  }

  /** Corners of the grid evaluated so far (diagnostics and tests). */
  tabulatedCorners(): number {
    return this.table ? this.table.filled.reduce((n, f) => n + f, 0) : 0;
  }

  private table: {
    x0: number;
    y0: number;
    /** The data's box is [x0, x1] × [y0, y1]. */
    x1: number;
    y1: number;
    h: number;
    nx: number;
    ny: number;
    values: Float64Array;
    filled: Uint8Array;
  } | null = null;

  /** Evaluate the missing corners of cell (i, j), whose lower-left corner is k (reads stay allocation-free). */
  private fillCell(t: NonNullable<BaseRewardModel['table']>, k: number, i: number, j: number): void {
    for (let dj = 0; dj < 2; dj++)
      for (let di = 0; di < 2; di++) {
        const c = k + dj * t.nx + di;
        if (t.filled[c] !== 0) continue;
        t.values[c] = this.model.value(t.x0 + (i + di) * t.h, t.y0 + (j + dj) * t.h);
        t.filled[c] = 1;
      }
  }

  private tableBox() {
    const p = this.json.points;
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    for (let i = 0; i < p.length; i += 2) {
      x0 = Math.min(x0, p[i]);
      x1 = Math.max(x1, p[i]);
      y0 = Math.min(y0, p[i + 1]);
      y1 = Math.max(y1, p[i + 1]);
    }
    const h = TABLE_SPACING;
    const nx = Math.max(2, Math.ceil((x1 - x0) / h) + 1);
    const ny = Math.max(2, Math.ceil((y1 - y0) / h) + 1);
    this.table = {
      x0,
      y0,
      x1,
      y1,
      h,
      nx,
      ny,
      values: new Float64Array(nx * ny),
      filled: new Uint8Array(nx * ny),
    };
    return this.table;
  }
}

/** One-point buffers for value() (it runs the batch form on one point). */
const ONE_X = new Float64Array(1);
const ONE_Y = new Float64Array(1);
const ONE_OUT = new Float64Array(1);

/** Spacing of the tabulated f̂₀. */
export const TABLE_SPACING = 0.05;
