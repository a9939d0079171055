// The live run's schedule and unit costs, without tfjs: the page's ETA combines per-stage seconds with it.

/** Measured unit costs in ms (src/core/pipeline/speedProbes.ts, timed by the compute worker in the browser). */
export interface UnitCosts {
  /** One SAC gradient update (batch 256, 2×64 nets) on the path that trains the policies (fused step or tfjs). */
  sacUpdateMs: number;
  /** One sampled action of the SAC actor (one per environment step after the warm-up). */
  sacActMs: number;
  /**
   * One SAC update of the tfjs learner on the 'rl' backend: the yardstick of the baseline encoder's tfjs steps.
   * Absent where it was not timed (older reports): sacUpdateMs stands in.
   */
  tfjsUpdateMs?: number;
  /** One training step of the baseline's encoder on the path that trains it (it follows the SAC learner's). */
  encoderStepMs?: number;
  /** One plain-JS environment transition; also the yardstick of the plain-JS stages (durationEstimate.ts). */
  envStepMs: number;
  /** One step of both sides of the discovery race, its seeds stacked, on the backend that runs it. */
  raceStepMs: number;
}

/** The live pipeline's stages in order (src/protocol/stages.ts LIVE_STAGES is this list). */
export const LIVE_STAGE_ORDER = [
  'reward-symmetry',
  'hereditary',
  'train-base',
  'train-baseline',
  'evaluate',
] as const;
export type LiveStageKey = (typeof LIVE_STAGE_ORDER)[number];

/**
 * How the page runs them (src/app/useLiveTraining.ts): two chains side by side in two workers, then the
 * evaluation, which needs both.
 */
export const LIVE_SCHEDULE: { chains: readonly (readonly LiveStageKey[])[]; after: readonly LiveStageKey[] } =
  {
    // Discovery first (it needs only exploration data), so the base policy's snapshots show this run's agents.
    chains: [['reward-symmetry', 'hereditary', 'train-base'], ['train-baseline']],
    after: ['evaluate'],
  };

/** Wall time of the schedule given each stage's seconds: the longest chain, then the stages after them. */
export function scheduleSeconds(seconds: Readonly<Record<LiveStageKey, number>>): number {
  const sum = (stages: readonly LiveStageKey[]) => stages.reduce((t, s) => t + seconds[s], 0);
  return Math.max(0, ...LIVE_SCHEDULE.chains.map(sum)) + sum(LIVE_SCHEDULE.after);
}

/** A duration as a reader uses it: "8 s", "45 s", "1 min 20 s", "25 min", "2 h 5 min". */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '—';
  if (seconds < 10) return `${Math.max(1, Math.round(seconds))} s`;
  if (seconds < 57.5) return `${Math.round(seconds / 5) * 5} s`;
  if (seconds < 595) {
    const tens = Math.round(seconds / 10);
    const m = Math.floor(tens / 6);
    const s = (tens % 6) * 10;
    return s === 0 ? `${m} min` : `${m} min ${s} s`;
  }
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  const rest = minutes - 60 * h;
  return rest === 0 ? `${h} h` : `${h} h ${rest} min`;
}
