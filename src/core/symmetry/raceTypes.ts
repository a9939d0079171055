// Types of the differential-vs-functional race (ALGORITHM.md §6): options, per-run records, summaries, setting.
import type * as tf from '@tensorflow/tfjs';
import type { RewardSamples } from '../explorationData';
import type { KernelFrames } from '../frames/kernelFrames';
import type { Generator } from '../lie';
import type { RewardJs } from './raceLossesJs';
import type { RewardMlp, RewardMlpOptions } from './rewardModelTf';

export type RaceSide = 'differential' | 'functional';
/** 'true' is the labelled oracle ablation: the functional side then sees the analytic reward. */
export type RewardModelChoice = 'fitted' | 'true';

/** All seeds of a side train together (one stacked Adam), so progress is per side and step. */
export interface RaceProgress {
  side: RaceSide;
  /** How many seeds run together. */
  seeds: number;
  step: number;
  steps: number;
  /** Median angle error over the seeds at this step. */
  errorDeg: number;
  /** Median training loss over the seeds at this step. */
  loss: number;
  /** The first seed's generator X_t (its six free entries, row-major [a b v₀; c d v₁]). */
  generator: number[];
}

export interface RaceOptions {
  samples: RewardSamples;
  frames: KernelFrames;
  /** The true generator: used ONLY to score the learners, never inside them. */
  truthForScoring: Generator;
  seeds: number;
  steps: number;
  lrDifferential: number;
  lrFunctional: number;
  /** Batch size for both sides (default 128). */
  batch?: number;
  /** θ ~ U[lo, hi) for the functional loss (default [0, 2π), the paper's setting). */
  thetaRange?: readonly [number, number];
  rewardModel?: RewardModelChoice;
  /** Required when rewardModel is 'true' (oracle ablation): the analytic reward in tf ops. */
  oracleRewardTf?: (points: tf.Tensor2D) => tf.Tensor1D;
  /** The same analytic reward in plain JS (with its gradient): the functional side then steps in plain JS too. */
  oracleRewardJs?: RewardJs;
  /**
   * How the sides step: 'js' (default) runs the hand-written losses and gradients of raceLossesJs.ts with tfjs's
   * Adam arithmetic, wherever the loss has a JS form (the differential side always, the functional side with
   * oracleRewardJs); 'tfjs' runs the autodiff reference everywhere.
   */
  impl?: 'js' | 'tfjs';
  /** Drop pairs whose moved point is farther than `radius` from every data point (default off). */
  mask?: boolean | { radius: number };
  /** Add the ref's symmetric term to the differential loss (default off). */
  symmetricTerm?: boolean;
  /** A fitted f̂ to reuse (e.g. across an lr sweep); otherwise one is fitted with `modelOptions`. */
  fittedModel?: RewardMlp;
  modelOptions?: RewardMlpOptions;
  firstSeed?: number;
  /** Convergence threshold in degrees (default 2). */
  targetDeg?: number;
  /** The held-out part of the samples and frames (default 20%, seed 0): training never draws it; the lr rule scores on it. */
  holdOut?: { fraction?: number; seed?: number };
  onProgress?: (p: RaceProgress) => void;
  /**
   * Differential runs by lr, shared between races that differ only in what the functional side sees (θ range,
   * reward, mask): the differential side reads none of those, so its runs are the same. Share one map only between
   * races with the same frames, seeds, steps, batch and hold-out.
   */
  differentialRuns?: Map<number, SideSummary>;
}

export interface CurvePoint {
  step: number;
  loss: number;
  errorDeg: number;
}

export interface SideRun {
  seed: number;
  /** First step after which the error is below the target (targetDeg, 2° by default); null if never. */
  stepsTo2deg: number | null;
  /** Error against truthForScoring after the last step, in degrees. */
  finalError: number;
  /** The learned generator after the last step (unit norm, largest entry positive). */
  generator: Generator;
  /** At most 200 points. */
  curve: CurvePoint[];
  /** Functional side with a mask: fraction of pairs dropped over the run. */
  maskedFraction: number;
  /** The side's own loss at the final generator on the held-out samples (Infinity if not finite); no truth. */
  heldOutObjective: number;
  /** Truth-free: first step after which X stops moving (settling.ts); null if it still moves at the end. Absent in
   * files written before it was recorded. */
  settleStep?: number | null;
  /** The held-out objective every TRACE_EVERY steps (sweeps only; dropped once the lr rule has read it). */
  heldOutTrace?: number[];
}

export interface SideSummary {
  lr: number;
  runs: SideRun[];
  /** Median steps to the target, a run that never arrives counted as the step cap. */
  medianSteps: number;
  minSteps: number;
  maxSteps: number;
  reached: number;
  medianFinalErrorDeg: number;
  /** Median over the seeds of each run's held-out objective (what the truth-free lr rule compares). */
  heldOutObjective: number;
  /** Median over the seeds of each run's settling step (a run that never settles counted as the step cap). */
  medianSettleSteps?: number;
  /** Sweeps only (LR_RULE): median step at which the held-out objective enters the arrival band; null: never. */
  medianStepsToBand?: number | null;
  /** medianStepsToBand at each of LR_BAND_SENSITIVITY's bands (sweeps only). */
  medianStepsToBandSensitivity?: (number | null)[];
  /** Each seed's step into the band (null: never). */
  stepsToBand?: (number | null)[];
}

export interface RaceSetting {
  thetaRange: [number, number];
  rewardModel: 'fitted f̂ (MLP 2→64→64→1)' | 'true reward (oracle ablation)';
  /** f̂'s training RMSE (fitted only). */
  rewardModelRmse: number | null;
  mask: string;
  batch: number;
  steps: number;
  seeds: number;
  targetDeg: number;
  /** Fraction of the samples (and frames) held out of training, for the lr rule. */
  heldOutFraction: number;
  differentialTerm: string;
  /** One line for reports and the screen. */
  label: string;
}

export interface RaceResult {
  setting: RaceSetting;
  differential: SideSummary;
  functional: SideSummary;
  /** functional.medianSteps / differential.medianSteps (caps counted). */
  speedup: number;
  closedForm: { generator: Generator; errorDeg: number; symmetryCount: number; eigenvalues: number[] };
}

/** Each side's learning rate. */
export interface SideLrs {
  differential: number;
  functional: number;
}

export interface LrSweepResult {
  setting: RaceSetting;
  /** One summary per lr of the grid, in grid order. */
  differential: SideSummary[];
  functional: SideSummary[];
  /** Each side's lr by the truth-free rule (lowest held-out objective; ties → smaller lr). */
  picked: SideLrs;
  /** ORACLE, for reporting only: each side's lr with the fewest median steps to the target (scored against the truth). */
  oracle: SideLrs;
  /** The end-objective rule's picks (LR_RULE_END_OBJECTIVE), reported beside the rule's, and the ratio they give. */
  endObjective: SideLrs;
  endObjectiveSpeedup: number;
  /** The rule's picks at other arrival-band fractions, and the ratio each gives (how much the band matters). */
  bandSensitivity: { band: number; lrs: SideLrs; speedup: number }[];
  /** The race at the rule's picks: the sweep's own cells (same seeds), so nothing runs twice. */
  race: RaceResult;
}
