// The resolved experiment configuration shared by the CLI and the browser (one source of defaults).
import { type ActionConstraint, DEFAULT_ENV, type EnvConfig } from './env';
import { PAPER_TRAIN_ANGLES, type TaskFamily, type TrainingSpec, trainingAngles } from './families';

/** 'smoke' = a tiny budget for end-to-end tests of the live pipeline only (its numbers are not results). */
export type Budget = 'quick' | 'full' | 'smoke';
export type TensorBackend = 'wasm' | 'cpu';

export interface ExperimentConfig {
  family: TaskFamily;
  /** Training tasks, base first (radians). */
  training: TrainingSpec;
  actionConstraint: ActionConstraint;
  /** Context transitions K given to both agents at test time. */
  context: number;
  /** Evenly spread test goals M. */
  testGoals: number;
  /** Episodes E per goal in evaluation. */
  episodes: number;
  seed: number;
  budget: Budget;
  backend: TensorBackend;
  /** Seeds in the differential-vs-functional race. */
  raceSeeds: number;
  /**
   * The baseline's budget relative to the matched one (1 = at least the hereditary agent's total environment
   * steps); `--baseline-budget-scale k` multiplies it.
   */
  baselineBudgetScale: number;
}

export const DEFAULT_CONFIG: ExperimentConfig = {
  family: { kind: 'circle', center: [0, 0], radius: 1 },
  training: { kind: 'angles', angles: PAPER_TRAIN_ANGLES },
  actionConstraint: 'disk',
  context: 16,
  testGoals: 72,
  episodes: 8,
  seed: 0,
  budget: 'quick',
  backend: 'wasm',
  raceSeeds: 10,
  baselineBudgetScale: 1,
};

export const envFor = (config: ExperimentConfig): EnvConfig => ({
  ...DEFAULT_ENV,
  constraint: config.actionConstraint,
});

export const resolvedTrainingAngles = (config: ExperimentConfig): number[] => trainingAngles(config.training);
