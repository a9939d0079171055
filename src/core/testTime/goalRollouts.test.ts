// Tests of one update at the test goal: shared context, θ* from rewards, moved base policy vs oracle, honest gaps.
import { describe, expect, it } from 'vitest';
import { degToRad, radToDeg, wrapAngle } from '../angles';
import { DEFAULT_ENV } from '../env';
import { collectExploration } from '../explorationData';
import { type CircleFamily, goalAt, taskAt } from '../families';
import { BaseRewardModel, hereditaryPolicy, inferGroupElement } from '../hereditary';
import { rotationGenerator } from '../lie';
import { oraclePolicy } from '../policies';
import { normalisedScore } from '../rollout';
import type { HereditaryTestAgent } from './agents';
import { computeGoalRollouts } from './goalRollouts';

const family: CircleFamily = { kind: 'circle', center: [0.5, -0.5], radius: 1.2 };
const baseAngle = 0.4;
const env = DEFAULT_ENV;

/** A hereditary agent with a perfect base policy and the true generator: isolates the update's plumbing. */
function idealHereditaryAgent(): HereditaryTestAgent {
  const baseTask = taskAt(family, baseAngle);
  const samples = collectExploration(env, baseTask, { transitions: 10_000, seed: 5 });
  const model = BaseRewardModel.fit(samples);
  const generator = rotationGenerator(family.center);
  const basePolicy = oraclePolicy(env, baseTask);
  return {
    generator,
    baseGoal: goalAt(family, baseAngle),
    adapt(context) {
      const estimate = inferGroupElement(context, generator, model);
      return { policy: hereditaryPolicy(basePolicy, generator, estimate.theta), estimate };
    },
  };
}

describe('computeGoalRollouts', () => {
  const hereditary = idealHereditaryAgent();
  const contexts: number[][] = [];
  const baselineSpy = {
    adapt(context: readonly { next: [number, number] }[]) {
      contexts.push(context.flatMap((c) => c.next));
      return { policy: oraclePolicy(env, taskAt(family, 0)) };
    },
  };

  it('infers θ* within 1° of the diagnostic truth and scores ≥ 0.95 at goals all round the circle', () => {
    for (const deg of [0, 90, 180, 250, 330]) {
      const angle = degToRad(deg);
      const u = computeGoalRollouts({
        family,
        env,
        angle,
        contextSize: 16,
        episodes: 8,
        seed: 3,
        hereditary,
        baseline: { unavailable: 'not trained' },
      });
      const inf = u.inference;
      if (!inf) throw new Error('no inference');
      const miss = Math.abs(wrapAngle(inf.theta - inf.trueThetaDiagnostic));
      expect(radToDeg(miss)).toBeLessThan(1);
      expect(inf.gridThetas).toHaveLength(inf.gridLosses.length);
      expect(inf.contextStates).toHaveLength(32);
      const h = u.agents.hereditary;
      if (!h) throw new Error('no hereditary rollout');
      const s = normalisedScore(h.meanReturn, u.reference.oracle.meanReturn, u.reference.random.meanReturn);
      expect(s).toBeGreaterThanOrEqual(0.95);
      expect(u.agents.baseline).toBeNull();
      expect(u.unavailable).toEqual({ hereditary: null, baseline: 'not trained' });
    }
  });

  it('gives both agents the same context, and is deterministic for a seed', () => {
    const req = {
      family,
      env,
      angle: 2,
      contextSize: 12,
      episodes: 4,
      seed: 9,
      hereditary,
      baseline: baselineSpy,
    };
    const a = computeGoalRollouts(req);
    const b = computeGoalRollouts(req);
    expect(contexts[0]).toEqual(a.inference?.contextStates);
    expect(contexts[1]).toEqual(contexts[0]);
    expect(a.agents).toEqual(b.agents);
    expect(a.reference.oracle.returns).toEqual(b.reference.oracle.returns);
  });
});
