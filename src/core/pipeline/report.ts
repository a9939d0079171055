// The experiment report (the CLI's JSON): resolved config, timings, base policy, generators, race, evaluation, truth.

import { radToDeg } from '../angles';
import {
  baseTrainingStartHalfWidth,
  type ExperimentConfig,
  resolvedTestExtent,
  resolvedTrainingAngles,
} from '../experimentConfig';
import { describeFamily, familyUnit, isPeriodicFamily, parameterInFamilyUnits } from '../families';
import type { HereditaryResult } from '../hereditary';
import { compactness, type Generator, generatorAngleError } from '../lie';
import type { PipelineArtifacts } from './artifacts';
import { comparisonSections } from './budgetReport';
import { evaluationOrbit } from './evaluationOrbit';
import { discoveryRaceReport } from './raceReport';
import type { ReportOptions } from './reportOptions';
import { familyTruth } from './truth';
import { frobeniusErrors } from './truthErrors';

export type Matrix3 = [number[], number[], number[]];

export const asMatrix = (g: Generator): Matrix3 => [g.slice(0, 3), g.slice(3, 6), g.slice(6, 9)] as Matrix3;
const round = (x: number, digits = 6) => +x.toFixed(digits);
const matrixOrNull = (g: Generator | null) => (g ? asMatrix(g.map((v) => round(v))) : null);

/**
 * The config as run: the family's unit ('deg' or 'arena'), the training tasks as angles in degrees (periodic
 * families; null for a line) or offsets (a line; null otherwise), a line's test extent, and the base policy's start
 * square.
 */
export function resolvedConfigJson(config: ExperimentConfig) {
  const params = resolvedTrainingAngles(config);
  const periodic = isPeriodicFamily(config.family);
  return {
    ...config,
    family_description: describeFamily(config.family),
    family_unit: familyUnit(config.family),
    train_angles_deg: periodic ? params.map((a) => round(radToDeg(a), 4)) : null,
    // A points family's goals are config.family.goals; its parameters are on the orbit found (evaluation_orbit).
    train_offsets: periodic || config.family.kind === 'points' ? null : params.map((t) => round(t, 6)),
    test_extent: resolvedTestExtent(config) ?? null,
    base_training_start_half_width: baseTrainingStartHalfWidth(config),
  };
}

/** The calibrated verdict (verdict.ts) as reported; null for results without one (older files). */
function verdictJson(her: HereditaryResult | undefined) {
  const v = her?.verdict;
  if (!v) return null;
  const r = (x: number) => (Number.isFinite(x) ? round(x, 4) : null);
  return {
    hereditary: v.hereditary,
    compact: v.compact,
    statistic: r(v.statistic),
    threshold: v.threshold,
    reason: v.reason,
    worst_task_ratio: r(v.observed),
    noise_floor: r(v.floor),
    noise_floor_replicates: v.replicates.map(r),
    task_ratios: v.taskRatios.map(r),
    ...(v.note ? { note: v.note } : {}),
    // The earlier statistic beside it (hereditary_residual, hereditary_threshold): shown, no longer deciding.
    earlier: {
      statistic: her && Number.isFinite(her.relativeResidual) ? round(her.relativeResidual, 4) : null,
      threshold: her?.threshold ?? null,
      would_accept: her ? her.relativeResidual <= her.threshold : null,
    },
  };
}

/** Where the test goals lay: for a points family the orbit discovery found (or the polyline when refused). */
function evaluationOrbitJson(config: ExperimentConfig, her: HereditaryResult | undefined) {
  if (config.family.kind !== 'points') return null;
  const o = evaluationOrbit(config, her);
  return {
    source: o.source,
    description: o.description,
    unit: o.unit,
    family: o.source === 'polyline' ? null : o.family,
    train_parameters: o.trainParameters.map((t) => round(parameterInFamilyUnits(o.family, t), 6)),
    test_goals: o.testParameters.length,
    test_goals_outside_arena: o.outsideArena,
    test_extent: o.testExtent ?? null,
  };
}

export function buildReport(
  artifacts: Partial<PipelineArtifacts> & { config: ExperimentConfig },
  extra: { backend: string; timings_ms: Record<string, number>; options?: ReportOptions },
) {
  const { config } = artifacts;
  const angles = resolvedTrainingAngles(config);
  const truth = familyTruth(config.family, angles[0]);
  const rs = artifacts.rewardSymmetry;
  const her = artifacts.hereditary?.result;
  const errorDeg = (g: Generator | null | undefined, t: Generator | null) =>
    g && t ? round(radToDeg(generatorAngleError(g, t)), 4) : null;
  const orbit = evaluationOrbitJson(config, her);
  return {
    config: { ...resolvedConfigJson(config), ...(orbit ? { family_unit: orbit.unit } : {}) },
    backend: extra.backend,
    report_options: extra.options ?? null,
    timings_ms: Object.fromEntries(Object.entries(extra.timings_ms).map(([k, v]) => [k, Math.round(v)])),
    base_policy: artifacts.base
      ? {
          score: round(artifacts.base.score, 4),
          updates: artifacts.base.updates,
          ms_per_update: round(artifacts.base.msPerUpdate, 3),
          curve: artifacts.base.curve,
        }
      : null,
    generators: {
      reward_symmetry: rs
        ? {
            closed_form: matrixOrNull(rs.closedForm.generator),
            differential: matrixOrNull(rs.differential),
            functional: matrixOrNull(rs.functional),
            symmetry_count: rs.closedForm.symmetryCount,
            eigenvalues: rs.closedForm.eigenvalues,
          }
        : null,
      hereditary: her ? matrixOrNull(her.generator) : null,
      hereditary_residual: her
        ? Number.isFinite(her.relativeResidual)
          ? round(her.relativeResidual, 4)
          : null
        : null,
      hereditary_threshold: her?.threshold ?? null,
      compact: her?.compact ?? null,
      /** The compactness check's two numbers (tr B / ‖B‖ ≤ tol and ‖B‖ / ‖X‖ ≥ MIN_COMPACT_LINEAR_FRACTION). */
      compactness: her
        ? {
            trace_ratio: round(compactness(her.generator).traceRatio, 6),
            linear_fraction: round(compactness(her.generator).linearFraction, 6),
          }
        : null,
      is_hereditary: her?.isHereditary ?? null,
      // The calibrated verdict (verdict.ts): the worst task's misfit over its own noise floor against a threshold.
      // Absent for results without one (files written before it), so their reports are unchanged.
      ...(her?.verdict ? { verdict: verdictJson(her) } : {}),
      ambiguous: her?.ambiguous ?? null,
      reason: her?.reason ?? null,
      per_task_loss: her?.perTaskLoss ?? null,
      joint_loss: her?.jointLoss ?? null,
      // θ_i in degrees for a compact generator; task_thetas in the generator's unit (the flow's own when not compact).
      task_thetas_deg: her?.compact ? her.thetas.map((t) => round(radToDeg(t), 4)) : null,
      task_thetas: her ? her.thetas.map((t) => round(her.compact ? radToDeg(t) : t, 6)) : null,
      dropped_points: her?.droppedPoints ?? null,
      timings_ms: her?.timingsMs ?? null,
    },
    discovery_race: discoveryRaceReport(rs),
    // A points family only: where its test goals lay (the orbit found, or the polyline when refused).
    ...(orbit ? { evaluation_orbit: orbit } : {}),
    evaluation: artifacts.evaluation?.rows ?? null,
    evaluation_summary: artifacts.evaluation?.summary ?? null,
    ...comparisonSections(artifacts),
    truth: {
      note: `ground truth, used only to score: ${truth.note}`,
      reward_symmetry: matrixOrNull(truth.rewardSymmetry),
      hereditary: matrixOrNull(truth.hereditary),
      errors_deg: {
        reward_symmetry_closed_form: errorDeg(rs?.closedForm.generator, truth.rewardSymmetry),
        reward_symmetry_differential: errorDeg(rs?.differential, truth.rewardSymmetry),
        reward_symmetry_functional: errorDeg(rs?.functional, truth.rewardSymmetry),
        hereditary: errorDeg(her?.generator, truth.hereditary),
      },
      ...frobeniusErrors({
        reward_symmetry_closed_form: [rs?.closedForm.generator, truth.rewardSymmetry],
        reward_symmetry_differential: [rs?.differential, truth.rewardSymmetry],
        reward_symmetry_functional: [rs?.functional, truth.rewardSymmetry],
        hereditary: [her?.generator, truth.hereditary],
      }),
    },
  };
}

export type ExperimentReport = ReturnType<typeof buildReport>;
