// Serialisable results of each pipeline stage: what workers post, the CLI reports and public/ ships.

import type { SerializedBaseline } from '../baseline/baselineModel';
import type { YieldHook } from '../cooperative';
import type { ActionConstraint } from '../env';
import type { EvaluationSummary, GoalEvaluation } from '../evaluation';
import type { ExperimentConfig } from '../experimentConfig';
import type { BaseRewardModelJson, HereditaryResult } from '../hereditary';
import type { Generator } from '../lie';
import type { SerializedMlp } from '../sac/mlp';
import type { BaseCurvePoint } from '../sac/trainBase';
import type { RaceResult } from '../symmetry/raceTypes';
import type { RaceSettingsArtifact } from './raceSettingResults';

export type PipelineStage =
  | 'base'
  | 'explore'
  | 'rewardSymmetry'
  | 'hereditary'
  | 'baseline'
  | 'evaluate'
  | 'baselineControl'
  | 'otherConstraint';

export interface StageProgress {
  stage: PipelineStage;
  step: number;
  total: number;
  message?: string;
  loss?: number;
}

/** What a stage is learning, drawn live: the race's curves so far, or the base policy so far. */
export type StagePreview = BasePreview | RacePreview | BaselinePreview;

/** The baseline so far (encoder + π(s, z)), every 250 of its policy updates. */
export interface BaselinePreview {
  stage: 'baseline';
  update: number;
  total: number;
  model: SerializedBaseline;
}

/** One point of the live race: a side's median error and loss over its seeds at a step. */
export interface RacePreview {
  stage: 'race';
  setting: string;
  side: 'differential' | 'functional';
  step: number;
  steps: number;
  errorDeg: number;
  loss: number;
  /** The first seed's X_t on this side (six entries): the page draws its field turning into place. */
  generator: number[];
}

/** The base policy so far: its path from the start to its own task, and its weights. */
export interface BasePreview {
  stage: 'base';
  update: number;
  total: number;
  /** Visited states x0, y0, x1, y1, … of one deterministic episode at the base task. */
  path: number[];
  /** The actor (deterministic head) at this update. */
  actor: SerializedMlp;
  /** That episode's return, and whether it reached the goal. */
  episodeReturn: number;
  success: boolean;
}

export interface StageHooks {
  onProgress?: (p: StageProgress) => void;
  /** Snapshots of what is being learned (only stages that have one call it). */
  onPreview?: (p: StagePreview) => void;
  shouldStop?: () => boolean;
  /**
   * Awaited every few milliseconds of the plain-JS stages' work (exploration, the reward's kernel frames, the hereditary
   * fit): a worker passes its gated yield (pause, step, slow motion). Absent, they run straight through. Either way,
   * the same numbers.
   */
  yieldHook?: YieldHook;
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
  /** Environment steps the SAC training took (warm-up included); absent in files written before it was counted. */
  envSteps?: number;
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
  /** The primary race setting's race (the first one run). */
  race: RaceResult;
  /** Which setting `race` is, the other settings run and the lr sweep; absent in files written before them. */
  raceSettings?: RaceSettingsArtifact;
  frames: FramePreview;
}

export interface HereditaryArtifact {
  result: HereditaryResult;
  baseRewardModel: BaseRewardModelJson;
  /** Exploration samples discovery read, per training task (base first); absent in older files. */
  explorationSamples?: number[];
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
  /** InfoNCE steps of the encoder; absent in older files. */
  encoderSteps?: number;
}

/** The baseline's dense control (`--with-control`): trained on tasks spread round the family, scored like the rest. */
export interface BaselineControlArtifact {
  trainAngles: number[];
  trainingScores: number[];
  envSteps: { encoderData: number; policy: number };
  updates: number;
  encoderSteps: number;
  /** The same test goals, seeds and summary as the main evaluation (distance measured to the MAIN training set). */
  evaluation: EvaluationArtifact;
}

/**
 * The hereditary agent scored under the other action constraint, evaluation only: the base policy, generator and
 * reward model are the ones trained under `config.actionConstraint` (exploration data do not depend on it).
 */
export interface OtherConstraintArtifact {
  constraint: ActionConstraint;
  basePolicyTrainedUnder: ActionConstraint;
  evaluation: EvaluationArtifact;
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
  /** Optional: absent unless asked for (`--with-control`), and in older files. */
  baselineControl?: BaselineControlArtifact;
  /** Optional: the CLI's runs add it; older files lack it. */
  hereditaryOtherConstraint?: OtherConstraintArtifact;
}
