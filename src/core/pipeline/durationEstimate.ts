// How long a live run takes on this machine: each stage's work in measured units × this machine's unit costs.
import { DEFAULT_ENV } from '../env';
import { type Budget, type ExperimentConfig, resolvedTrainingAngles } from '../experimentConfig';
import { STAGE_BUDGETS } from './budgets';
import { LIVE_STAGE_ORDER, type LiveStageKey, scheduleSeconds, type UnitCosts } from './liveSchedule';
import { matchedBaselineBudget } from './matchedBudget';
import { LIVE_RACE } from './raceSettings';

export type { LiveStageKey, UnitCosts } from './liveSchedule';

/** A stage's work in the units whose cost is measured. */
export interface StageWork {
  sacUpdates: number;
  sacActs: number;
  /** tfjs work in tfjs SAC-update equivalents (the first, slow tfjs calls of a stage). */
  tfjsUpdates: number;
  /** Training steps of the baseline's context encoder. */
  encoderSteps: number;
  /** Environment transitions, plus plain-JS work counted in env-step equivalents. */
  envSteps: number;
  raceSteps: number;
}

/*
 * Plain-JS work in env-step equivalents. These ratios (not the speeds) were measured once in Node (tfjs-wasm, the
 * dev VM, the default family): a plain-JS stage's time divided by the env-step time of the same run. The machine's
 * own speed enters through envStepMs.
 */
/** Kernel frames (gradient estimator, spatial grid): 10k samples 31 ms at 0.25 µs per env step. */
const FRAME_STEPS_PER_SAMPLE = 12;
/** One step of a rollout with a policy MLP evaluated in plain JS (the trainers' score checks). */
const POLICY_STEP_EQUIV = 20;
/** The hereditary fit per training task (per-task fits, alignment, joint fit), by budget: 0.55 / 1.1 / 3.3 s for 4 tasks. */
const HEREDITARY_STEPS_PER_TASK: Record<Budget, number> = { smoke: 5e5, quick: 1.4e6, full: 3.1e6 };
/** One test goal × episode of the evaluation: context, θ* search, both agents and both references (0.9–1.1 s for 72 × 8). */
const EVALUATION_STEPS_PER_GOAL_EPISODE = 7000;
/**
 * Where no encoder step was timed (older reports): an InfoNCE step on tfjs costs about this many tfjs SAC updates
 * (quick: 1,500 steps in 0.63× their updates' time).
 */
const ENCODER_STEP_IN_UPDATES = 0.65;
/** The first tfjs calls of a stage are several times slower than the rest (kernels, JIT): about this many updates more. */
const TFJS_WARMUP_UPDATES = 25;
const RACE_WARMUP_STEPS = 10;

const scoreRollouts = (episodes: number, tasks = 1) =>
  tasks * episodes * DEFAULT_ENV.maxSteps * POLICY_STEP_EQUIV;

/** The work of each live stage under `config`, from the same budget tables the stages read. */
export function liveStageWork(config: ExperimentConfig): Record<LiveStageKey, StageWork> {
  const budget = STAGE_BUDGETS[config.budget];
  const tasks = resolvedTrainingAngles(config).length;
  const sac = budget.sac;
  const sacSteps = Math.ceil(sac.updates / (sac.updatesPerStep ?? 1));
  const evals = (sac.evalEvery ? Math.floor(sac.updates / sac.evalEvery) : 0) + 1;
  const matched = matchedBaselineBudget(config, tasks);
  const bl = matched.preset;
  const blWarmup = bl.warmupSteps ?? 1000;
  const exploration = budget.explorationTransitions;
  return {
    'train-base': {
      sacUpdates: sac.updates + TFJS_WARMUP_UPDATES,
      sacActs: sacSteps,
      tfjsUpdates: 0,
      encoderSteps: 0,
      envSteps: (sac.warmupSteps ?? 1000) + sacSteps + evals * scoreRollouts(sac.evalEpisodes ?? 8),
      raceSteps: 0,
    },
    'reward-symmetry': {
      sacUpdates: 0,
      sacActs: 0,
      tfjsUpdates: 0,
      encoderSteps: 0,
      // Exploration of every training task happens here (the hereditary stage reuses it), then the base's frames.
      envSteps: exploration * tasks + FRAME_STEPS_PER_SAMPLE * exploration,
      raceSteps: budget.race.steps * LIVE_RACE.settings.length + RACE_WARMUP_STEPS,
    },
    hereditary: {
      sacUpdates: 0,
      sacActs: 0,
      tfjsUpdates: 0,
      encoderSteps: 0,
      envSteps: HEREDITARY_STEPS_PER_TASK[config.budget] * tasks,
      raceSteps: 0,
    },
    'train-baseline': {
      sacUpdates: bl.updates,
      tfjsUpdates: 2 * TFJS_WARMUP_UPDATES,
      encoderSteps: bl.encoderSteps ?? 0,
      sacActs: Math.max(0, matched.plannedEnvSteps.policy - blWarmup),
      envSteps: matched.plannedEnvSteps.total + scoreRollouts(config.episodes, tasks),
      raceSteps: 0,
    },
    evaluate: {
      sacUpdates: 0,
      sacActs: 0,
      tfjsUpdates: 0,
      encoderSteps: 0,
      envSteps: config.testGoals * config.episodes * EVALUATION_STEPS_PER_GOAL_EPISODE,
      raceSteps: 0,
    },
  };
}

/** Seconds for one stage's work at the measured unit costs. */
export function stageSeconds(work: StageWork, costs: UnitCosts): number {
  return (
    (work.sacUpdates * costs.sacUpdateMs +
      work.sacActs * costs.sacActMs +
      work.tfjsUpdates * (costs.tfjsUpdateMs ?? costs.sacUpdateMs) +
      work.encoderSteps *
        (costs.encoderStepMs ?? ENCODER_STEP_IN_UPDATES * (costs.tfjsUpdateMs ?? costs.sacUpdateMs)) +
      work.envSteps * costs.envStepMs +
      work.raceSteps * costs.raceStepMs) /
    1000
  );
}

export interface DurationEstimate {
  stages: Record<LiveStageKey, number>;
  /** Wall time with the two chains side by side. */
  totalSeconds: number;
}

/** Estimated wall time of a live run of `config`: Σ over each stage's units × measured ms per unit. */
export function estimateLiveDuration(config: ExperimentConfig, costs: UnitCosts): DurationEstimate {
  const work = liveStageWork(config);
  const stages = Object.fromEntries(LIVE_STAGE_ORDER.map((s) => [s, stageSeconds(work[s], costs)])) as Record<
    LiveStageKey,
    number
  >;
  return { stages, totalSeconds: scheduleSeconds(stages) };
}
