// The base policy's training options and SAC budgets (quick, full), apart from the trainer so the page can read them without tfjs.
import type { MlpWeights } from './mlp';
import type { SacLosses } from './sac';
import type { SacImpl } from './sacTrainer';

export interface BaseTrainProgress {
  update: number;
  total: number;
  /** Mean return of the last 10 training episodes (uniform starts, so not comparable to the score). */
  recentReturn: number;
  losses: SacLosses;
  /** Normalised score of the deterministic actor with the paper's reset, when evaluated at this update. */
  evalScore?: number;
}

export interface BaseTrainOptions {
  /** Total gradient updates. */
  updates: number;
  seed: number;
  batchSize?: number;
  hidden?: number;
  lr?: number;
  /** Random-action environment steps before the first update. */
  warmupSteps?: number;
  /** Gradient updates per environment step after warm-up. */
  updatesPerStep?: number;
  replayCapacity?: number;
  /** Evaluate the deterministic actor every this many updates (0: only at the end). */
  evalEvery?: number;
  evalEpisodes?: number;
  /** Losses are read back (one sync) every this many updates. */
  progressEvery?: number;
  /** SAC implementation: the fused Float32 step (default) or the tfjs reference. */
  sacImpl?: SacImpl;
  onProgress?(p: BaseTrainProgress): void;
  /** The deterministic actor every `snapshotEvery` updates (and after the last), for a live view of learning. */
  onSnapshot?(actor: MlpWeights, update: number): void;
  snapshotEvery?: number;
  shouldStop?(): boolean;
}

export type BaseTrainPreset = Omit<BaseTrainOptions, 'seed' | 'onProgress' | 'shouldStop' | 'onSnapshot'>;

/**
 * Smallest budget that reliably reaches score ≥ 0.9 on the base task (paper reset, 8 episodes):
 * batch 256 costs about the same per update as 128 on wasm and learns faster; over seeds 1–5 the
 * score was ≥ 0.95 at 2k updates and ≥ 0.988 at 2.5k (trainBase.test checks seed 1).
 */
export const SAC_QUICK: BaseTrainPreset = {
  updates: 2500,
  batchSize: 256,
  hidden: 64,
  lr: 1e-3,
  warmupSteps: 1000,
  updatesPerStep: 1,
  evalEvery: 500,
};

export const SAC_FULL: BaseTrainPreset = { ...SAC_QUICK, updates: 20000, evalEvery: 2000 };
