// The compute worker's dispatch table: one async handler per stage, each a thin call into src/core/pipeline/stages.ts.
import { type ExperimentConfig, resolvedTrainingAngles } from '../core/experimentConfig';
import type { RewardSamples } from '../core/explorationData';
import type { StageHooks, StagePreview } from '../core/pipeline/artifacts';
import { estimateLiveDuration } from '../core/pipeline/durationEstimate';
import type { UnitCosts } from '../core/pipeline/liveSchedule';
import {
  baselineStage,
  evaluateStage,
  evaluationAgents,
  exploreStage,
  hereditaryStage,
  rewardSymmetryStage,
  trainBaseStage,
} from '../core/pipeline/stages';
import { yieldToEventLoop } from '../core/yieldToEventLoop';
import type { BackendName, BackendReport } from '../protocol/backend';
import type { StageConfig, StageName, StagePayload } from '../protocol/stages';

/** Progress sink, cancellation flag and worker services handed to every stage handler. */
export interface StageContext {
  progress: (step: number, total: number, extra?: { loss?: number; message?: string }) => void;
  /** Post a snapshot of what the stage is learning. */
  preview: (p: StagePreview) => void;
  /** True once the job was cancelled; core loops check it (as `shouldStop`) and return early. */
  shouldStop: () => boolean;
  /** Re-run backend detection and calibration (posts backend-report events as it goes). */
  recalibrate: (override: BackendName[] | null) => Promise<BackendReport>;
  /** Time the unit costs on the calibrated backends (posts the report with them). */
  measureUnitCosts: () => Promise<UnitCosts | null>;
}

export type StageHandler<S extends StageName> = (
  config: StageConfig<S>,
  ctx: StageContext,
) => Promise<StagePayload<S>>;

export type StageHandlers = { readonly [S in StageName]: StageHandler<S> };

/**
 * The training loops yield through the worker's run gate (compute.worker.ts installs it in yieldToEventLoop); the
 * plain-JS stages (exploration, the reward's kernel frames, the hereditary fit) are handed the same gated yield, so
 * pause, step and slow motion reach them too.
 */
const hooksFor = (ctx: StageContext): StageHooks => ({
  onProgress: (p) => ctx.progress(p.step, p.total, { loss: p.loss, message: p.message }),
  onPreview: ctx.preview,
  shouldStop: ctx.shouldStop,
  yieldHook: yieldToEventLoop,
});

/** What the exploration samples depend on: same key, same (seeded) samples. */
const samplesKey = (c: ExperimentConfig): string =>
  JSON.stringify([c.family, resolvedTrainingAngles(c), c.actionConstraint, c.seed, c.budget]);

/**
 * The big RewardSamples stay in the worker between stages (one experiment at a time). After a
 * worker restart the cache is empty and they are recomputed; they are seeded, so nothing changes.
 */
let cached: { key: string; samples: RewardSamples[] } | null = null;

async function samplesFor(
  config: ExperimentConfig,
  ctx: StageContext,
  hooks: StageHooks,
): Promise<RewardSamples[]> {
  const key = samplesKey(config);
  if (cached?.key === key) return cached.samples;
  cached = null;
  const samples = await exploreStage(config, {
    ...hooks,
    onProgress: (p) => ctx.progress(p.step, p.total, { message: `exploring ${p.message ?? ''}`.trim() }),
  });
  cached = { key, samples };
  return samples;
}

/**
 * The verdict is not gated by the run's pause (it follows the reader's edits while training is paused): it runs
 * straight through, at once, between the yields of whatever trains; the page keeps only the latest.
 */
const straightThrough = (ctx: StageContext): StageHooks => ({ ...hooksFor(ctx), yieldHook: undefined });

/**
 * Every stage the worker knows. To add one: declare it in StageSpecs and STAGE_WORKLOAD
 * (src/protocol/stages.ts), then add `stage: (config, ctx) => runXxx(config, hooksFor(ctx))` here;
 * TypeScript then insists that config and payload match.
 */
export const STAGE_HANDLERS: StageHandlers = {
  calibrate: (config, ctx) => ctx.recalibrate(config.override),
  'unit-costs': (_config, ctx) => ctx.measureUnitCosts(),
  'train-base': (config, ctx) => trainBaseStage(config.experiment, hooksFor(ctx)),
  'reward-symmetry': async (config, ctx) => {
    const samples = await samplesFor(config.experiment, ctx, hooksFor(ctx));
    return rewardSymmetryStage(config.experiment, samples[0], hooksFor(ctx));
  },
  hereditary: async (config, ctx) => {
    const samples = await samplesFor(config.experiment, ctx, hooksFor(ctx));
    return hereditaryStage(config.experiment, samples, hooksFor(ctx));
  },
  'train-baseline': (config, ctx) => baselineStage(config.experiment, hooksFor(ctx)),
  evaluate: async (config, ctx) => {
    const agents = evaluationAgents(config.experiment, config.base, config.hereditary, config.baseline);
    return evaluateStage(config.experiment, agents, hooksFor(ctx));
  },
  verdict: async (config, ctx) => {
    const samples = await samplesFor(config.experiment, ctx, straightThrough(ctx));
    return (await hereditaryStage(config.experiment, samples, straightThrough(ctx))).result;
  },
  estimate: async ({ experiment, costs, budgets }) =>
    Object.fromEntries(budgets.map((b) => [b, estimateLiveDuration({ ...experiment, budget: b }, costs)])),
};
