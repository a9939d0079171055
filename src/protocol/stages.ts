// The stage table: every stage the compute worker runs, with its config and result payload types.
import type { Budget, ExperimentConfig } from '../core/experimentConfig';
import type { HereditaryResult } from '../core/hereditary';
import type {
  BaselineArtifact,
  BasePolicyArtifact,
  EvaluationArtifact,
  HereditaryArtifact,
  RewardSymmetryArtifact,
} from '../core/pipeline/artifacts';
import { LIVE_STAGE_ORDER, type LiveStageKey, type UnitCosts } from '../core/pipeline/liveSchedule';
import type { BackendName, BackendReport, StageWorkload } from './backend';

export interface CalibrateStageConfig {
  /** Forced probe order from a `backend=` link override; null = the default order. */
  override: BackendName[] | null;
}

/** A live pipeline stage runs on the whole experiment config (the worker re-derives seeds from it). */
export interface PipelineStageConfig {
  experiment: ExperimentConfig;
}

/** Evaluation needs the trained agents; they travel as their serialisable artifacts. */
export interface EvaluateStageConfig extends PipelineStageConfig {
  base: BasePolicyArtifact;
  hereditary: HereditaryArtifact;
  baseline: BaselineArtifact | null;
}

/** How long a live run of the experiment would take under each budget, at this machine's measured unit costs. */
export interface EstimateStageConfig {
  experiment: ExperimentConfig;
  costs: UnitCosts;
  budgets: Budget[];
}

/** Estimated seconds per stage and in all (the two chains side by side), for one budget. */
export interface DurationEstimatePayload {
  stages: Record<LiveStageKey, number>;
  totalSeconds: number;
}

/** The live pipeline's stages in order (each one a job; completed ones are the page's checkpoints). */
export const LIVE_STAGES = LIVE_STAGE_ORDER;
export type LiveStageName = LiveStageKey;

/**
 * Stage name → {config, payload}. A new stage plugs in here with config/payload types from
 * src/core/pipeline, plus a handler in src/workers/stageHandlers.ts and a workload in STAGE_WORKLOAD below.
 */
export interface StageSpecs {
  calibrate: { config: CalibrateStageConfig; payload: BackendReport };
  /** SAC base policy on the base task. */
  'train-base': { config: PipelineStageConfig; payload: BasePolicyArtifact };
  /** Exploration of every training task (kept in the worker), then the base reward's symmetry and the race. */
  'reward-symmetry': { config: PipelineStageConfig; payload: RewardSymmetryArtifact };
  /** Hereditary geometry from the training tasks' samples (reused or recomputed: they are seeded). */
  hereditary: { config: PipelineStageConfig; payload: HereditaryArtifact };
  /** The smooth-encoding baseline (InfoNCE encoder + SAC on π(s, z)) on the same training tasks. */
  'train-baseline': { config: PipelineStageConfig; payload: BaselineArtifact };
  /** Scores over the test goals with the agents of the earlier stages. */
  evaluate: { config: EvaluateStageConfig; payload: EvaluationArtifact };
  /** Time this machine's unit costs on the chosen backends; the worker also posts them in its backend report. */
  'unit-costs': { config: Record<string, never>; payload: UnitCosts | null };
  /** Plain arithmetic on the budget tables (src/core/pipeline/durationEstimate.ts); instant, never queued. */
  estimate: { config: EstimateStageConfig; payload: Partial<Record<Budget, DurationEstimatePayload>> };
  /**
   * The hereditary fit alone (exploration, then discovery and its verdict) for a training set the reader is editing:
   * about a second, and it needs no policy.
   */
  verdict: { config: PipelineStageConfig; payload: HereditaryResult };
}

export type StageName = keyof StageSpecs;
export type StageConfig<S extends StageName> = StageSpecs[S]['config'];
export type StagePayload<S extends StageName> = StageSpecs[S]['payload'];

/** Which calibrated backend a stage runs on ('none' = plain JS, runs at once, never queued behind tfjs). */
export const STAGE_WORKLOAD: { readonly [S in StageName]: StageWorkload } = {
  calibrate: 'none',
  'train-base': 'rl',
  'reward-symmetry': 'bulk',
  'train-baseline': 'rl',
  // Plain JS, but long: queued behind tfjs work so live stages run strictly one after another.
  hereditary: 'bulk',
  evaluate: 'bulk',
  // Times tfjs itself on the calibrated backends (activating them), so it queues like calibration.
  'unit-costs': 'none',
  estimate: 'none',
  // Plain JS and short: it runs at once, between the steps of whatever trains, so the verdict follows an edit.
  verdict: 'none',
};

/** Stages that check their cancel flag while running; the others can only be stopped by ending the worker. */
export const COOPERATIVE_STAGES: ReadonlySet<StageName> = new Set<StageName>([
  'train-base',
  'train-baseline',
  'calibrate',
]);
