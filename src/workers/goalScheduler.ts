// The agents worker's two phases per goal: a one-episode preview at once, the full episodes in a later task
// unless a newer goal has arrived by then (a drag passes over goals; only the last one needs every episode).
import type { GoalUpdatePhase } from '../state/jobsStore';

export interface ScheduledGoal {
  id: number;
  episodes: number;
}

/**
 * Returns the handler for each goal request. `compute` runs one phase; `defer` runs a callback in a later task
 * (setTimeout in the worker), so messages that arrived meanwhile are handled first.
 */
export function goalScheduler<R extends ScheduledGoal>(
  compute: (request: R, phase: GoalUpdatePhase) => void,
  defer: (run: () => void) => void,
): (request: R) => void {
  let latest: number | null = null;
  return (request) => {
    latest = request.id;
    if (request.episodes <= 1) {
      compute(request, 'final');
      return;
    }
    compute(request, 'preview');
    defer(() => {
      if (latest === request.id) compute(request, 'final');
    });
  };
}
