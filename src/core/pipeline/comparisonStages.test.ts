// The dense control's tasks, and the report sections of the control and of the other action constraint.
import { describe, expect, it } from 'vitest';
import { degToRad, radToDeg, wrapAngle } from '../angles';
import type { GoalEvaluation } from '../evaluation';
import { summariseEvaluation } from '../evaluationSummary';
import { DEFAULT_CONFIG, type ExperimentConfig, resolvedTrainingAngles } from '../experimentConfig';
import { comparisonSections } from './budgetReport';
import { CONTROL_TASKS, controlConfig } from './comparisonStages';

const row = (angle: number, score: number): GoalEvaluation => ({
  goal: [Math.cos(degToRad(angle)), Math.sin(degToRad(angle))],
  angle_deg: angle,
  distance_to_training_deg: angle,
  return: { oracle: -5, random: -100 },
  score: { hereditary: score, baseline: score },
  regret: { hereditary: (1 - score) * 95, baseline: (1 - score) * 95 },
});

describe('comparison sections', () => {
  it('the dense control spreads 12 tasks from the main run’s base angle, keeping everything else', () => {
    const config: ExperimentConfig = {
      ...DEFAULT_CONFIG,
      training: { kind: 'angles', angles: [0.3, 0.9, 1.5] },
      seed: 9,
    };
    const dense = controlConfig(config);
    const angles = resolvedTrainingAngles(dense);
    expect(angles).toHaveLength(CONTROL_TASKS);
    expect(angles[0]).toBeCloseTo(0.3, 12);
    for (let i = 1; i < angles.length; i++)
      expect(radToDeg(wrapAngle(angles[i] - angles[i - 1] + 2 * Math.PI))).toBeCloseTo(30, 9);
    expect({ ...dense, training: null }).toEqual({ ...config, training: null });
  });

  it('reports the control with the main summary’s shape and the other constraint’s per-goal scores', () => {
    const rows = [row(0, 0.99), row(90, 0.5), row(170, 0.2)];
    const evaluation = { rows, summary: summariseEvaluation(rows) };
    const sections = comparisonSections({
      config: DEFAULT_CONFIG,
      evaluation,
      baselineControl: {
        trainAngles: [0, 1],
        trainingScores: [0.97, 0.99],
        envSteps: { encoderData: 100, policy: 200 },
        updates: 50,
        encoderSteps: 10,
        evaluation,
      },
      hereditaryOtherConstraint: { constraint: 'box', basePolicyTrainedUnder: 'disk', evaluation },
    });
    expect(sections.baseline_control).toEqual(evaluation.summary);
    expect(Object.keys(sections.baseline_control ?? {}).sort()).toEqual(
      Object.keys(evaluation.summary).sort(),
    );
    expect(sections.budgets.baseline_control?.env_steps).toBe(300 + 3 * DEFAULT_CONFIG.context);
    expect(sections.hereditary_other_constraint?.min_score).toBe(0.2);
    expect(sections.hereditary_other_constraint?.mean_score).toBeCloseTo(0.5633, 4);
    expect(sections.hereditary_other_constraint?.per_goal).toHaveLength(3);
    // Absent in older artifacts: the sections are null, never an error.
    const old = comparisonSections({ config: DEFAULT_CONFIG });
    expect(old.baseline_control).toBeNull();
    expect(old.hereditary_other_constraint).toBeNull();
    expect(old.budgets.hereditary).toBeNull();
  });
});
