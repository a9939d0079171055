// One update at the test goal: shared context, both agents adapted from it, and the oracle/random references.
import type { EnvConfig } from '../env';
import { type TaskFamily, taskAt } from '../families';
import { collectContext, oracleThetaFromGoal } from '../hereditary';
import { oraclePolicy, type Policy, randomPolicy } from '../policies';
import { mean, rollout } from '../rollout';
import { type AgentUnavailable, type HereditaryTestAgent, isUnavailable, type TestTimeAgent } from './agents';

/** Reference policies rolled out beside the agents (scoring only; they read the goal). */
export type ReferencePolicyName = 'oracle' | 'random';

/** A reference policy's rollout at the test goal. */
export interface ReferenceRollout {
  policy: ReferencePolicyName;
  /** Goal parameter t: the angle φ (radians) on a periodic family, the offset (arena units) on a line. */
  angle: number;
  goal: [number, number];
  returns: number[];
  meanReturn: number;
  successRate: number;
  meanLength: number;
  /** The first episode's visited states (x0, y0, x1, y1, …), for drawing. */
  path: number[];
}

export type AgentName = 'hereditary' | 'baseline';

/** One trained agent's rollout at the test goal, as drawn and scored on the page. */
export interface AgentRollout {
  angle: number;
  meanReturn: number;
  path: number[];
}

/** The hereditary agent's test-time inference at the goal. */
export interface HereditaryInference {
  angle: number;
  /** θ* = argmin_θ Σ_k (r_k − f̂₀(exp(−θX) s'_k))², from rewards only. */
  theta: number;
  loss: number;
  /** The context loss over the grid of θ: [0, 2π) for a compact generator, the arena's real interval otherwise. */
  gridThetas: number[];
  gridLosses: number[];
  /** The shared context's next states (x0, y0, x1, y1, …). */
  contextStates: number[];
  /** DIAGNOSTIC, reads the true goal: the θ that carries the base goal onto it under the learned generator. */
  trueThetaDiagnostic: number;
}

/** Everything one update at the test goal produces: references, both agents, and the hereditary inference. */
export interface GoalUpdate {
  angle: number;
  reference: Record<ReferencePolicyName, ReferenceRollout>;
  agents: Record<AgentName, AgentRollout | null>;
  unavailable: Record<AgentName, string | null>;
  inference: HereditaryInference | null;
}

/** One test goal and the test-time settings; both agents and the references are rolled out there. */
export interface GoalSettings {
  family: TaskFamily;
  env: EnvConfig;
  /** Test goal parameter t: the angle φ (radians) on a periodic family, the offset (arena units) on a line. */
  angle: number;
  /** Context transitions K, the same for both agents. */
  contextSize: number;
  episodes: number;
  seed: number;
}

/** The goal settings and the two trained agents (or why each is missing). */
export interface GoalRolloutRequest extends GoalSettings {
  hereditary: HereditaryTestAgent | AgentUnavailable;
  baseline: TestTimeAgent | AgentUnavailable;
}

interface Scored {
  returns: number[];
  meanReturn: number;
  successRate: number;
  meanLength: number;
  path: number[];
}

/** A recorded path as a plain array (what the page stores and draws), copied by index. */
function plainArray(xs: Float64Array | undefined): number[] {
  const out: number[] = [];
  if (xs) for (let i = 0; i < xs.length; i++) out.push(xs[i]);
  return out;
}

function score(req: GoalRolloutRequest, policy: Policy): Scored {
  const task = taskAt(req.family, req.angle);
  // Common random numbers: every policy sees the same starts and noise.
  const b = rollout(req.env, task, policy, { episodes: req.episodes, seed: req.seed, record: true });
  return {
    returns: b.returns,
    meanReturn: mean(b.returns),
    successRate: b.successes.filter(Boolean).length / Math.max(1, b.successes.length),
    meanLength: mean(b.lengths),
    path: plainArray(b.paths?.[0]),
  };
}

/** Plain JS, a few milliseconds per episode: the agents worker runs it once per goal update. */
export function computeGoalRollouts(req: GoalRolloutRequest): GoalUpdate {
  const task = taskAt(req.family, req.angle);
  const goal: [number, number] = [task.goal[0], task.goal[1]];
  const reference = {} as Record<ReferencePolicyName, ReferenceRollout>;
  for (const policy of ['oracle', 'random'] as const) {
    const p = policy === 'oracle' ? oraclePolicy(req.env, task) : randomPolicy(req.env);
    reference[policy] = { policy, angle: req.angle, goal, ...score(req, p) };
  }
  // Both agents get the SAME context: one fixed exploration rule, one seed, rewards only.
  const context = collectContext(req.env, task, req.contextSize, req.seed);
  const agents: Record<AgentName, AgentRollout | null> = { hereditary: null, baseline: null };
  const unavailable: Record<AgentName, string | null> = { hereditary: null, baseline: null };
  let inference: HereditaryInference | null = null;
  for (const name of ['hereditary', 'baseline'] as const) {
    const agent = req[name];
    if (isUnavailable(agent)) {
      unavailable[name] = agent.unavailable;
      continue;
    }
    const adapted = agent.adapt(context);
    const s = score(req, adapted.policy);
    agents[name] = { angle: req.angle, meanReturn: s.meanReturn, path: s.path };
    if (name === 'hereditary' && adapted.estimate) {
      const h = agent as HereditaryTestAgent;
      inference = {
        angle: req.angle,
        theta: adapted.estimate.theta,
        loss: adapted.estimate.loss,
        gridThetas: adapted.estimate.gridThetas,
        gridLosses: adapted.estimate.gridLosses,
        contextStates: context.flatMap((c) => [c.next[0], c.next[1]]),
        // DIAGNOSTIC (reads the true goal; scoring only, never used by the agent).
        trueThetaDiagnostic: oracleThetaFromGoal(h.generator, h.baseGoal, goal, h.domain),
      };
    }
  }
  return { angle: req.angle, reference, agents, unavailable, inference };
}
