// The worker's dispatch table: one async handler per stage name; pipeline stages plug in here.
import { taskAt } from '../core/families';
import { oraclePolicy, randomPolicy } from '../core/policies';
import { mean, rollout } from '../core/rollout';
import type { BackendName, BackendReport } from '../protocol/backend';
import type {
  RolloutStageConfig,
  RolloutStagePayload,
  StageConfig,
  StageName,
  StagePayload,
} from '../protocol/stages';
import { PIPELINE_HANDLERS } from './pipelineHandlers';

/** Progress sink, cancellation flag and worker services handed to every stage handler. */
export interface StageContext {
  progress: (step: number, total: number, extra?: { loss?: number; message?: string }) => void;
  /** True once the job was cancelled; core loops check it (as `shouldStop`) and return early. */
  shouldStop: () => boolean;
  /** Re-run backend detection and calibration (posts backend-report events as it goes). */
  recalibrate: (override: BackendName[] | null) => Promise<BackendReport>;
}

export type StageHandler<S extends StageName> = (
  config: StageConfig<S>,
  ctx: StageContext,
) => Promise<StagePayload<S>>;

export type StageHandlers = { readonly [S in StageName]: StageHandler<S> };

/** Roll out a reference policy (oracle or random) at the test goal; plain JS, no tfjs. */
async function runRolloutStage(config: RolloutStageConfig, ctx: StageContext): Promise<RolloutStagePayload> {
  ctx.progress(0, 1, { message: `${config.policy} rollout` });
  const task = taskAt(config.family, config.angle);
  const policy = config.policy === 'oracle' ? oraclePolicy(config.env, task) : randomPolicy(config.env);
  const batch = rollout(config.env, task, policy, {
    episodes: config.episodes,
    seed: config.seed,
    record: true,
  });
  ctx.progress(1, 1);
  return {
    policy: config.policy,
    angle: config.angle,
    goal: [task.goal[0], task.goal[1]],
    returns: batch.returns,
    meanReturn: mean(batch.returns),
    successRate: batch.successes.filter(Boolean).length / Math.max(1, batch.successes.length),
    meanLength: mean(batch.lengths),
    path: Array.from(batch.paths?.[0] ?? []),
  };
}

/**
 * Every stage the worker knows. To add a pipeline stage: declare it in StageSpecs and STAGE_WORKLOAD
 * (src/protocol/stages.ts), then add `stage: (config, ctx) => runXxx(config, { onProgress: ctx.progress,
 * shouldStop: ctx.shouldStop })` here; TypeScript then insists that config and payload match.
 */
export const STAGE_HANDLERS: StageHandlers = {
  rollout: runRolloutStage,
  calibrate: (config, ctx) => ctx.recalibrate(config.override),
  ...PIPELINE_HANDLERS,
};
