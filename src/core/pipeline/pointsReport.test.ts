// The report of a points family, read back from JSON as the CLI writes it: accepted (a circle) and refused (a scatter).
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type ExperimentConfig, envFor } from '../experimentConfig';
import { taskAt } from '../families';
import { adaptHereditaryAgent, BaseRewardModel, DEFAULT_INFERENCE } from '../hereditary';
import { polylineOffsets } from '../pointsFamily';
import { oraclePolicy } from '../policies';
import type { Vec2 } from '../vec';
import { evaluationOrbit } from './evaluationOrbit';
import { buildReport } from './report';
import { evaluateStage, exploreStage, hereditaryStage, scoresHereditaryAgent } from './stages';

const json = <T>(x: T): T => JSON.parse(JSON.stringify(x));

const pointsConfig = (goals: Vec2[], seed: number): ExperimentConfig => ({
  ...DEFAULT_CONFIG,
  family: { kind: 'points', goals },
  training: { kind: 'offsets', offsets: polylineOffsets(goals) },
  testGoals: 12,
  episodes: 1,
  seed,
});

/** A still "baseline" (labelled stand-in): the report's keys, not the baseline, are under test. */
const stillBaseline = () => (_s: Float64Array, n: number, a: Float64Array) => a.fill(0, 0, 2 * n);

describe('report of a points family', () => {
  it('accepted on a circle: kind "points", the verdict, test goals round the circle found, distances in degrees', async () => {
    const c: Vec2 = [0.35, -0.25];
    const goals = [0.4, 1.9, 3.3, 4.9].map(
      (a) => [c[0] + 1.2 * Math.cos(a), c[1] + 1.2 * Math.sin(a)] as Vec2,
    );
    const config = pointsConfig(goals, 31);
    const hereditary = await hereditaryStage(config, await exploreStage(config));
    const { result } = hereditary;
    expect(scoresHereditaryAgent(hereditary, config)).toBe(true);
    // A stand-in base policy (the base task's oracle; labelled): the keys, not the base policy, are under test.
    const env = envFor(config);
    const baseOracle = oraclePolicy(env, taskAt(config.family, 0));
    const model = BaseRewardModel.fromJSON(hereditary.baseRewardModel);
    const orbit = evaluationOrbit(config, result);
    const evaluation = await evaluateStage(
      config,
      {
        hereditary: (task, seed) => {
          const run = adaptHereditaryAgent(env, task, baseOracle, result.generator, model, 16, seed, {
            ...DEFAULT_INFERENCE,
            compact: result.compact,
          });
          return { policy: run.policy, theta: run.estimate.theta, compact: result.compact };
        },
        baseline: stillBaseline,
      },
      {},
      result.generator,
      orbit,
    );
    const report = json(buildReport({ config, hereditary, evaluation }, { backend: 'none', timings_ms: {} }));

    expect(report.config.family.kind).toBe('points');
    expect(report.config.family_unit).toBe('deg');
    expect(report.config.train_offsets).toBeNull();
    expect(report.generators.is_hereditary).toBe(true);
    expect(report.generators.compact).toBe(true);
    expect(report.generators.hereditary).toHaveLength(3);
    const v = report.generators.verdict;
    expect(v?.hereditary).toBe(true);
    expect(v?.compact).toBe(true);
    expect(v?.statistic).toBeLessThan(v?.threshold ?? 0);
    expect(v?.reason).toMatch(/^Hereditary/);
    expect(report.truth.errors_deg.hereditary).toBeLessThan(1);
    expect(report.evaluation_orbit?.source).toBe('circle');
    expect(report.evaluation_orbit?.unit).toBe('deg');
    expect(report.evaluation_orbit?.train_parameters).toHaveLength(4);
    const rows = report.evaluation ?? [];
    expect(rows).toHaveLength(12);
    const found = report.evaluation_orbit?.family as { center: Vec2; radius: number };
    for (const r of rows) {
      expect(Object.keys(r.score).sort()).toEqual(['baseline', 'hereditary']);
      expect(r.distance_to_training).toBe(r.distance_to_training_deg);
      expect(r.distance_to_training).toBeLessThanOrEqual(180);
      // Every test goal on the circle found, through the base goal.
      expect(Math.hypot(r.goal[0] - found.center[0], r.goal[1] - found.center[1])).toBeCloseTo(
        found.radius,
        9,
      );
    }
    expect(Math.hypot(goals[0][0] - found.center[0], goals[0][1] - found.center[1])).toBeCloseTo(
      found.radius,
      9,
    );
    expect(report.evaluation_summary?.distance_unit).toBe('deg');
    console.info(
      `[points report] circle: verdict ${v?.statistic} vs ${v?.threshold}, error ${report.truth.errors_deg.hereditary}°, ` +
        `hereditary min score ${report.evaluation_summary?.min_score.hereditary.toFixed(3)}`,
    );
    expect(report.evaluation_summary?.min_score.hereditary).toBeGreaterThan(0.9);
  });

  it('refused (a scatter): no hereditary agent, the verdict says why, the baseline along the polyline', async () => {
    const goals: Vec2[] = [
      [0.2, 0.1],
      [1.3, 0.6],
      [0.1, 1.5],
      [-1.2, -0.4],
    ];
    const config = pointsConfig(goals, 33);
    const hereditary = await hereditaryStage(config, await exploreStage(config));
    expect(hereditary.result.isHereditary).toBe(false);
    expect(scoresHereditaryAgent(hereditary, config)).toBe(false);
    const orbit = evaluationOrbit(config, hereditary.result);
    const evaluation = await evaluateStage(
      config,
      { baseline: stillBaseline },
      {},
      hereditary.result.generator,
      orbit,
    );
    const report = json(buildReport({ config, hereditary, evaluation }, { backend: 'none', timings_ms: {} }));

    expect(report.config.family.kind).toBe('points');
    expect(report.config.family_unit).toBe('arena');
    expect(report.generators.is_hereditary).toBe(false);
    const v = report.generators.verdict;
    expect(v).toEqual(
      expect.objectContaining({
        hereditary: false,
        compact: expect.any(Boolean),
        statistic: expect.any(Number),
        threshold: 40,
        reason: expect.stringMatching(/^Not hereditary: task \d fits .* its noise floor/),
      }),
    );
    expect(v?.statistic).toBeGreaterThan(5 * (v?.threshold ?? 0));
    expect(report.truth.hereditary).toBeNull();
    expect(report.evaluation_orbit?.source).toBe('polyline');
    const rows = report.evaluation ?? [];
    expect(rows).toHaveLength(12);
    for (const r of rows) {
      expect(Object.keys(r.score)).toEqual(['baseline']);
      expect(typeof r.distance_to_training).toBe('number');
      expect(r.distance_to_training_deg).toBeNull();
    }
    expect(rows[0].goal).toEqual(goals[0]);
    expect(rows[11].goal).toEqual([expect.closeTo(-1.2, 12), expect.closeTo(-0.4, 12)]);
    console.info(`[points report] scatter: ${v?.reason}`);
  });
});
