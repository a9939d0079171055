// How each side's learning rate is chosen (ALGORITHM.md §6): a truth-free rule, and the oracle shown beside it.
import type { SideSummary } from './raceTypes';

/** The lr grid both sides are swept over: log-spaced, half a decade apart, 1e-3 … 1. */
export const RACE_LR_GRID: readonly number[] = [0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1];

/**
 * Held-out objectives within this fraction of the best are a tie (the smaller lr wins): differences that small
 * are below the sampling error of a held-out set of a few thousand points, so they say nothing.
 */
export const LR_TIE_RELATIVE = 0.01;

export const LR_RULE =
  `truth-free: each side's lr is the one with the lowest median (over seeds) of its own objective on held-out ` +
  `samples that training never draws, after the full step budget; objectives within ${100 * LR_TIE_RELATIVE}% ` +
  `of the lowest tie and the smaller lr wins; a run that diverges scores +∞`;

export const LR_ORACLE_RULE =
  'ORACLE (shown, never used to choose): the lr with the fewest median steps to the target, scored against the true generator';

export interface LrCandidate {
  lr: number;
  /** Median over seeds of the side's own loss on the held-out samples at the end of the budget. */
  heldOutObjective: number;
}

/** The truth-free pick: lowest held-out objective; ties (within LR_TIE_RELATIVE) → smaller lr; NaN/∞ lose. */
export function pickLrTruthFree(cells: readonly LrCandidate[], tieRelative = LR_TIE_RELATIVE): number {
  if (cells.length === 0) throw new Error('pickLrTruthFree: no learning rates');
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
