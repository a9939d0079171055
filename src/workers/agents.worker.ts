// The agents worker: rebuilds the trained agents from results and rolls them out at each requested goal (plain JS).
import {
  type AgentArtifacts,
  type AgentUnavailable,
  baselineAgentFrom,
  type HereditaryTestAgent,
  hereditaryAgentFrom,
  type TestTimeAgent,
} from '../core/testTime/agents';
import { computeGoalRollouts } from '../core/testTime/goalRollouts';
import type { AgentsCommand, AgentsEvent, GoalRequest, GoalUpdatePhase } from '../protocol/agents';
import { goalScheduler } from './goalScheduler';

const post = (event: AgentsEvent): void => self.postMessage(event);

interface Agents {
  hereditary: HereditaryTestAgent | AgentUnavailable;
  baseline: TestTimeAgent | AgentUnavailable;
}

const WAITING: Agents = {
  hereditary: { unavailable: 'waiting for trained agents' },
  baseline: { unavailable: 'waiting for trained agents' },
};

let results: { version: number; artifacts: AgentArtifacts } | null = null;
/** Agents per action bound (deserialising is the slow part; once per results, not per goal). */
let agents = new Map<number, Agents>();

function agentsFor(maxAction: number, env: Parameters<typeof hereditaryAgentFrom>[1]): Agents {
  if (!results) return WAITING;
  let a = agents.get(maxAction);
  if (!a) {
    a = {
      hereditary: hereditaryAgentFrom(results.artifacts, env),
      baseline: baselineAgentFrom(results.artifacts),
    };
    agents.set(maxAction, a);
  }
  return a;
}

function computeAndPost(request: GoalRequest, phase: GoalUpdatePhase): void {
  try {
    const t0 = performance.now();
    const episodes = phase === 'preview' ? 1 : request.episodes;
    const update = computeGoalRollouts({
      ...request,
      episodes,
      ...agentsFor(request.env.maxAction, request.env),
    });
    post({
      type: 'goal-update',
      id: request.id,
      phase,
      version: results?.version ?? null,
      update,
      computeMs: performance.now() - t0,
    });
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
    agents = new Map();
    return;
  }
  handleGoal(command.request);
};
