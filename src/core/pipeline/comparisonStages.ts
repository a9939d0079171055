// Extra comparisons of the CLI run: the baseline's dense control, and the hereditary agent under the other action set.
import { type ExperimentConfig, resolvedTestExtent, resolvedTrainingAngles } from '../experimentConfig';
import type {
  BaselineControlArtifact,
  BasePolicyArtifact,
  HereditaryArtifact,
  OtherConstraintArtifact,
  PipelineStage,
  StageHooks,
} from './artifacts';
import { evaluationOrbit } from './evaluationOrbit';
import { plannedHereditaryTrainingSteps } from './matchedBudget';
import {
  baselineAgentFactory,
  baselineStage,
  evaluateStage,
  hereditaryAgentFactory,
  scoresHereditaryAgent,
} from './stages';

/** Training tasks of the dense control (ALGORITHM.md §9), evenly spread round the family, the base included. */
export const CONTROL_TASKS = 12;

const relabel = (hooks: StageHooks, stage: PipelineStage): StageHooks => ({
  onProgress: (p) => hooks.onProgress?.({ ...p, stage }),
  shouldStop: hooks.shouldStop,
});

/**
 * The configuration of the dense control: the same run with 12 training tasks spread from the same base angle (on a
 * line: the base offset, then 11 offsets spread evenly over the test range [−L, L]).
 */
export function controlConfig(config: ExperimentConfig): ExperimentConfig {
  const base = resolvedTrainingAngles(config)[0];
  const extent = resolvedTestExtent(config);
  if (extent !== undefined) {
    const n = CONTROL_TASKS - 1;
    const spread = Array.from({ length: n }, (_, i) => -extent + (2 * extent * i) / (n - 1));
    return { ...config, testExtent: extent, training: { kind: 'offsets', offsets: [base, ...spread] } };
  }
  return { ...config, training: { kind: 'spread', baseAngle: base, count: CONTROL_TASKS - 1 } };
}

/**
 * The baseline trained on 12 spread tasks (same family, seed and matched-budget rule: matched to THIS run's
 * hereditary agent), scored at the main run's test goals with the main evaluation, distances measured to the
 * main training set, so its curve overlays the main one.
 */
export async function baselineControlStage(
  config: ExperimentConfig,
  hooks: StageHooks = {},
): Promise<BaselineControlArtifact> {
  const dense = controlConfig(config);
  const h = relabel(hooks, 'baselineControl');
  const trained = await baselineStage(dense, h, plannedHereditaryTrainingSteps(config).total);
  const evaluation = await evaluateStage(config, { baseline: baselineAgentFactory(dense, trained) }, h);
  return {
    trainAngles: resolvedTrainingAngles(dense),
    trainingScores: trained.trainingScores,
    envSteps: trained.envSteps,
    updates: trained.updates,
    encoderSteps: trained.encoderSteps ?? 0,
    evaluation,
  };
}

/**
 * The hereditary agent scored under the other action constraint, evaluation only: the same base policy (trained
 * under `config.actionConstraint`), generator and reward model; the references are the other constraint's own.
 * Null when the main evaluation scores no hereditary agent (scoresHereditaryAgent).
 */
export async function otherConstraintStage(
  config: ExperimentConfig,
  trained: { base: BasePolicyArtifact; hereditary: HereditaryArtifact },
  hooks: StageHooks = {},
): Promise<OtherConstraintArtifact | null> {
  if (!scoresHereditaryAgent(trained.hereditary, config)) return null;
  const constraint = config.actionConstraint === 'disk' ? 'box' : 'disk';
  const other: ExperimentConfig = { ...config, actionConstraint: constraint };
  const agent = hereditaryAgentFactory(other, trained.base, trained.hereditary);
  const evaluation = await evaluateStage(
    other,
    { hereditary: agent },
    relabel(hooks, 'otherConstraint'),
    trained.hereditary.result.generator,
    evaluationOrbit(other, trained.hereditary.result),
  );
  return { constraint, basePolicyTrainedUnder: config.actionConstraint, evaluation };
}
