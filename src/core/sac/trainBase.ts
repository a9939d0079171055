// Train the base policy π_0 on one task with SAC: uniform training starts, warm-up, 1 update per env step.
import { type EnvConfig, resetTraining, step, type Task } from '../env';
import { Rng } from '../rng';
import { mean, scorePolicy } from '../rollout';
import { YIELD_EVERY, yieldToEventLoop } from '../yieldToEventLoop';
import { actorPolicy } from './actorPolicy';
import type { BaseTrainOptions } from './basePresets';
import { createSac } from './createSac';
import type { MlpWeights } from './mlp';
import { allocBatch, ReplayBuffer } from './replayBuffer';
import type { SacLosses, SacSnapshot } from './sac';

export {
  type BaseTrainOptions,
  type BaseTrainPreset,
  type BaseTrainProgress,
  SAC_FULL,
  SAC_QUICK,
} from './basePresets';

export interface BaseCurvePoint {
  update: number;
  meanReturn: number;
  score?: number;
}

export interface BaseTrainResult {
  /** Deterministic actor (mean head): a = maxAction · tanh(mlp(s)). */
  actor: MlpWeights;
  /** Full checkpoint (all nets + α). */
  snapshot: SacSnapshot;
  curve: BaseCurvePoint[];
  replay: ReplayBuffer;
  finalScore: number;
  msPerUpdate: number;
  updatesDone: number;
  /** Environment steps taken to train (warm-up included; evaluation episodes are scoring, not counted). */
  envSteps: number;
  stopped: boolean;
}

export async function trainBasePolicy(
  env: EnvConfig,
  task: Task,
  opts: BaseTrainOptions,
): Promise<BaseTrainResult> {
  const batchSize = opts.batchSize ?? 256;
  const warmup = opts.warmupSteps ?? 1000;
  const ratio = opts.updatesPerStep ?? 1;
  const evalEvery = opts.evalEvery ?? 0;
  const evalEpisodes = opts.evalEpisodes ?? 8;
  const progressEvery = opts.progressEvery ?? 50;
  const rng = new Rng(opts.seed);
  const envRng = rng.fork(1);
  const evalSeed = rng.fork(2).nextUint32();
  const sac = createSac(
    {
      obsDim: 2,
      seed: rng.fork(3).nextUint32(),
      maxAction: env.maxAction,
      ...(opts.hidden ? { hidden: opts.hidden } : {}),
      ...(opts.lr ? { lrActor: opts.lr, lrCritic: opts.lr, lrAlpha: opts.lr } : {}),
    },
    opts.sacImpl,
  );
  const totalSteps = warmup + Math.ceil(opts.updates / ratio);
  const replay = new ReplayBuffer(
    opts.replayCapacity ?? Math.max(totalSteps, 1),
    2,
    2,
    rng.fork(4).nextUint32(),
  );
  const batch = allocBatch(batchSize, 2, 2);
  const curve: BaseCurvePoint[] = [];
  const episodeReturns: number[] = [];
  const recentReturn = () => mean(episodeReturns.slice(-10));
  const evaluate = () =>
    scorePolicy(env, task, actorPolicy(sac.exportActor(), env.maxAction), evalEpisodes, evalSeed).score;

  let s = resetTraining(env, envRng);
  let t = 0;
  let epReturn = 0;
  const obs = new Float32Array(2);
  let updates = 0;
  let envSteps = 0;
  let updateMs = 0;
  let losses: SacLosses | null = null;
  let stopped = false;
  try {
    for (let envStep = 0; envStep < totalSteps && updates < opts.updates; envStep++) {
      let a: [number, number];
      if (envStep < warmup)
        a = [envRng.uniform(-env.maxAction, env.maxAction), envRng.uniform(-env.maxAction, env.maxAction)];
      else {
        obs[0] = s[0];
        obs[1] = s[1];
        const sampled = sac.sampleActions(obs, 1);
        a = [sampled[0], sampled[1]];
      }
      const r = step(env, task, s, a, envRng);
      envSteps++;
      t++;
      epReturn += r.reward;
      // Success is terminal (no bootstrap); the time limit is not, so it is stored as not done.
      replay.add(s, a, r.reward, r.next, r.success);
      s = r.next;
      if (r.success || t >= env.maxSteps) {
        episodeReturns.push(epReturn);
        s = resetTraining(env, envRng);
        t = 0;
        epReturn = 0;
      }
      if (envStep < warmup) continue;
      for (let k = 0; k < ratio && updates < opts.updates; k++) {
        const t0 = performance.now();
        updates++;
        const read = updates % progressEvery === 0 || updates === opts.updates;
        losses = sac.update(replay.sample(batch), read);
        updateMs += performance.now() - t0;
        const evalNow = evalEvery > 0 && updates % evalEvery === 0;
        const score = evalNow ? evaluate() : undefined;
        if (evalNow) curve.push({ update: updates, meanReturn: recentReturn(), score });
        if (read || evalNow)
          opts.onProgress?.({
            update: updates,
            total: opts.updates,
            recentReturn: recentReturn(),
            losses,
            evalScore: score,
          });
        if (opts.onSnapshot && (updates % (opts.snapshotEvery ?? 250) === 0 || updates === opts.updates))
          opts.onSnapshot(sac.exportActor(), updates);
        if (updates % YIELD_EVERY === 0) {
          await yieldToEventLoop();
          if (opts.shouldStop?.()) {
            stopped = true;
            break;
          }
        }
      }
      if (stopped) break;
    }
    const last = curve[curve.length - 1];
    const finalScore = last?.update === updates && last.score !== undefined ? last.score : evaluate();
    if (last?.update !== updates)
      curve.push({ update: updates, meanReturn: recentReturn(), score: finalScore });
    return {
      actor: sac.exportActor(),
      snapshot: sac.exportAll(),
      curve,
      replay,
      finalScore,
      msPerUpdate: updates > 0 ? updateMs / updates : NaN,
      updatesDone: updates,
      envSteps,
      stopped,
    };
  } finally {
    sac.dispose();
  }
}
