// The experiment's stages as plain functions over serialisable artifacts (shared by the CLI and the workers).
import {
  type BaselineModel,
  baselinePolicyForContext,
  deserializeBaseline,
  serializeBaseline,
} from '../baseline/baselineModel';
import { encoderStepsFor, policyUpdatesFor, scoreBaselineAt, trainBaseline } from '../baseline/trainBaseline';
import { runYielding } from '../cooperative';
import { type AgentFactory, evaluateAgents } from '../evaluation';
import { summariseEvaluation } from '../evaluationSummary';
import { baseTrainingEnv, type ExperimentConfig, envFor, resolvedTrainingAngles } from '../experimentConfig';
import { collectExploration, collectExplorationSteps, type RewardSamples } from '../explorationData';
import { taskAt } from '../families';
import { estimateKernelFramesSteps, type KernelFrames } from '../frames/kernelFrames';
import {
  adaptHereditaryAgent,
  BaseRewardModel,
  collectContext,
  DEFAULT_INFERENCE,
  discoverHereditarySteps,
  offersHereditaryAgent,
} from '../hereditary';
import type { Generator } from '../lie';
import { rollout } from '../rollout';
import { actorPolicy } from '../sac/actorPolicy';
import { deserializeMlp, type MlpWeights, serializeMlp } from '../sac/mlp';
import { trainBasePolicy } from '../sac/trainBase';
import { closedFormGenerator } from '../symmetry/closedForm';
import type { RaceProgress } from '../symmetry/raceTypes';
import type {
  BaselineArtifact,
  BasePolicyArtifact,
  BasePreview,
  EvaluationArtifact,
  FramePreview,
  HereditaryArtifact,
  RewardSymmetryArtifact,
  StageHooks,
} from './artifacts';
import { StageCancelled } from './artifacts';
import { STAGE_BUDGETS } from './budgets';
import { type EvaluationOrbit, evaluationOrbit } from './evaluationOrbit';
import { matchedBaselineBudget } from './matchedBudget';
import { LIVE_RACE, type RaceSettingsRequest, raceSettingsArtifact, runRaceSettings } from './raceSettings';
import { stageYieldHook } from './stageYields';
import { familyTruth, trueGroupAngle } from './truth';

/** A stage's own seed, derived from the experiment seed so stages are independent and reproducible. */
export const stageSeed = (config: ExperimentConfig, stage: number): number =>
  (config.seed * 7919 + stage * 104729) >>> 0;

/** One deterministic episode of the actor so far at the base task (paper reset, fixed seed): the live preview. */
function basePreview(config: ExperimentConfig, total: number, onPreview: (p: BasePreview) => void) {
  const env = envFor(config);
  const task = taskAt(config.family, resolvedTrainingAngles(config)[0]);
  return (actor: MlpWeights, update: number) => {
    const ep = rollout(env, task, actorPolicy(actor, env.maxAction), { episodes: 1, seed: 1, record: true });
    onPreview({
      stage: 'base',
      update,
      total,
      path: Array.from(ep.paths?.[0] ?? []),
      actor: serializeMlp(actor),
      episodeReturn: ep.returns[0],
      success: ep.successes[0],
    });
  };
}

export async function trainBaseStage(
  config: ExperimentConfig,
  hooks: StageHooks = {},
): Promise<BasePolicyArtifact> {
  // Starts widened on a line so that π₀ covers every state the translations map the test starts to.
  const env = baseTrainingEnv(config);
  const angles = resolvedTrainingAngles(config);
  const budget = STAGE_BUDGETS[config.budget].sac;
  const r = await trainBasePolicy(env, taskAt(config.family, angles[0]), {
    ...budget,
    seed: stageSeed(config, 1),
    sacImpl: config.sacImpl,
    onProgress: (p) =>
      hooks.onProgress?.({
        stage: 'base',
        step: p.update,
        total: p.total,
        loss: p.losses.critic,
        message:
          p.evalScore !== undefined
            ? `score ${p.evalScore.toFixed(3)}`
            : `return ${p.recentReturn.toFixed(1)}`,
      }),
    shouldStop: hooks.shouldStop,
    ...(hooks.onPreview ? { onSnapshot: basePreview(config, budget.updates, hooks.onPreview) } : {}),
  });
  if (r.stopped) throw new StageCancelled('base');
  return {
    actor: serializeMlp(r.actor),
    curve: r.curve,
    score: r.finalScore,
    updates: r.updatesDone,
    msPerUpdate: r.msPerUpdate,
    envSteps: r.envSteps,
  };
}

/** Exploration samples of every training task, base first (rewards observed from the env; goals never read). */
export async function exploreStage(
  config: ExperimentConfig,
  hooks: StageHooks = {},
): Promise<RewardSamples[]> {
  const env = envFor(config);
  const angles = resolvedTrainingAngles(config);
  const n = STAGE_BUDGETS[config.budget].explorationTransitions;
  const yieldHook = stageYieldHook(hooks, 'explore');
  const samples: RewardSamples[] = [];
  for (const [i, phi] of angles.entries()) {
    hooks.onProgress?.({ stage: 'explore', step: i, total: angles.length, message: `task ${i}` });
    const work = collectExplorationSteps(env, taskAt(config.family, phi), {
      transitions: n,
      seed: stageSeed(config, 100 + i),
    });
    samples.push(await runYielding(work, yieldHook));
    await yieldHook?.();
  }
  return samples;
}

function previewFrames(frames: KernelFrames, max = 500): FramePreview {
  const anchors: number[] = [];
  const normals: number[] = [];
  const stride = Math.max(1, Math.floor(frames.count / max));
  for (let k = 0; k < frames.count && anchors.length < 2 * max; k += stride) {
    if (frames.kernelDim[k] !== 1) continue;
    anchors.push(+frames.anchors[2 * k].toFixed(4), +frames.anchors[2 * k + 1].toFixed(4));
    normals.push(+frames.normals[2 * k].toFixed(4), +frames.normals[2 * k + 1].toFixed(4));
  }
  return { anchors, normals, estimator: frames.estimator, radius: frames.radius, covered: frames.covered };
}

/**
 * The reward-symmetry stage's kernel frames of the base reward. With `hooks.yieldHook` they yield every
 * FRAME_YIELD_WORK anchors + neighbours (and stop there once cancelled); the frames are the same.
 */
export function baseRewardFrames(
  config: ExperimentConfig,
  baseSamples: RewardSamples,
  hooks: StageHooks = {},
): Promise<KernelFrames> {
  const work = estimateKernelFramesSteps(baseSamples, {
    estimator: 'gradient',
    radius: STAGE_BUDGETS[config.budget].frameRadius,
  });
  return runYielding(work, stageYieldHook(hooks, 'rewardSymmetry'));
}

/**
 * Kernel frames of the base reward, its symmetry in closed form, and the differential-vs-functional race in each
 * requested setting (the page runs LIVE_RACE: one setting at its presets; the CLI asks for its report options).
 * The frames yield to `hooks.yieldHook` (baseRewardFrames), the race through yieldToEventLoop.
 */
export async function rewardSymmetryStage(
  config: ExperimentConfig,
  baseSamples: RewardSamples,
  hooks: StageHooks = {},
  request: RaceSettingsRequest = LIVE_RACE,
): Promise<RewardSymmetryArtifact> {
  const budget = STAGE_BUDGETS[config.budget];
  const angles = resolvedTrainingAngles(config);
  const frames = await baseRewardFrames(config, baseSamples, hooks);
  const closed = closedFormGenerator(frames);
  const truth = familyTruth(config.family, angles[0]);
  const settings = await runRaceSettings(
    {
      config,
      samples: baseSamples,
      frames,
      truthForScoring: truth.rewardSymmetry,
      preset: budget.race,
      seeds: config.raceSeeds,
      firstSeed: stageSeed(config, 2),
      onProgress: (step, total, message) =>
        hooks.onProgress?.({ stage: 'rewardSymmetry', step, total, message }),
      ...(hooks.onPreview
        ? {
            onRaceStep: (setting: string, p: RaceProgress) =>
              hooks.onPreview?.({
                stage: 'race',
                setting,
                side: p.side,
                step: p.step,
                steps: p.steps,
                errorDeg: p.errorDeg,
                loss: p.loss,
                generator: p.generator,
              }),
          }
        : {}),
    },
    request,
  );
  const { race, raceSettings } = raceSettingsArtifact(settings.runs, settings.sweep);
  const first = (runs: readonly { generator: number[] }[]) => runs[0]?.generator ?? null;
  return {
    closedForm: {
      generator: closed.generator,
      eigenvalues: closed.eigenvalues,
      symmetryCount: closed.symmetryCount,
    },
    differential: first(race.differential.runs),
    functional: first(race.functional.runs),
    race,
    raceSettings,
    frames: previewFrames(frames),
  };
}

/**
 * Hereditary geometry from the training tasks' samples, and the base reward model for test-time inference. The
 * verdict's noise floor explores the BASE task afresh (same rule and size as the discovery data; no other task read).
 * With `hooks.yieldHook` the fit yields every few milliseconds (discoverHereditarySteps); the result is the same.
 */
export async function hereditaryStage(
  config: ExperimentConfig,
  samples: readonly RewardSamples[],
  hooks: StageHooks = {},
): Promise<HereditaryArtifact> {
  const angles = resolvedTrainingAngles(config);
  const truth = familyTruth(config.family, angles[0]);
  const env = envFor(config);
  const baseTask = taskAt(config.family, angles[0]);
  const work = discoverHereditarySteps(samples, {
    ...STAGE_BUDGETS[config.budget].hereditary,
    seed: stageSeed(config, 3),
    calibration: {
      sampleBase: (seed) =>
        collectExploration(env, baseTask, {
          transitions: samples[0].count,
          seed: stageSeed(config, 200) ^ seed,
        }),
    },
    truthForScoring: truth.hereditary
      ? { generator: truth.hereditary, baseSymmetry: truth.rewardSymmetry }
      : undefined,
    onProgress: (p) =>
      hooks.onProgress?.({
        stage: 'hereditary',
        step: Math.round(p.fraction * 1000),
        total: 1000,
        message: p.message,
      }),
  });
  const result = await runYielding(work, stageYieldHook(hooks, 'hereditary'));
  const baseRewardModel = BaseRewardModel.fit(samples[0]).toJSON();
  return { result, baseRewardModel, explorationSamples: samples.map((s) => s.count) };
}

/** The hereditary agent at a test task: K context transitions → θ* → the moved base policy. */
export function hereditaryAgentFactory(
  config: ExperimentConfig,
  base: BasePolicyArtifact,
  hereditary: HereditaryArtifact,
): AgentFactory {
  const env = envFor(config);
  const basePolicy = actorPolicy(deserializeMlp(base.actor), env.maxAction);
  const model = BaseRewardModel.fromJSON(hereditary.baseRewardModel);
  // The discovered compactness flag decides where θ is searched: the circle, or the arena's real interval.
  const compact = hereditary.result.compact;
  return (task, seed) => {
    const run = adaptHereditaryAgent(
      env,
      task,
      basePolicy,
      hereditary.result.generator,
      model,
      config.context,
      seed,
      { ...DEFAULT_INFERENCE, compact, arenaBound: env.stateBound },
    );
    return { policy: run.policy, theta: run.estimate.theta, compact };
  };
}

/**
 * The smooth-encoding baseline trained on the same training tasks (it never sees goals either), with the matched
 * budget (src/core/pipeline/matchedBudget.ts). `hereditaryTrainingSteps` overrides what it is matched against
 * (the dense control matches the main run's hereditary agent, not one trained on its own tasks).
 */
export async function baselineStage(
  config: ExperimentConfig,
  hooks: StageHooks = {},
  hereditaryTrainingSteps?: number,
): Promise<BaselineArtifact> {
  const env = envFor(config);
  const tasks = resolvedTrainingAngles(config).map((phi) => taskAt(config.family, phi));
  const { preset } = matchedBaselineBudget(config, tasks.length, hereditaryTrainingSteps);
  // One bar for both phases: encoder steps, then the policy's updates (which grow with the task count).
  const encoderSteps = encoderStepsFor(preset, tasks.length);
  const total = encoderSteps + policyUpdatesFor(preset, tasks.length);
  const r = await trainBaseline(env, tasks, {
    ...preset,
    contextK: config.context,
    seed: stageSeed(config, 5),
    sacImpl: config.sacImpl,
    shouldStop: hooks.shouldStop,
    ...(hooks.onPreview
      ? {
          onSnapshot: (model: BaselineModel, update: number, total: number) =>
            hooks.onPreview?.({ stage: 'baseline', update, total, model: serializeBaseline(model) }),
        }
      : {}),
    onProgress: (p) =>
      hooks.onProgress?.({
        stage: 'baseline',
        step: p.phase === 'encoder' ? p.done : encoderSteps + p.done,
        total,
        loss: p.encoderLoss ?? p.losses?.critic,
        message:
          p.phase === 'encoder'
            ? `encoder (InfoNCE + reconstruction) loss ${p.encoderLoss?.toFixed(3)}`
            : `policy π(s, z)`,
      }),
  });
  if (r.stopped) throw new StageCancelled('baseline');
  // Scoring only: the control must solve its own training tasks.
  const trainingScores = scoreBaselineAt(env, r.model, tasks, config.episodes, stageSeed(config, 6));
  return {
    model: serializeBaseline(r.model),
    encoderCurve: r.encoderCurve,
    curve: r.curve,
    trainingScores,
    envSteps: r.envSteps,
    updates: r.updatesDone,
    msPerUpdate: r.msPerUpdate,
    encoderSteps: r.encoderSteps,
  };
}

/** The baseline at a test task: the SAME K context transitions as the hereditary agent → z → π(s, z). */
export function baselineAgentFactory(config: ExperimentConfig, baseline: BaselineArtifact): AgentFactory {
  const env = envFor(config);
  const model = deserializeBaseline(baseline.model);
  return (task, seed) => baselinePolicyForContext(model, collectContext(env, task, config.context, seed));
}

/**
 * Whether the hereditary agent is scored: for a compact generator (θ searched on the circle), and for a non-compact
 * one that discovery calls hereditary (θ searched on the arena's real interval, e.g. a line's translation). For the
 * reader's own goals (a points family) only when discovery calls them hereditary: refused, it is not offered.
 */
export const scoresHereditaryAgent = (hereditary: HereditaryArtifact, config?: ExperimentConfig): boolean =>
  offersHereditaryAgent(hereditary.result, config?.family.kind ?? 'circle');

/** The agents the evaluation scores (see scoresHereditaryAgent), the baseline when there is one. The references always. */
export function evaluationAgents(
  config: ExperimentConfig,
  base: BasePolicyArtifact,
  hereditary: HereditaryArtifact,
  baseline: BaselineArtifact | null,
): Record<string, AgentFactory> {
  const agents: Record<string, AgentFactory> = {};
  if (scoresHereditaryAgent(hereditary, config))
    agents.hereditary = hereditaryAgentFactory(config, base, hereditary);
  if (baseline) agents.baseline = baselineAgentFactory(config, baseline);
  return agents;
}

/**
 * `learned` (the hereditary generator; scoring only) orients a line's true θ like the learned one. `orbit`: where the
 * test goals lie (evaluationOrbit.ts; a points family's is the orbit discovery found).
 */
export async function evaluateStage(
  config: ExperimentConfig,
  agents: Record<string, AgentFactory>,
  hooks: StageHooks = {},
  learned?: Generator,
  orbit: EvaluationOrbit = evaluationOrbit(config),
): Promise<EvaluationArtifact> {
  const rows = await evaluateAgents(envFor(config), orbit.family, orbit.trainParameters, agents, {
    testGoals: config.testGoals,
    testExtent: orbit.testExtent,
    parameters: orbit.testParameters,
    episodes: config.episodes,
    seed: stageSeed(config, 4),
    // Ground truth for scoring only: fills each goal's θ* error, never reaches an agent. On a discovered orbit (a
    // points family) the θ that carries the base goal to the test goal along it.
    trueTheta: trueGroupAngle(orbit.family, orbit.trainParameters[0], learned) ?? undefined,
    onProgress: (done, total) => {
      hooks.onProgress?.({ stage: 'evaluate', step: done, total });
      if (hooks.shouldStop?.()) throw new StageCancelled('evaluate');
    },
  });
  return { rows, summary: summariseEvaluation(rows) };
}
