// The hereditary agent (ALGORITHM.md §8): one base policy moved by the inferred group element, a = A(θ) π₀(exp(−θX) s̃).
import type { EnvConfig, Task } from '../env';
import { applyToPoint, expm3, type Generator } from '../lie';
import { scale3 } from '../linalg';
import type { Policy } from '../policies';
import type { Vec2 } from '../vec';
import { goldenSection } from './alignLogs';
import { type ContextTransition, collectContext } from './context';
import {
  type BaseRewardPredictor,
  DEFAULT_INFERENCE,
  domainGrid,
  type GroupElementEstimate,
  gridInverseFlows,
  type InferenceOptions,
  inferGroupElement,
  type ThetaDomain,
  thetaDomain,
} from './inferGroupElement';

/**
 * Whether a discovered generator makes a hereditary agent: a compact one (θ searched on the circle), or a
 * non-compact one that discovery calls hereditary (θ searched on the arena's real interval, e.g. a translation).
 */
export const hasHereditaryAgent = (r: { compact: boolean; isHereditary: boolean }): boolean =>
  r.compact || r.isHereditary;

/**
 * Whether the hereditary agent is offered for a family: as hasHereditaryAgent, except that the reader's own goals (a
 * points family) need discovery's verdict (refused, there is no orbit to carry the base policy along).
 */
export const offersHereditaryAgent = (
  r: { compact: boolean; isHereditary: boolean },
  familyKind: string,
): boolean => (familyKind === 'points' ? r.isHereditary : hasHereditaryAgent(r));

/** π_θ(s) = A(θ) π₀(exp(−θX) s̃): rotate the state into the base frame, the action back out. */
export function hereditaryPolicy(basePolicy: Policy, generator: Generator, theta: number): Policy {
  const fwd = expm3(scale3(generator, theta));
  const inv = expm3(scale3(generator, -theta));
  let buf = new Float64Array(0);
  let act = new Float64Array(0);
  return (states, n, actions, rng) => {
    if (buf.length < 2 * n) {
      buf = new Float64Array(2 * n);
      act = new Float64Array(2 * n);
    }
    for (let i = 0; i < n; i++) {
      const x = states[2 * i];
      const y = states[2 * i + 1];
      buf[2 * i] = inv[0] * x + inv[1] * y + inv[2];
      buf[2 * i + 1] = inv[3] * x + inv[4] * y + inv[5];
    }
    basePolicy(buf, n, act, rng);
    for (let i = 0; i < n; i++) {
      const ax = act[2 * i];
      const ay = act[2 * i + 1];
      actions[2 * i] = fwd[0] * ax + fwd[1] * ay;
      actions[2 * i + 1] = fwd[3] * ax + fwd[4] * ay;
    }
  };
}

export interface HereditaryAgentRun {
  policy: Policy;
  estimate: GroupElementEstimate;
  context: ContextTransition[];
}

/** Collect K context transitions, infer θ from rewards only, and return the moved base policy. */
export function adaptHereditaryAgent(
  env: EnvConfig,
  task: Task,
  basePolicy: Policy,
  generator: Generator,
  baseModel: BaseRewardPredictor,
  contextSize: number,
  seed: number,
  opts: InferenceOptions = DEFAULT_INFERENCE,
): HereditaryAgentRun {
  const context = collectContext(env, task, contextSize, seed);
  const estimate = inferGroupElement(context, generator, baseModel, opts);
  return { policy: hereditaryPolicy(basePolicy, generator, estimate.theta), estimate, context };
}

/**
 * ORACLE (scoring/diagnostics only): the θ whose flow carries the base goal closest to the true goal,
 * read from the task's goal. Grid of 256 nodes over the generator's θ domain (the circle when compact, else the
 * arena's real interval; flows cached per generator) then golden-section.
 */
export function oracleThetaFromGoal(
  generator: Generator,
  baseGoal: Vec2,
  goal: Vec2,
  domain: ThetaDomain = thetaDomain(generator),
): number {
  const miss = (t: number) => {
    const p = applyToPoint(expm3(scale3(generator, t)), baseGoal);
    return (p[0] - goal[0]) ** 2 + (p[1] - goal[1]) ** 2;
  };
  const m = 256;
  const grid = domainGrid(domain, m);
  // exp(θ_k X) = exp(−θ_{m−k} X) on the circle, so the cached inverse flows serve the forward grid too.
  const inverse = domain.kind === 'circle' ? gridInverseFlows(generator, m) : null;
  let best = 0;
  let bestMiss = Number.POSITIVE_INFINITY;
  for (let k = 0; k < grid.length; k++) {
    const l = inverse ? inverse[(m - k) % m] : expm3(scale3(generator, grid[k]));
    const p = applyToPoint(l, baseGoal);
    const v = (p[0] - goal[0]) ** 2 + (p[1] - goal[1]) ** 2;
    if (v < bestMiss) [best, bestMiss] = [k, v];
  }
  const step = grid.length > 1 ? grid[1] - grid[0] : 0;
  const t = goldenSection(miss, grid[best] - step, grid[best] + step, 40);
  return domain.kind === 'circle' ? ((t % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI) : t;
}

/** ORACLE mode: the hereditary policy with θ read from the true goal (labelled; never the default). */
export function oracleHereditaryPolicy(
  basePolicy: Policy,
  generator: Generator,
  baseGoal: Vec2,
  task: Task,
): Policy {
  return hereditaryPolicy(basePolicy, generator, oracleThetaFromGoal(generator, baseGoal, task.goal));
}
