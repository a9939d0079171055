// Matched budgets: the plan equals what the stages step, the baseline gets at least the hereditary agent's steps.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { BASELINE_QUICK, policyEnvStepsFor, trainBaseline } from '../baseline/trainBaseline';
import { DEFAULT_ENV } from '../env';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../experimentConfig';
import { DEFAULT_FAMILY, taskAt } from '../families';
import { budgetsReport } from './budgetReport';
import { STAGE_BUDGETS } from './budgets';
import { matchedBaselineBudget, plannedHereditaryTrainingSteps } from './matchedBudget';
import { baselineStage, exploreStage, trainBaseStage } from './stages';

beforeAll(async () => {
  tf.enableProdMode();
  await tf.setBackend('wasm');
  await tf.ready();
});

describe('matched budgets', () => {
  it('at the quick budget the preset baseline is below the hereditary agent, the matched one is not', () => {
    for (const tasks of [3, 4]) {
      const config: ExperimentConfig = {
        ...DEFAULT_CONFIG,
        training: { kind: 'spread', baseAngle: 0, count: tasks - 1 },
      };
      const h = plannedHereditaryTrainingSteps(config);
      // Base SAC 1000 warm-up + 2500 steps; 10k exploration samples per task.
      expect(h.total).toBe(3500 + 10_000 * tasks);
      const presetSteps = tasks * 200 * 16 + policyEnvStepsFor(BASELINE_QUICK, tasks);
      expect(presetSteps).toBeLessThan(h.total);
      const m = matchedBaselineBudget(config, tasks);
      expect(m.plannedEnvSteps.total).toBeGreaterThanOrEqual(h.total);
      expect(m.plannedEnvSteps.total - h.total).toBeLessThan(2);
      // The updates stay the preset's; they are spread over more steps.
      expect(m.preset.updates).toBe(5000);
      expect(m.updatesPerEnvStep).toBeGreaterThan(0.15);
      expect(m.updatesPerEnvStep).toBeLessThan(0.25);
      const k2 = matchedBaselineBudget({ ...config, baselineBudgetScale: 2 }, tasks);
      expect(k2.preset.updates).toBe(10_000);
      expect(k2.preset.encoderSteps).toBe(2 * (m.preset.encoderSteps ?? 0));
      expect(k2.plannedEnvSteps.total).toBe(2 * m.plannedEnvSteps.total);
    }
    // A preset already above the hereditary agent keeps its own budget (the 12-task control).
    const dense = matchedBaselineBudget(
      { ...DEFAULT_CONFIG, training: { kind: 'spread', baseAngle: 0, count: 11 } },
      12,
      plannedHereditaryTrainingSteps(DEFAULT_CONFIG).total,
    );
    expect(dense.preset.updates).toBe(36_000);
    expect(dense.plannedEnvSteps.policy).toBe(policyEnvStepsFor(BASELINE_QUICK, 12));
  });

  it('without extra steps the baseline keeps one update per env step after warm-up', async () => {
    const tasks = [0, 2, 4].map((a) => taskAt(DEFAULT_FAMILY, a));
    const opts = {
      ...BASELINE_QUICK,
      updates: 40,
      warmupSteps: 30,
      encoderSteps: 2,
      growth: undefined,
      seed: 8,
    };
    const plain = await trainBaseline(DEFAULT_ENV, tasks, opts);
    expect(plain.updatesDone).toBe(40);
    expect(plain.envSteps.policy).toBe(30 + 40 - 1);
    const spread = await trainBaseline(DEFAULT_ENV, tasks, { ...opts, policyEnvSteps: 400 });
    expect(spread.updatesDone).toBe(40);
    expect(spread.envSteps.policy).toBe(400);
    expect(spread.encoderSteps).toBe(2);
  }, 120_000);

  it('smoke budget under the box action set: the stages step what was planned, and the baseline ≥ hereditary', async () => {
    const config: ExperimentConfig = { ...DEFAULT_CONFIG, budget: 'smoke', actionConstraint: 'box', seed: 6 };
    const plan = plannedHereditaryTrainingSteps(config);
    const base = await trainBaseStage(config);
    const samples = await exploreStage(config);
    expect(base.envSteps).toBe(plan.baseSac);
    expect(samples.reduce((n, s) => n + s.count, 0)).toBe(plan.exploration);
    const baseline = await baselineStage(config);
    const m = matchedBaselineBudget(config, samples.length);
    expect(baseline.envSteps).toEqual({
      encoderData: m.plannedEnvSteps.encoderData,
      policy: m.plannedEnvSteps.policy,
    });
    expect(baseline.updates).toBe(STAGE_BUDGETS.smoke.baseline.updates);
    const report = budgetsReport({
      config,
      base,
      hereditary: {
        result: { lmIterations: 7 } as never,
        baseRewardModel: null as never,
        explorationSamples: samples.map((s) => s.count),
      },
      baseline,
    });
    expect(report.hereditary?.env_steps).toBe(plan.total);
    expect(report.hereditary?.gradient_updates).toBe(base.updates + 7);
    expect(report.baseline?.gradient_updates).toBe(baseline.updates + (baseline.encoderSteps ?? 0));
    expect(report.baseline_at_least_hereditary).toBe(true);
  }, 300_000);
});
