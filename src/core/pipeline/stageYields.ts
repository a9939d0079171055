// The hook a plain-JS stage awaits at its yields (core/cooperative.ts): the caller's, then the stage's cancel flag.
import type { YieldHook } from '../cooperative';
import { type PipelineStage, StageCancelled, type StageHooks } from './artifacts';

/**
 * The hook a plain-JS stage awaits at its yields: the caller's, then its cancel flag (a cancelled job stops at the
 * next yield); none without a caller's hook (straight through).
 */
export function stageYieldHook(hooks: StageHooks, stage: PipelineStage): YieldHook | undefined {
  const { yieldHook, shouldStop } = hooks;
  if (!yieldHook) return undefined;
  return async () => {
    await yieldHook();
    if (shouldStop?.()) throw new StageCancelled(stage);
  };
}
