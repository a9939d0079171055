// The stage table: every stage the compute worker runs, with its config and result payload types.
import type { EnvConfig } from '../core/env';
import type { TaskFamily } from '../core/families';
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

/**
 * Stage name → {config, payload}. Pipeline stages (train-base, exploration, discovery, hereditary,
 * baseline, evaluation) plug in here with the config/payload types of src/core/pipeline.ts, plus a
 * handler in src/workers/stageHandlers.ts and a workload in STAGE_WORKLOAD below.
 */
export interface StageSpecs {
  rollout: { config: RolloutStageConfig; payload: RolloutStagePayload };
  calibrate: { config: CalibrateStageConfig; payload: BackendReport };
}

export type StageName = keyof StageSpecs;
export type StageConfig<S extends StageName> = StageSpecs[S]['config'];
export type StagePayload<S extends StageName> = StageSpecs[S]['payload'];

/** Which calibrated backend a stage runs on ('none' = plain JS, runs at once, never queued behind tfjs). */
export const STAGE_WORKLOAD: { readonly [S in StageName]: StageWorkload } = {
  rollout: 'none',
  calibrate: 'none',
};
