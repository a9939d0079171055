// The matched-budget rule (ALGORITHM.md §9): the baseline gets at least the hereditary agent's environment steps.

import {
  type BaselinePreset,
  encoderStepsFor,
  policyEnvStepsFor,
  policyUpdatesFor,
} from '../baseline/baselinePresets';
import { INFONCE_DEFAULTS } from '../baseline/infoNceDefaults';
import { type ExperimentConfig, resolvedTrainingAngles } from '../experimentConfig';
import { STAGE_BUDGETS } from './budgets';

/**
 * The hereditary agent's training environment steps under a config, planned from the stage budgets: base SAC
 * (warm-up + one step per `updatesPerStep` updates) and the discovery exploration of every training task. The
 * page trains the baseline beside the hereditary chain, so its budget must be fixed before that chain has run;
 * the report then compares the counts actually stepped (src/core/pipeline/budgetReport.ts, and a test checks
 * that the plan equals them). The test-time context is the same K transitions per goal for both agents, so it
 * is left out of the rule and added to both totals in the report.
 */
export function plannedHereditaryTrainingSteps(config: ExperimentConfig): {
  baseSac: number;
  exploration: number;
  total: number;
} {
  const budget = STAGE_BUDGETS[config.budget];
  const sac = budget.sac;
  const baseSac = (sac.warmupSteps ?? 1000) + Math.ceil(sac.updates / (sac.updatesPerStep ?? 1));
  const exploration = budget.explorationTransitions * resolvedTrainingAngles(config).length;
  return { baseSac, exploration, total: baseSac + exploration };
}

export interface MatchedBaselineBudget {
  /** The preset the baseline trains with (absolute counts: no growth rule left). */
  preset: BaselinePreset;
  /** Planned training env steps: the encoder's context pools and the SAC steps (warm-up included). */
  plannedEnvSteps: { encoderData: number; policy: number; total: number };
  /** What the rule matched against: the hereditary agent's planned training steps. */
  hereditaryTrainingSteps: number;
  scale: number;
  /** SAC updates per environment step after warm-up. */
  updatesPerEnvStep: number;
}

/**
 * The baseline's budget for `tasks` training tasks: at scale 1 its SAC steps are raised (updates unchanged,
 * spread over them) until its encoder data plus SAC steps reach the hereditary agent's training steps; it never
 * gets less than its preset. `config.baselineBudgetScale = k` multiplies every part of that matched budget: the
 * encoder's data and steps, the SAC steps and the SAC updates (the warm-up stays).
 */
export function matchedBaselineBudget(
  config: ExperimentConfig,
  tasks: number,
  hereditaryTrainingSteps = plannedHereditaryTrainingSteps(config).total,
): MatchedBaselineBudget {
  const base = STAGE_BUDGETS[config.budget].baseline;
  const k = config.baselineBudgetScale;
  const runLength = config.context;
  const poolRuns = base.encoder?.poolRuns ?? INFONCE_DEFAULTS.poolRuns;
  const warmup = base.warmupSteps ?? 1000;
  const encoderData = tasks * poolRuns * runLength;
  const presetPolicySteps = policyEnvStepsFor(base, tasks);
  const matchedPolicySteps = Math.max(presetPolicySteps, hereditaryTrainingSteps - encoderData);
  const updates = Math.max(1, Math.round(k * policyUpdatesFor(base, tasks)));
  const scaledPoolRuns = Math.max(1, Math.round(k * poolRuns));
  const policy = Math.max(warmup + updates - 1, Math.round(k * matchedPolicySteps));
  const preset: BaselinePreset = {
    ...base,
    updates,
    encoderSteps: Math.max(1, Math.round(k * encoderStepsFor(base, tasks))),
    growth: undefined,
    policyEnvSteps: policy,
    contextK: runLength,
    encoder: { ...base.encoder, poolRuns: scaledPoolRuns },
  };
  const data = tasks * scaledPoolRuns * runLength;
  return {
    preset,
    plannedEnvSteps: { encoderData: data, policy, total: data + policy },
    hereditaryTrainingSteps,
    scale: k,
    updatesPerEnvStep: updates / Math.max(1, policy - (warmup - 1)),
  };
}
