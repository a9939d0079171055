// Does more data cure locality? The clustered baseline trained at k× its matched budget, scored far from its tasks.
import { degToRad, radToDeg } from '../angles';
import { DEFAULT_CONFIG, type ExperimentConfig, resolvedTrainingAngles } from '../experimentConfig';
import { mean } from '../rollout';
import type { StageHooks } from './artifacts';
import { budgetsReport } from './budgetReport';
import { matchedBaselineBudget, plannedHereditaryTrainingSteps } from './matchedBudget';
import { baselineAgentFactory, baselineStage, evaluateStage } from './stages';

/** The README's clustered preset: `npm run experiment -- --train-angles 0,40,80`. */
export const CLUSTERED_TRAIN_DEG = [0, 40, 80];
/** Goals at least this far (angularly) from every training task count as far. */
export const FAR_FROM_DEG = 60;

export const clusteredConfig = (
  seed: number,
  budget: ExperimentConfig['budget'] = 'quick',
): ExperimentConfig => ({
  ...DEFAULT_CONFIG,
  training: { kind: 'angles', angles: CLUSTERED_TRAIN_DEG.map(degToRad) },
  seed,
  budget,
});

const r4 = (x: number) => +x.toFixed(4);

/** One scale: train the baseline at k× its matched budget, score it at the run's test goals. */
export async function baselineAtScale(config: ExperimentConfig, scale: number, hooks: StageHooks = {}) {
  const scaled: ExperimentConfig = { ...config, baselineBudgetScale: scale };
  const t0 = performance.now();
  const baseline = await baselineStage(scaled, hooks);
  const trainMs = performance.now() - t0;
  const evaluation = await evaluateStage(scaled, { baseline: baselineAgentFactory(scaled, baseline) }, hooks);
  const far = evaluation.rows.filter((r) => r.distance_to_training_deg >= FAR_FROM_DEG);
  const budgets = budgetsReport({ config: scaled, baseline, evaluation });
  const plan = matchedBaselineBudget(scaled, resolvedTrainingAngles(scaled).length);
  return {
    scale,
    env_steps: budgets.baseline?.env_steps ?? null,
    gradient_updates: budgets.baseline?.gradient_updates ?? null,
    breakdown: budgets.baseline?.breakdown ?? null,
    updates_per_env_step: r4(plan.updatesPerEnvStep),
    training_scores: baseline.trainingScores.map(r4),
    far_goals: far.length,
    far_mean_score: far.length ? r4(mean(far.map((r) => r.score.baseline))) : null,
    far_mean_regret: far.length ? r4(mean(far.map((r) => r.regret.baseline))) : null,
    far_min_score: far.length ? r4(Math.min(...far.map((r) => r.score.baseline))) : null,
    curve: evaluation.summary.curve.map((c) => ({
      distance_deg: c.distance_deg,
      count: c.count,
      mean_score: r4(c.mean_score.baseline),
      min_score: r4(c.min_score.baseline),
      mean_regret: r4(c.mean_regret.baseline),
    })),
    train_ms: Math.round(trainMs),
  };
}

/** Every scale in turn (same seed, tasks, test goals and context), with the hereditary agent's planned steps. */
export async function baselineScaling(
  config: ExperimentConfig,
  scales: readonly number[],
  hooks: StageHooks = {},
) {
  const results = [];
  for (const k of scales) results.push(await baselineAtScale(config, k, hooks));
  return {
    what: `the baseline on training tasks ${resolvedTrainingAngles(config)
      .map((a) => radToDeg(a).toFixed(0))
      .join(', ')}° at k× its matched budget; far = at least ${FAR_FROM_DEG}° from every training task`,
    seed: config.seed,
    budget: config.budget,
    test_goals: config.testGoals,
    hereditary_training_env_steps: plannedHereditaryTrainingSteps(config).total,
    scales: results,
  };
}
