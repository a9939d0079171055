// The agents worker: rebuilds the trained agents from results and rolls them out at each requested goal (plain JS).
import { type AgentArtifacts, agentCache } from '../core/testTime/agents';
import { computeGoalRollouts } from '../core/testTime/goalRollouts';
import type { AgentsCommand, AgentsEvent, GoalRequest, GoalUpdatePhase } from '../protocol/agents';
import { goalScheduler } from './goalScheduler';

const post = (event: AgentsEvent): void => self.postMessage(event);

let results: { version: number; artifacts: AgentArtifacts } | null = null;
let agentsFor = agentCache(null);

/** Now on the clock every thread shares (each thread's performance.now() counts from its own origin). */
const sharedNow = () => performance.timeOrigin + performance.now();
/** When each request arrived (by id), for the page's split of an update into hops. */
const arrivals = new Map<number, number>();

function computeAndPost(request: GoalRequest, phase: GoalUpdatePhase): void {
  try {
    const t0 = performance.now();
    const receivedAt = arrivals.get(request.id) ?? sharedNow();
    const episodes = phase === 'preview' ? 1 : request.episodes;
    const update = computeGoalRollouts({
      ...request,
      episodes,
      ...agentsFor(request.env),
    });
    post({
      type: 'goal-update',
      id: request.id,
      phase,
      version: results?.version ?? null,
      update,
      computeMs: performance.now() - t0,
      receivedAt,
      postedAt: sharedNow(),
    });
    if (phase === 'final') arrivals.delete(request.id);
  } catch (err) {
    post({ type: 'error', id: request.id, message: err instanceof Error ? err.message : String(err) });
  }
}

// A one-episode preview at once (what a drag needs to redraw), then the full set in a later task, so a goal
// that arrived meanwhile is served first and this one's final phase is skipped (see goalScheduler).
const handleGoal = goalScheduler<GoalRequest>(computeAndPost, (run, ms) => setTimeout(run, ms));

self.onmessage = (e: MessageEvent<AgentsCommand>) => {
  const command = e.data;
  if (command.type === 'set-results') {
    results = command.artifacts ? { version: command.version, artifacts: command.artifacts } : null;
    agentsFor = agentCache(results?.artifacts ?? null);
    return;
  }
  arrivals.set(command.request.id, sharedNow());
  // Only the newest requests can still have a phase to run.
  if (arrivals.size > 8) arrivals.delete(arrivals.keys().next().value as number);
  handleGoal(command.request);
};
