// What a CLI report adds beyond the pipeline the page runs: race settings and sweep, the dense control, seeds.

/**
 * The race settings of ALGORITHM.md §6, side by side:
 * - 'paper': θ ~ U[0, 2π) with the TRUE reward on the functional side (the paper's setting; labelled oracle ablation);
 * - 'fitted': θ ~ U[0, 2π) with the fitted f̂ (what a learner without the truth has);
 * - 'masked': the fitted f̂, pairs whose moved point leaves the data's support dropped;
 * - 'small-theta': the fitted f̂ with θ from a small range.
 */
export const RACE_SETTING_NAMES = ['paper', 'fitted', 'masked', 'small-theta'] as const;
export type RaceSettingName = (typeof RACE_SETTING_NAMES)[number];

export interface ReportOptions {
  /** Race settings to run, in this order; the page's live pipeline runs the first of its own. */
  raceSettings: readonly RaceSettingName[];
  /** Run both sides of every setting over the same log-spaced lr grid and pick each side's lr without the truth. */
  raceSweep: boolean;
  /** Also train and score the baseline's dense control (12 training tasks spread round the family). */
  withControl: boolean;
  /** Seeds of the whole pipeline (seed, seed + 1, …); figures carry their spread over them. */
  seeds: number;
}

export const DEFAULT_REPORT_OPTIONS: ReportOptions = {
  raceSettings: RACE_SETTING_NAMES,
  raceSweep: false,
  withControl: false,
  seeds: 1,
};
