// The report's keys for a line family (and the keys every family now shares), read back from JSON as the CLI writes them.
import { describe, expect, it } from 'vitest';
import { degToRad } from '../angles';
import { evaluateAgents } from '../evaluation';
import { summariseEvaluation } from '../evaluationSummary';
import { DEFAULT_CONFIG, type ExperimentConfig, envFor, resolvedTrainingAngles } from '../experimentConfig';
import { taskAt } from '../families';
import { adaptHereditaryAgent, BaseRewardModel, DEFAULT_INFERENCE } from '../hereditary';
import { oraclePolicy } from '../policies';
import { controlConfig } from './comparisonStages';
import { buildReport } from './report';
import { evaluateStage, exploreStage, hereditaryStage } from './stages';

const json = <T>(x: T): T => JSON.parse(JSON.stringify(x));

describe('report keys', () => {
  it('a line: kind "line", offsets and extent, compact false, distances in arena units, θ on the real line', async () => {
    const config: ExperimentConfig = {
      ...DEFAULT_CONFIG,
      family: { kind: 'line', origin: [-1, 0.8], direction: degToRad(200) },
      training: { kind: 'offsets', offsets: [0.1, -0.3, 0.5] },
      testGoals: 9,
      episodes: 1,
      context: 16,
      seed: 23,
    };
    const hereditary = await hereditaryStage(config, await exploreStage(config));
    const { result } = hereditary;
    // A stand-in base policy (the base task's oracle; labelled): the keys, not the base policy, are under test.
    const env = envFor(config);
    const baseOracle = oraclePolicy(env, taskAt(config.family, 0.1));
    const model = BaseRewardModel.fromJSON(hereditary.baseRewardModel);
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
      },
      {},
      result.generator,
    );
    const report = json(buildReport({ config, hereditary, evaluation }, { backend: 'none', timings_ms: {} }));

    expect(report.config.family.kind).toBe('line');
    expect(report.config.family_unit).toBe('arena');
    expect(report.config.train_offsets).toEqual([0.1, -0.3, 0.5]);
    expect(report.config.train_angles_deg).toBeNull();
    expect(report.config.test_extent).toBe(3);
    expect(report.config.base_training_start_half_width).toBeCloseTo(3.6, 9);
    expect(report.generators.compact).toBe(false);
    expect(report.generators.is_hereditary).toBe(true);
    expect(report.generators.hereditary).toHaveLength(3);
    expect(report.generators.compactness?.linear_fraction).toBeLessThan(0.02);
    expect(report.generators.task_thetas_deg).toBeNull();
    expect(report.generators.task_thetas?.map(Math.abs)).toEqual([
      expect.closeTo(0.4, 1),
      expect.closeTo(0.4, 1),
    ]);
    expect(report.truth.hereditary).toEqual([
      [0, 0, expect.closeTo(Math.cos(degToRad(200)), 6)],
      [0, 0, expect.closeTo(Math.sin(degToRad(200)), 6)],
      [0, 0, 0],
    ]);
    expect(report.truth.errors_deg.hereditary).toBeLessThan(1);
    const rows = report.evaluation ?? [];
    expect(rows).toHaveLength(9);
    for (const r of rows) {
      expect(r.goal).toHaveLength(2);
      expect(typeof r.distance_to_training).toBe('number');
      expect(typeof r.parameter).toBe('number');
      // Periodic-only keys are null for a line (NaN written as null).
      expect(r.distance_to_training_deg).toBeNull();
      expect(r.angle_deg).toBeNull();
      expect(r.theta_star_deg).toBeNull();
      expect(typeof r.theta_star).toBe('number');
    }
    expect(rows[0].parameter).toBe(-3);
    expect(rows[0].distance_to_training).toBeCloseTo(2.7, 12);
    const s = report.evaluation_summary;
    expect(s?.distance_unit).toBe('arena');
    expect(s?.headline?.far_from).toBe(1);
    expect(s?.headline?.far_from_deg).toBeNull();
    expect(s?.curve.every((b) => typeof b.from === 'number' && b.from_deg === null)).toBe(true);
  });

  it('a circle keeps its keys: kind "circle", degrees, and distance_to_training equal to distance_to_training_deg', async () => {
    const config: ExperimentConfig = {
      ...DEFAULT_CONFIG,
      family: { kind: 'circle', center: [0.3, 0], radius: 1.2 },
      training: { kind: 'angles', angles: [0.4, 2] },
      testGoals: 10,
    };
    const env = envFor(config);
    const rows = await evaluateAgents(
      env,
      config.family,
      resolvedTrainingAngles(config),
      { still: () => (_s, n, a) => a.fill(0, 0, 2 * n) },
      { testGoals: 10, episodes: 1, seed: 8 },
    );
    const report = json(
      buildReport(
        { config, evaluation: { rows, summary: summariseEvaluation(rows) } },
        { backend: 'none', timings_ms: {} },
      ),
    );
    expect(report.config.family.kind).toBe('circle');
    expect(report.config.family_unit).toBe('deg');
    expect(report.config.train_angles_deg).toHaveLength(2);
    expect(report.config.train_offsets).toBeNull();
    expect(report.config.test_extent).toBeNull();
    expect(report.config.base_training_start_half_width).toBe(3);
    for (const r of report.evaluation ?? []) {
      expect(r.distance_to_training).toBe(r.distance_to_training_deg);
      expect(r.parameter).toBe(r.angle_deg);
      expect(r.distance_to_training_deg).toBeLessThanOrEqual(180);
    }
    expect(report.evaluation_summary?.distance_unit).toBe('deg');
    expect(report.evaluation_summary?.headline?.far_from_deg).toBe(60);
    expect(report.evaluation_summary?.curve[0].from_deg).toBe(0);
  });

  it('the dense control of a line trains on the base offset and 11 offsets spread over the test range', async () => {
    const config: ExperimentConfig = {
      ...DEFAULT_CONFIG,
      family: { kind: 'line', origin: [0, 1], direction: degToRad(75) },
      training: { kind: 'offsets', offsets: [0.2, 0.5] },
    };
    const dense = controlConfig(config);
    expect(dense.testExtent).toBe(3);
    expect(resolvedTrainingAngles(dense)).toEqual(
      [0.2, ...Array.from({ length: 11 }, (_, i) => -3 + 0.6 * i)].map((t) => expect.closeTo(t, 12)),
    );
  });
});
