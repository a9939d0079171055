// How each side's learning rate is chosen (ALGORITHM.md §6): a truth-free rule, and the oracle shown beside it.
import type { SideSummary } from './raceTypes';

/** The lr grid both sides are swept over: log-spaced, half a decade apart, 1e-3 … 1. */
export const RACE_LR_GRID: readonly number[] = [0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1];

/**
 * Held-out objectives within this fraction of the best are a tie (the smaller lr wins): differences that small
 * are below the sampling error of a held-out set of a few thousand points, so they say nothing.
 */
export const LR_TIE_RELATIVE = 0.01;

/**
 * "Arrived" = within this fraction of the descent from the start to the best end value (99.9% of the way down):
 * the race measures speed (steps to 2°), so the rule picks the lr that gets its own held-out objective there
 * soonest. A fraction of the descent is scale-free, so one number serves both sides' different objectives.
 */
export const LR_ARRIVAL_BAND = 1e-3;

export const LR_RULE =
  `truth-free: each side's own objective is tracked on held-out samples that training never draws; for each seed ` +
  `(the same initial X at every lr), the band is its lowest end value over the lr grid plus ${LR_ARRIVAL_BAND} × ` +
  `the descent from its start value to it, and each side races with the lr whose runs enter their band and stay ` +
  `in it soonest (median over seeds; ties → the lower end objective, then the smaller lr); a run that diverges ` +
  `never enters. If no lr's median run enters, the lowest end objective wins (within ` +
  `${100 * LR_TIE_RELATIVE}% → the smaller lr)`;

/** The rule before session 14: the most accurate end point, with no regard to speed (reported as an alternative). */
export const LR_RULE_END_OBJECTIVE =
  `truth-free, end objective only: the lowest median held-out objective after the full budget; within ` +
  `${100 * LR_TIE_RELATIVE}% of the lowest → the smaller lr`;

export const LR_ORACLE_RULE =
  'ORACLE (shown, never used to choose): the lr with the fewest median steps to the target, scored against the true generator';

export interface LrCandidate {
  lr: number;
  /** Median over seeds of the side's own loss on the held-out samples at the end of the budget. */
  heldOutObjective: number;
  /** Median over seeds of the step at which the run's held-out objective enters the band and stays (arrivalSteps);
   * null: the median run never does; absent: not tracked (the end-objective rule decides). */
  medianStepsToBand?: number | null;
}

/**
 * Per seed, the first traced step after which the held-out objective stays ≤ threshold; null if the last value is
 * above it (or not finite). trace[c] is the objective at step c·every (the last entry at the end of the budget).
 */
export function arrivalSteps(
  traces: readonly (readonly number[])[],
  every: number,
  threshold: number,
): (number | null)[] {
  return traces.map((trace) => {
    let c = trace.length - 1;
    while (c >= 0 && trace[c] <= threshold) c--;
    return c === trace.length - 1 ? null : (c + 1) * every;
  });
}

/** The truth-free pick (LR_RULE): soonest into the band; ties → lower end objective → smaller lr. */
export function pickLrTruthFree(cells: readonly LrCandidate[], tieRelative = LR_TIE_RELATIVE): number {
  const arrived = cells.filter((c) => c.medianStepsToBand !== undefined && c.medianStepsToBand !== null);
  if (arrived.length > 0)
    return [...arrived].sort(
      (a, b) =>
        a.medianStepsToBand! - b.medianStepsToBand! || a.heldOutObjective - b.heldOutObjective || a.lr - b.lr,
    )[0].lr;
  return pickLrEndObjective(cells, tieRelative);
}

/** LR_RULE_END_OBJECTIVE: lowest held-out objective; ties (within LR_TIE_RELATIVE) → smaller lr; NaN/∞ lose. */
export function pickLrEndObjective(cells: readonly LrCandidate[], tieRelative = LR_TIE_RELATIVE): number {
  if (cells.length === 0) throw new Error('pickLrEndObjective: no learning rates');
  const score = (c: LrCandidate) =>
    Number.isFinite(c.heldOutObjective) ? c.heldOutObjective : Number.POSITIVE_INFINITY;
  const best = Math.min(...cells.map(score));
  const byLr = [...cells].sort((a, b) => a.lr - b.lr);
  if (!Number.isFinite(best)) return byLr[0].lr;
  return byLr.find((c) => score(c) <= best + tieRelative * Math.abs(best))!.lr;
}

/** ORACLE: fewest median steps to the target (caps counted), then the lower median final error. */
export function pickLrOracle(cells: readonly SideSummary[]): number {
  return cells.reduce((a, b) =>
    a.medianSteps < b.medianSteps ||
    (a.medianSteps === b.medianSteps && a.medianFinalErrorDeg <= b.medianFinalErrorDeg)
      ? a
      : b,
  ).lr;
}
