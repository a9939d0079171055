// The resolved experiment configuration shared by the CLI and the browser (one source of defaults).
import { type ActionConstraint, DEFAULT_ENV, type EnvConfig } from './env';
import {
  defaultLineTestExtent,
  PAPER_TRAIN_ANGLES,
  type TaskFamily,
  type TrainingSpec,
  trainingAngles,
} from './families';
import type { SacImpl } from './sac/sacTrainer';

/** 'smoke' = a tiny budget for end-to-end tests of the live pipeline only (its numbers are not results). */
export type Budget = 'quick' | 'full' | 'smoke';
export type TensorBackend = 'wasm' | 'cpu';

export interface ExperimentConfig {
  family: TaskFamily;
  /** Training tasks, base first: angles in radians, or a line's offsets in arena units. */
  training: TrainingSpec;
  /**
   * A line's test goals lie at offsets spread evenly over [−testExtent, testExtent] (arena units); absent: the
   * default of defaultLineTestExtent. Ignored by periodic families (their test goals go round the whole orbit).
   */
  testExtent?: number;
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
  /** SAC implementation of the base policy and the baseline: absent = the fused Float32 step; 'tfjs' = the reference. */
  sacImpl?: SacImpl;
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

/** The test extent L of a line family (its own or the default); undefined for periodic families. */
export function resolvedTestExtent(config: ExperimentConfig): number | undefined {
  if (config.family.kind !== 'line') return undefined;
  return config.testExtent ?? defaultLineTestExtent(config.family, resolvedTrainingAngles(config));
}

/** Room kept between the widened start square and the arena's wall. */
const START_WALL_MARGIN = 0.25;
/** Reach added to a line's test range for the reset noise and the context walk around the start. */
const START_REACH_MARGIN = 0.5;

/**
 * Half-width of the square in which the BASE policy's SAC training episodes start (ALGORITHM.md §2: π₀ must be good
 * wherever the group action maps a state). On a periodic family the fixed default (3). On a line the hereditary
 * agent maps the start s₀ ≈ 0 to exp(−θX)s₀ = −θd, up to |θ| ≤ L + |t₀| from the origin (any direction d), so the
 * square is widened to L + |t₀| + 0.5 (at least the default, at most 0.25 inside the wall). Read from the test
 * design (L and the base offset), never from a goal or a generator. The reader's own goals (a points family): the
 * orbit, and so where the group action maps states, is known only after discovery, which runs after the base
 * policy trains, so the square is the widest one (0.25 inside the wall).
 */
export function baseTrainingStartHalfWidth(
  config: ExperimentConfig,
  env: EnvConfig = envFor(config),
): number {
  const fixed = env.trainStartHalfWidth;
  if (config.family.kind === 'points') return Math.max(fixed, env.stateBound - START_WALL_MARGIN);
  const extent = resolvedTestExtent(config);
  if (extent === undefined) return fixed;
  const reach = extent + Math.abs(resolvedTrainingAngles(config)[0]) + START_REACH_MARGIN;
  return Math.min(env.stateBound - START_WALL_MARGIN, Math.max(fixed, reach));
}

/** The environment the base policy trains in: envFor(config) with the start square of baseTrainingStartHalfWidth. */
export const baseTrainingEnv = (config: ExperimentConfig): EnvConfig => {
  const env = envFor(config);
  return { ...env, trainStartHalfWidth: baseTrainingStartHalfWidth(config, env) };
};
