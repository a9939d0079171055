// Serialisable results of each pipeline stage: what workers post, the CLI reports and public/ ships.

import type { SerializedBaseline } from '../baseline/baselineModel';
import type { EvaluationSummary, GoalEvaluation } from '../evaluation';
import type { ExperimentConfig } from '../experimentConfig';
import type { BaseRewardModelJson, HereditaryResult } from '../hereditary';
import type { Generator } from '../lie';
import type { SerializedMlp } from '../sac/mlp';
import type { BaseCurvePoint } from '../sac/trainBase';
import type { RaceResult } from '../symmetry/raceTypes';

export type PipelineStage = 'base' | 'explore' | 'rewardSymmetry' | 'hereditary' | 'baseline' | 'evaluate';

export interface StageProgress {
  stage: PipelineStage;
  step: number;
  total: number;
  message?: string;
  loss?: number;
}

export interface StageHooks {
  onProgress?: (p: StageProgress) => void;
  shouldStop?: () => boolean;
}

export class StageCancelled extends Error {
  constructor(stage: PipelineStage) {
    super(`${stage}: cancelled`);
  }
}

export interface BasePolicyArtifact {
  actor: SerializedMlp;
  curve: BaseCurvePoint[];
  score: number;
  updates: number;
  msPerUpdate: number;
}

/** A thinned set of base-task kernel frames for drawing: anchors and unit normals. */
export interface FramePreview {
  anchors: number[];
  normals: number[];
  estimator: string;
  radius: number;
  covered: number;
}

export interface RewardSymmetryArtifact {
  closedForm: { generator: Generator; eigenvalues: number[]; symmetryCount: number };
  /** Final generator of the first seed of each side of the race. */
  differential: Generator | null;
  functional: Generator | null;
  race: RaceResult;
  frames: FramePreview;
}

export interface HereditaryArtifact {
  result: HereditaryResult;
  baseRewardModel: BaseRewardModelJson;
}

export interface BaselineArtifact {
  model: SerializedBaseline;
  encoderCurve: { step: number; loss: number }[];
  curve: { update: number; meanReturn: number; score?: number }[];
  /** Mean normalised score at its own training tasks (the control: should be ≥ 0.9). */
  trainingScores: number[];
  envSteps: { encoderData: number; policy: number };
  updates: number;
  msPerUpdate: number;
}

export interface EvaluationArtifact {
  rows: GoalEvaluation[];
  summary: EvaluationSummary;
}

/** Everything the app needs for a complete first screen. */
export interface PipelineArtifacts {
  config: ExperimentConfig;
  trainAngles: number[];
  base: BasePolicyArtifact;
  rewardSymmetry: RewardSymmetryArtifact;
  hereditary: HereditaryArtifact;
  baseline: BaselineArtifact | null;
  evaluation: EvaluationArtifact | null;
}
