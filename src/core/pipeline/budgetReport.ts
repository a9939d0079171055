// Report sections for a fair comparison: matched budgets (counted), the dense control, the other action constraint.
import { radToDeg } from '../angles';
import type { ExperimentConfig } from '../experimentConfig';
import type { PipelineArtifacts } from './artifacts';
import { plannedHereditaryTrainingSteps } from './matchedBudget';

type Artifacts = Partial<PipelineArtifacts> & { config: ExperimentConfig };

export const BUDGET_RULE =
  'Counted from start to finish. Hereditary: base SAC env steps (warm-up included) + discovery exploration samples ' +
  'of every training task + the test-time context (K per goal). Baseline: its SAC env steps (warm-up included) + ' +
  'its encoder’s context pools + the same test-time context. Gradient updates: SAC updates, plus the ' +
  'Levenberg–Marquardt iterations of discovery (hereditary) or the InfoNCE steps of the encoder (baseline). The ' +
  'baseline’s training env steps are raised to at least the hereditary agent’s (SAC steps added, its updates ' +
  'spread over them), then every part is multiplied by --baseline-budget-scale. Evaluation episodes, the base ' +
  'policy’s score checks and the reward-symmetry race (an illustration the agent does not use) are not counted. ' +
  'sac_updates_per_env_step divides by every SAC step, warm-up included.';

/** The same K context transitions per evaluated goal reach both agents. */
const contextSteps = (a: Artifacts) => (a.evaluation?.rows.length ?? 0) * a.config.context;

function hereditaryBudget(a: Artifacts) {
  if (!a.base || !a.hereditary) return null;
  const perTask = a.hereditary.explorationSamples ?? null;
  const baseSac = a.base.envSteps ?? null;
  const exploration = perTask ? perTask.reduce((s, n) => s + n, 0) : null;
  const context = contextSteps(a);
  const lm = a.hereditary.result.lmIterations ?? 0;
  return {
    env_steps: baseSac !== null && exploration !== null ? baseSac + exploration + context : null,
    gradient_updates: a.base.updates + lm,
    breakdown: {
      base_sac_env_steps: baseSac,
      base_sac_updates: a.base.updates,
      exploration_samples: exploration,
      exploration_samples_per_task: perTask,
      discovery_lm_iterations: a.hereditary.result.lmIterations ?? null,
      test_context_steps: context,
    },
  };
}

/** What a trained baseline (or the control) records about its own training. */
type BaselineCounts = {
  envSteps: { encoderData: number; policy: number };
  updates: number;
  encoderSteps?: number;
};

function baselineBudget(b: BaselineCounts | null | undefined, context: number) {
  if (!b) return null;
  const policy = b.envSteps.policy;
  const encoderSteps = b.encoderSteps ?? null;
  return {
    env_steps: b.envSteps.encoderData + policy + context,
    gradient_updates: b.updates + (encoderSteps ?? 0),
    breakdown: {
      sac_env_steps: policy,
      sac_updates: b.updates,
      encoder_data: b.envSteps.encoderData,
      encoder_steps: encoderSteps,
      test_context_steps: context,
      sac_updates_per_env_step: +(b.updates / Math.max(1, policy)).toFixed(4),
    },
  };
}

/** `budgets`: each agent's env steps and gradient updates as stepped, and whether the rule held. */
export function budgetsReport(a: Artifacts) {
  const hereditary = hereditaryBudget(a);
  const baseline = baselineBudget(a.baseline, contextSteps(a));
  const control = baselineBudget(a.baselineControl, contextSteps(a));
  const ratio = (b: typeof baseline) =>
    b && hereditary?.env_steps ? +(b.env_steps / hereditary.env_steps).toFixed(4) : null;
  return {
    rule: BUDGET_RULE,
    baseline_budget_scale: a.config.baselineBudgetScale,
    planned_hereditary_training_env_steps: plannedHereditaryTrainingSteps(a.config).total,
    hereditary,
    baseline,
    baseline_over_hereditary_env_steps: ratio(baseline),
    /** The baseline must solve its own training tasks (≥ 0.9) for the comparison to be fair. */
    baseline_training_scores: a.baseline ? a.baseline.trainingScores.map((x) => +x.toFixed(4)) : null,
    baseline_at_least_hereditary:
      baseline && hereditary?.env_steps != null ? baseline.env_steps >= hereditary.env_steps : null,
    baseline_control: control,
    baseline_control_over_hereditary_env_steps: ratio(control),
  };
}

/** `baseline_control_setup`: what the control was trained on and how it did there (its summary is `baseline_control`). */
function controlSetup(a: Artifacts) {
  const c = a.baselineControl;
  if (!c) return null;
  const periodic = a.config.family.kind !== 'line';
  return {
    // Angles for a periodic family, offsets (arena units) for a line.
    train_angles_deg: periodic ? c.trainAngles.map((t) => +radToDeg(t).toFixed(4)) : null,
    train_offsets: periodic ? null : c.trainAngles.map((t) => +t.toFixed(6)),
    training_scores: c.trainingScores.map((s) => +s.toFixed(4)),
    distance_measured_to: 'the main run’s training tasks (so the curve overlays evaluation_summary)',
    agent_key: 'baseline',
  };
}

/** `hereditary_other_constraint`: per-goal scores under the other action set, evaluation only. */
function otherConstraint(a: Artifacts) {
  const o = a.hereditaryOtherConstraint;
  if (!o) return null;
  const scores = o.evaluation.rows.map((r) => r.score.hereditary);
  return {
    constraint: o.constraint,
    base_policy_trained_under: o.basePolicyTrainedUnder,
    note: `evaluation only: the base policy, generator and reward model trained under ${o.basePolicyTrainedUnder}, scored against the ${o.constraint} references`,
    min_score: +Math.min(...scores).toFixed(4),
    mean_score: +(scores.reduce((s, x) => s + x, 0) / Math.max(1, scores.length)).toFixed(4),
    per_goal: o.evaluation.rows.map((r) => ({
      angle_deg: Number.isFinite(r.angle_deg) ? +r.angle_deg.toFixed(4) : null,
      parameter: +(r.parameter ?? r.angle_deg).toFixed(4),
      score: +r.score.hereditary.toFixed(4),
      regret: +r.regret.hereditary.toFixed(4),
    })),
    summary: o.evaluation.summary,
  };
}

/** Every section above, spread into the report by buildReport. */
export const comparisonSections = (a: Artifacts) => ({
  budgets: budgetsReport(a),
  baseline_control: a.baselineControl?.evaluation.summary ?? null,
  baseline_control_setup: controlSetup(a),
  hereditary_other_constraint: otherConstraint(a),
});
