// The agents worker's two phases per goal: a one-episode preview at once, the full episodes in a later task once
// the goal has rested, unless a newer goal has arrived by then (a drag passes over goals; only the last one needs
// every episode).
import type { GoalUpdatePhase } from '../protocol/agents';

export interface ScheduledGoal {
  id: number;
  episodes: number;
  /** The page computed and drew this goal's preview itself: only the final phase is left. */
  previewed?: boolean;
}

export interface GoalTiming {
  /** The full set waits until the goal has rested this long: during a drag the next goal comes first. */
  restMs: number;
}

/**
 * A drag moves every ~16 ms, so 50 ms of rest ends it. Every goal rests before its full set, the first of a drag
 * too: nothing tells the first move of a drag from a lone one, and a full set started at once would hold the
 * drag's second move behind it (it was the slowest 8 % of drag updates: one in twelve moves of a scripted drag).
 */
export const GOAL_TIMING: GoalTiming = { restMs: 50 };

/**
 * Returns the handler for each goal request. `compute` runs one phase; `defer` runs a callback in a later task
 * after `ms` (setTimeout in the worker), so messages that arrived meanwhile are handled first and a move never
 * queues behind a full set of episodes.
 */
export function goalScheduler<R extends ScheduledGoal>(
  compute: (request: R, phase: GoalUpdatePhase) => void,
  defer: (run: () => void, ms: number) => void,
  timing: GoalTiming = GOAL_TIMING,
): (request: R) => void {
  let latest: number | null = null;
  return (request) => {
    latest = request.id;
    if (request.episodes <= 1) {
      compute(request, 'final');
      return;
    }
    if (!request.previewed) compute(request, 'preview');
    defer(() => {
      if (latest === request.id) compute(request, 'final');
    }, timing.restMs);
  };
}
