// The non-compact path on a line with a KNOWN translation: θ searched on the real line, evaluation and summary unwrapped.
import { describe, expect, it } from 'vitest';
import { degToRad } from '../angles';
import { DEFAULT_ENV } from '../env';
import { evaluateAgents } from '../evaluation';
import { summariseEvaluation } from '../evaluationSummary';
import { collectExploration } from '../explorationData';
import { goalAt, type LineFamily, lineDirection, taskAt } from '../families';
import { rotationGenerator, translationGenerator } from '../lie';
import { oraclePolicy } from '../policies';
import { adaptHereditaryAgent, oracleThetaFromGoal } from './agent';
import { BaseRewardModel } from './baseRewardModel';
import { collectContext } from './context';
import { DEFAULT_INFERENCE, inferGroupElement, nonCompactThetaRange, thetaDomain } from './inferGroupElement';

const family: LineFamily = { kind: 'line', origin: [0.2, 0.5], direction: degToRad(-30) };
const train = [0.2, 0.7];
const base = train[0];
const x = translationGenerator(lineDirection(family));
// f̂₀ from base-task rewards only (the learner never reads a goal); the truth X stands in for a learned generator.
const model = BaseRewardModel.fit(
  collectExploration(DEFAULT_ENV, taskAt(family, base), { transitions: 10000, seed: 4242 }),
);
const nonCompact = { ...DEFAULT_INFERENCE, compact: false };

describe('test-time inference on the real line (non-compact generator)', () => {
  it('searches the interval of θ that keeps part of the arena inside it: |θ| ≤ 2B / max(|d_x|, |d_y|)', async () => {
    const [lo, hi] = nonCompactThetaRange(x, 5);
    const want = 10 / Math.cos(degToRad(30));
    const step = want / 200;
    expect(hi).toBeGreaterThan(want - step - 1e-9);
    expect(hi).toBeLessThanOrEqual(want + 1e-9);
    expect(lo).toBeCloseTo(-hi, 9);
    expect(thetaDomain(x)).toEqual({ kind: 'interval', lo, hi });
    expect(thetaDomain(rotationGenerator([0, 0]))).toEqual({ kind: 'circle' });
  });

  it('finds θ* = t − t₀ from rewards alone far beyond the training span, as a real number (never wrapped)', async () => {
    for (const [t, seed] of [
      [-2.6, 31],
      [3.2, 32],
      [0.45, 33],
    ]) {
      const task = taskAt(family, t);
      const est = inferGroupElement(collectContext(DEFAULT_ENV, task, 16, seed), x, model, nonCompact);
      expect(est.domain?.kind).toBe('interval');
      expect(Math.abs(est.theta - (t - base))).toBeLessThan(0.05);
      // Grid over the interval, not the circle.
      expect(Math.min(...est.gridThetas)).toBeLessThan(-10);
      expect(Math.max(...est.gridThetas)).toBeGreaterThan(10);
    }
    // The labelled oracle diagnostic reads the goal and searches the same interval.
    expect(oracleThetaFromGoal(x, goalAt(family, base), goalAt(family, -2.6))).toBeCloseTo(-2.8, 6);
  });

  it('evaluates on the line: distances in arena units, θ* unwrapped, near-oracle scores at every goal', async () => {
    const env = DEFAULT_ENV;
    // A perfect base policy (the base task's oracle, a labelled stand-in for π₀) moved by the inferred translation.
    const baseOracle = oraclePolicy(env, taskAt(family, base));
    const rows = await evaluateAgents(
      env,
      family,
      train,
      {
        hereditary: (task, seed) => {
          const run = adaptHereditaryAgent(env, task, baseOracle, x, model, 16, seed, nonCompact);
          return { policy: run.policy, theta: run.estimate.theta, compact: false };
        },
      },
      { testGoals: 13, testExtent: 3, episodes: 2, seed: 77, trueTheta: (t) => t - base },
    );
    expect(rows).toHaveLength(13);
    rows.forEach((r, i) => {
      const t = -3 + 0.5 * i;
      expect(r.parameter).toBeCloseTo(t, 12);
      expect(r.goal[0]).toBeCloseTo(goalAt(family, t)[0], 12);
      expect(r.distance_to_training).toBeCloseTo(Math.min(...train.map((s) => Math.abs(t - s))), 12);
      expect(r.distance_to_training_deg).toBeNaN();
      expect(r.angle_deg).toBeNaN();
      expect(r.theta_star_deg).toBeNull();
      expect(r.theta_star).toBeCloseTo(t - base, 1);
      expect(r.theta_error).toBeLessThan(0.05);
      expect(r.score.hereditary).toBeGreaterThan(0.9);
    });
    // The far end: 3.2 arena units below the base, θ* negative, not wrapped into [0, 2π).
    expect(rows[0].theta_star).toBeLessThan(-3);

    const s = summariseEvaluation(rows);
    expect(s.distance_unit).toBe('arena');
    // Bins of 0.25 arena units from 0 up to the largest distance (3.2, from t = −3), no 180° cap.
    expect(s.curve[0].from).toBe(0);
    expect(s.curve.at(-1)?.to).toBeGreaterThanOrEqual(3.2);
    expect(s.curve.reduce((n, b) => n + b.count, 0)).toBe(13);
    expect(s.curve.every((b) => Number.isNaN(b.distance_deg))).toBe(true);
    expect(s.headline?.far_from).toBe(1);
    const far = rows.filter((r) => (r.distance_to_training ?? 0) >= 1 && !r.ill_conditioned);
    expect(far.length).toBeGreaterThan(5);
    expect(s.headline?.agents.hereditary.far_mean_score).toBeCloseTo(
      far.reduce((a, r) => a + r.score.hereditary, 0) / far.length,
      12,
    );
    expect(s.median_theta_error).toBeLessThan(0.05);
    expect(s.median_theta_error_deg).toBeNull();
  });
});
