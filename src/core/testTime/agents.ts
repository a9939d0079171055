// The trained agents rebuilt from pipeline artifacts: each adapts to a task from the shared rewards-only context.
import { baselinePolicyForContext, deserializeBaseline } from '../baseline/baselineModel';
import type { EnvConfig } from '../env';
import { goalAt } from '../families';
import {
  BaseRewardModel,
  type ContextTransition,
  DEFAULT_INFERENCE,
  type GroupElementEstimate,
  hereditaryPolicy,
  inferGroupElement,
  offersHereditaryAgent,
  type ThetaDomain,
  thetaDomain,
} from '../hereditary';
import type { Generator } from '../lie';
import type {
  BaselineArtifact,
  BasePolicyArtifact,
  HereditaryArtifact,
  PipelineArtifacts,
} from '../pipeline/artifacts';
import type { Policy } from '../policies';
import { actorPolicy } from '../sac/actorPolicy';
import { deserializeMlp } from '../sac/mlp';
import type { Vec2 } from '../vec';

/**
 * The part of a run the test-time agents are built from (a fraction of the whole: no race curves, no evaluation).
 * The page sends only this to its agents worker.
 */
export interface AgentArtifacts {
  config: Pick<PipelineArtifacts['config'], 'family'>;
  trainAngles: number[];
  base: Pick<BasePolicyArtifact, 'actor'>;
  hereditary: Pick<HereditaryArtifact, 'result' | 'baseRewardModel'>;
  baseline: Pick<BaselineArtifact, 'model'> | null;
}

/** The agents' part of a run (shares the run's objects: nothing is copied). */
export function agentArtifactsOf(a: PipelineArtifacts): AgentArtifacts {
  return {
    config: { family: a.config.family },
    trainAngles: a.trainAngles,
    base: { actor: a.base.actor },
    hereditary: { result: a.hereditary.result, baseRewardModel: a.hereditary.baseRewardModel },
    baseline: a.baseline ? { model: a.baseline.model } : null,
  };
}

/** Whether two runs give the same agents (the same objects: a patch that leaves them alone keeps them). */
export const sameAgents = (a: PipelineArtifacts | null, b: PipelineArtifacts | null): boolean =>
  a === b ||
  (a !== null &&
    b !== null &&
    a.config.family === b.config.family &&
    a.trainAngles === b.trainAngles &&
    a.base.actor === b.base.actor &&
    a.hereditary.result === b.hereditary.result &&
    a.hereditary.baseRewardModel === b.hereditary.baseRewardModel &&
    (a.baseline?.model ?? null) === (b.baseline?.model ?? null));

export interface AdaptedAgent {
  policy: Policy;
  /** The hereditary agent's θ* and its context loss curve; absent for agents without one. */
  estimate?: GroupElementEstimate;
}

/** A trained agent at test time: rewards-only context in, a policy for that task out (never reads the goal). */
export interface TestTimeAgent {
  adapt(context: readonly ContextTransition[]): AdaptedAgent;
}

export interface HereditaryTestAgent extends TestTimeAgent {
  generator: Generator;
  /** Where θ is searched: the circle (compact generator) or the arena's real interval (absent: the circle). */
  domain?: ThetaDomain;
  /** The base task's goal of the run that produced the artifacts (for the labelled θ diagnostic only). */
  baseGoal: Vec2;
}

/** Why an agent is missing (shown instead of its return). */
export type AgentUnavailable = { unavailable: string };

/** The hereditary agent of ALGORITHM.md §8: θ* from the context, then the base policy moved by exp(θ*X). */
export function hereditaryAgentFrom(
  artifacts: AgentArtifacts,
  env: EnvConfig,
): HereditaryTestAgent | AgentUnavailable {
  const { result, baseRewardModel } = artifacts.hereditary;
  if (!offersHereditaryAgent(result, artifacts.config.family.kind)) {
    return {
      unavailable:
        artifacts.config.family.kind === 'points'
          ? 'not offered: discovery found no one symmetry relating these goals'
          : 'the learned generator is neither compact nor hereditary, so there is no group element to search for',
    };
  }
  const basePolicy = actorPolicy(deserializeMlp(artifacts.base.actor), env.maxAction);
  const model = BaseRewardModel.fromJSON(baseRewardModel);
  const generator = result.generator;
  // The discovered compactness flag decides: θ on the circle, or on the arena's real interval.
  const opts = { ...DEFAULT_INFERENCE, compact: result.compact, arenaBound: env.stateBound };
  return {
    generator,
    domain: thetaDomain(generator, opts),
    baseGoal: goalAt(artifacts.config.family, artifacts.trainAngles[0]),
    adapt(context) {
      const estimate = inferGroupElement(context, generator, model, opts);
      return { policy: hereditaryPolicy(basePolicy, generator, estimate.theta), estimate };
    },
  };
}

/** The smooth-encoding baseline (ALGORITHM.md §9): the same context → z → π(s, z). Absent results stay absent. */
export function baselineAgentFrom(artifacts: AgentArtifacts): TestTimeAgent | AgentUnavailable {
  if (artifacts.baseline === null) return { unavailable: 'baseline not trained in these results' };
  const model = deserializeBaseline(artifacts.baseline.model);
  return { adapt: (context) => ({ policy: baselinePolicyForContext(model, context) }) };
}

export const isUnavailable = (a: TestTimeAgent | AgentUnavailable): a is AgentUnavailable =>
  'unavailable' in a;

/** Both trained agents of one run (or why each is missing). */
export interface AgentPair {
  hereditary: HereditaryTestAgent | AgentUnavailable;
  baseline: TestTimeAgent | AgentUnavailable;
}

const WAITING: AgentPair = {
  hereditary: { unavailable: 'waiting for trained agents' },
  baseline: { unavailable: 'waiting for trained agents' },
};

/**
 * The agents of one run, rebuilt once per action bound (deserialising is the slow part: once per run, not per
 * goal). Without artifacts both agents are unavailable ("waiting").
 */
export function agentCache(artifacts: AgentArtifacts | null): (env: EnvConfig) => AgentPair {
  const byBound = new Map<number, AgentPair>();
  return (env) => {
    if (!artifacts) return WAITING;
    let pair = byBound.get(env.maxAction);
    if (!pair) {
      pair = { hereditary: hereditaryAgentFrom(artifacts, env), baseline: baselineAgentFrom(artifacts) };
      byBound.set(env.maxAction, pair);
    }
    return pair;
  };
}
