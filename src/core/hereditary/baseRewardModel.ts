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

  value(x: number, y: number): number {
    return this.model.value(x, y);
  }
}
