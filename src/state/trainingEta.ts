// Time left in a live run: the calibrated per-stage estimate, corrected by the pace the run has shown so far.
import { LIVE_STAGE_ORDER, type LiveStageKey, scheduleSeconds } from '../core/pipeline/liveSchedule';

/** What the page has seen of one stage of the run. */
export interface StageClock {
  status: 'pending' | 'running' | 'done';
  /** Fraction of the stage's work done (its progress step / total), 0…1. */
  fraction: number;
  /** Seconds since it started running (to its end once done); null when not seen running (e.g. a kept checkpoint). */
  elapsedS: number | null;
}

/** Below this fraction or this many seconds a stage's own pace is too noisy to extrapolate. */
const MIN_FRACTION = 0.05;
const MIN_ELAPSED_S = 2;
/** The observed pace may correct the estimate by at most this factor either way. */
const MAX_PACE = 5;

const measured = (c: StageClock): c is StageClock & { elapsedS: number } =>
  c.elapsedS !== null && c.elapsedS >= MIN_ELAPSED_S && (c.status === 'done' || c.fraction >= MIN_FRACTION);

/**
 * Observed seconds over estimated seconds, over the stages with enough progress to tell (1 when none has):
 * a machine busier than at calibration runs every later stage slower by about the same factor.
 */
export function observedPace(
  estimate: Readonly<Record<LiveStageKey, number>>,
  clocks: Readonly<Record<LiveStageKey, StageClock>>,
): number {
  let spent = 0;
  let planned = 0;
  for (const s of LIVE_STAGE_ORDER) {
    const c = clocks[s];
    if (!measured(c)) continue;
    spent += c.elapsedS;
    planned += estimate[s] * (c.status === 'done' ? 1 : c.fraction);
  }
  if (spent === 0 || planned <= 0) return 1;
  return Math.min(MAX_PACE, Math.max(1 / MAX_PACE, spent / planned));
}

/**
 * Seconds left: a running stage with enough progress extrapolates its own pace (elapsed × (1 − f) / f); other
 * stages take their estimate × the observed pace; the chains run side by side, then the evaluation. Null
 * without an estimate (this machine's unit costs not measured yet).
 */
export function remainingSeconds(
  estimate: Readonly<Record<LiveStageKey, number>> | null,
  clocks: Readonly<Record<LiveStageKey, StageClock>>,
): number | null {
  if (!estimate) return null;
  const pace = observedPace(estimate, clocks);
  const left = {} as Record<LiveStageKey, number>;
  for (const s of LIVE_STAGE_ORDER) {
    const c = clocks[s];
    if (c.status === 'done') left[s] = 0;
    else if (c.status === 'running' && measured(c)) left[s] = (c.elapsedS * (1 - c.fraction)) / c.fraction;
    else if (c.status === 'running') {
      // Too early to extrapolate: the estimate, less what has run (never below the undone share of it).
      const planned = estimate[s] * pace;
      left[s] = Math.max(planned * (1 - c.fraction), planned - (c.elapsedS ?? 0));
    } else left[s] = estimate[s] * pace;
  }
  return scheduleSeconds(left);
}
