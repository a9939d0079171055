// The stage table: every stage the compute worker runs, with its config and result payload types.
import type { EnvConfig } from '../core/env';
import type { ExperimentConfig } from '../core/experimentConfig';
import type { TaskFamily } from '../core/families';
import type {
  BaselineArtifact,
  BasePolicyArtifact,
  EvaluationArtifact,
  HereditaryArtifact,
  RewardSymmetryArtifact,
} from '../core/pipeline/artifacts';
import type { BackendName, BackendReport, StageWorkload } from './backend';

/** Reference policies the worker can roll out today (scoring only; they read the goal). */
export type ReferencePolicyName = 'oracle' | 'random';

export interface RolloutStageConfig {
  family: TaskFamily;
  /** Test goal angle φ in radians on the family's curve. */
  angle: number;
  env: EnvConfig;
  policy: ReferencePolicyName;
  episodes: number;
  seed: number;
}

export interface RolloutStagePayload {
  policy: ReferencePolicyName;
  angle: number;
  goal: [number, number];
  returns: number[];
  meanReturn: number;
  successRate: number;
  meanLength: number;
  /** The first episode's visited states (x0, y0, x1, y1, …), for drawing. */
  path: number[];
}

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

/** The live pipeline's stages in order (each one a job; completed ones are the page's checkpoints). */
export const LIVE_STAGES = [
  'train-base',
  'reward-symmetry',
  'hereditary',
  'train-baseline',
  'evaluate',
] as const;
export type LiveStageName = (typeof LIVE_STAGES)[number];

/**
 * Stage name → {config, payload}. Pipeline stages (train-base, exploration, discovery, hereditary,
 * baseline, evaluation) plug in here with the config/payload types of src/core/pipeline.ts, plus a
 * handler in src/workers/stageHandlers.ts and a workload in STAGE_WORKLOAD below.
 */
export interface StageSpecs {
  rollout: { config: RolloutStageConfig; payload: RolloutStagePayload };
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
}

export type StageName = keyof StageSpecs;
export type StageConfig<S extends StageName> = StageSpecs[S]['config'];
export type StagePayload<S extends StageName> = StageSpecs[S]['payload'];

/** Which calibrated backend a stage runs on ('none' = plain JS, runs at once, never queued behind tfjs). */
export const STAGE_WORKLOAD: { readonly [S in StageName]: StageWorkload } = {
  rollout: 'none',
  calibrate: 'none',
  'train-base': 'rl',
  'reward-symmetry': 'bulk',
  'train-baseline': 'rl',
  // Plain JS, but long: queued behind tfjs work so live stages run strictly one after another.
  hereditary: 'bulk',
  evaluate: 'bulk',
};

/** Stages that check their cancel flag while running; the others can only be stopped by ending the worker. */
export const COOPERATIVE_STAGES: ReadonlySet<StageName> = new Set<StageName>([
  'train-base',
  'train-baseline',
  'rollout',
  'calibrate',
]);
