// The agents worker's two phases per goal: a one-episode preview at once, the full episodes in a later task
// unless a newer goal has arrived by then (a drag passes over goals; only the last one needs every episode).
import type { GoalUpdatePhase } from '../protocol/agents';

export interface ScheduledGoal {
  id: number;
  episodes: number;
}

export interface GoalTiming {
  /** A request this soon after the previous one is part of a burst (a drag, a held arrow key). */
  burstGapMs: number;
  /** In a burst, the full set waits until the goal has rested this long: the next goal usually comes first. */
  restMs: number;
}

/** A drag moves every ~16 ms: 100 ms apart is a burst; 50 ms of rest ends it. */
export const GOAL_TIMING: GoalTiming = { burstGapMs: 100, restMs: 50 };

/**
 * Returns the handler for each goal request. `compute` runs one phase; `defer` runs a callback in a later task
 * after `ms` (setTimeout in the worker), so messages that arrived meanwhile are handled first. A lone request
 * (the page opening, new results, one key press) gets its full set at once; within a burst the full set waits
 * for the goal to rest, so a move never queues behind an 8-episode computation.
 */
export function goalScheduler<R extends ScheduledGoal>(
  compute: (request: R, phase: GoalUpdatePhase) => void,
  defer: (run: () => void, ms: number) => void,
  now: () => number = () => performance.now(),
  timing: GoalTiming = GOAL_TIMING,
): (request: R) => void {
  let latest: number | null = null;
  let lastAt = Number.NEGATIVE_INFINITY;
  return (request) => {
    latest = request.id;
    const at = now();
    const inBurst = at - lastAt < timing.burstGapMs;
    lastAt = at;
    if (request.episodes <= 1) {
      compute(request, 'final');
      return;
    }
    compute(request, 'preview');
    defer(
      () => {
        if (latest === request.id) compute(request, 'final');
      },
      inBurst ? timing.restMs : 0,
    );
  };
}
