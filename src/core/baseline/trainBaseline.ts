// Train the smooth-encoding baseline (ALGORITHM.md §9): InfoNCE encoder first (then frozen), then SAC on π(s, z).
import { type EnvConfig, resetTraining, step, type Task } from '../env';
import { Rng } from '../rng';
import { mean, scorePolicy } from '../rollout';
import { createSac } from '../sac/createSac';
import { allocBatch, ReplayBuffer } from '../sac/replayBuffer';
import { YIELD_EVERY, yieldToEventLoop } from '../yieldToEventLoop';
import { type BaselineModel, baselinePolicyForContext } from './baselineModel';
import {
  type BaselineTrainOptions,
  encoderStepsFor,
  policyEnvStepsFor,
  policyUpdatesFor,
} from './baselinePresets';
import { type ContextTransitions, collectContext, sampleRunContext } from './context';
import { encodeContext, latentDimOf } from './contextEncoder';
import { trainContextEncoder } from './infoNce';

export {
  BASELINE_FULL,
  BASELINE_QUICK,
  type BaselinePreset,
  type BaselineTrainOptions,
  type BaselineTrainProgress,
  encoderStepsFor,
  policyEnvStepsFor,
  policyUpdatesFor,
} from './baselinePresets';

export interface BaselineTrainResult {
  model: BaselineModel;
  encoderCurve: { step: number; loss: number }[];
  curve: { update: number; meanReturn: number; score?: number }[];
  /** Environment steps used: the encoder's context pools plus the policy's own interaction. */
  envSteps: { encoderData: number; policy: number };
  /** InfoNCE steps the encoder took. */
  encoderSteps: number;
  msPerUpdate: number;
  updatesDone: number;
  stopped: boolean;
}

/** Mean normalised score over tasks, each with a fresh context from the fixed rule (test-time path). */
export function scoreBaselineAt(
  env: EnvConfig,
  model: BaselineModel,
  tasks: readonly Task[],
  episodes: number,
  seed: number,
): number[] {
  return tasks.map((task, t) => {
    const ctx = collectContext(env, task, model.contextK, seed + 7919 * (t + 1));
    return scorePolicy(env, task, baselinePolicyForContext(model, ctx), episodes, seed + t).score;
  });
}

export async function trainBaseline(
  env: EnvConfig,
  tasks: readonly Task[],
  opts: BaselineTrainOptions,
): Promise<BaselineTrainResult> {
  const k = opts.contextK ?? 16;
  const totalUpdates = policyUpdatesFor(opts, tasks.length);
  const batchSize = opts.batchSize ?? 128;
  const warmup = opts.warmupSteps ?? 1000;
  const evalEvery = opts.evalEvery ?? 0;
  const evalEpisodes = opts.evalEpisodes ?? 8;
  const rng = new Rng(opts.seed);
  const enc = await trainContextEncoder(env, tasks, {
    ...opts.encoder,
    // The encoder's step follows the SAC learner's implementation: fused (default) or the tfjs reference.
    impl: opts.sacImpl === 'tfjs' ? 'tfjs' : 'fused',
    steps: encoderStepsFor(opts, tasks.length),
    seed: rng.fork(10).nextUint32(),
    runLength: k,
    shouldStop: opts.shouldStop,
    onProgress: (p) =>
      opts.onProgress?.({ phase: 'encoder', done: p.step, total: p.total, encoderLoss: p.loss }),
  });
  const pools: ContextTransitions[] = enc.pools;
  // z's size: ρ's output for a deep set (φ's output is the wider pooled embedding).
  const latentDim = latentDimOf(enc.encoder);
  const obsDim = 2 + latentDim;
  const envRng = rng.fork(1);
  const ctxRng = rng.fork(5);
  const evalSeed = rng.fork(2).nextUint32();
  const sac = createSac(
    {
      obsDim,
      seed: rng.fork(3).nextUint32(),
      maxAction: env.maxAction,
      ...(opts.hidden ? { hidden: opts.hidden } : {}),
      ...(opts.lr ? { lrActor: opts.lr, lrCritic: opts.lr, lrAlpha: opts.lr } : {}),
    },
    opts.sacImpl,
  );
  const totalSteps = policyEnvStepsFor(opts, tasks.length);
  // Updates may start at step warmup − 1; after post-warm-up step j, ⌊(j + 1)·U / postSteps⌋ are due.
  const postSteps = Math.max(1, totalSteps - (warmup - 1));
  const replay = new ReplayBuffer(Math.max(totalSteps, 1), obsDim, 2, rng.fork(4).nextUint32());
  const batch = allocBatch(batchSize, obsDim, 2);
  const model = (): BaselineModel => ({
    encoder: enc.encoder,
    actor: sac.exportActor(),
    maxAction: env.maxAction,
    contextK: k,
  });
  const evaluate = () => mean(scoreBaselineAt(env, model(), tasks, evalEpisodes, evalSeed));
  const curve: BaselineTrainResult['curve'] = [];
  const episodeReturns: number[] = [];
  const recentReturn = () => mean(episodeReturns.slice(-10));

  // Each episode: the next task (round-robin), a z from one fresh-looking run of that task's pool.
  let episode = 0;
  let task = 0;
  let z: Float64Array = new Float64Array(latentDim);
  const startEpisode = () => {
    task = episode % tasks.length;
    z = encodeContext(enc.encoder, sampleRunContext(pools[task], k, k, ctxRng));
    episode++;
    return resetTraining(env, envRng);
  };
  const obs = new Float32Array(obsDim);
  const nextObs = new Float32Array(obsDim);
  let s = startEpisode();
  let t = 0;
  let epReturn = 0;
  let updates = 0;
  let envSteps = 0;
  let updateMs = 0;
  let stopped = opts.shouldStop?.() ?? false;
  try {
    for (let envStep = 0; envStep < totalSteps && !stopped; envStep++) {
      obs.set(s, 0);
      obs.set(z, 2);
      let a: [number, number];
      if (envStep < warmup)
        a = [envRng.uniform(-env.maxAction, env.maxAction), envRng.uniform(-env.maxAction, env.maxAction)];
      else {
        const sampled = sac.sampleActions(obs, 1);
        a = [sampled[0], sampled[1]];
      }
      const r = step(env, tasks[task], s, a, envRng);
      envSteps++;
      nextObs.set(r.next, 0);
      nextObs.set(z, 2);
      replay.add(obs, a, r.reward, nextObs, r.success);
      epReturn += r.reward;
      t++;
      s = r.next;
      if (r.success || t >= env.maxSteps) {
        episodeReturns.push(epReturn);
        s = startEpisode();
        t = 0;
        epReturn = 0;
      }
      if (envStep + 1 < warmup) continue;
      const due = Math.min(
        totalUpdates,
        Math.floor(((envStep - (warmup - 1) + 1) * totalUpdates) / postSteps),
      );
      while (updates < due && !stopped) {
        const t0 = performance.now();
        updates++;
        const read = updates % 50 === 0 || updates === totalUpdates;
        const losses = sac.update(replay.sample(batch), read);
        updateMs += performance.now() - t0;
        const evalNow = evalEvery > 0 && updates % evalEvery === 0;
        const score = evalNow ? evaluate() : undefined;
        if (evalNow) curve.push({ update: updates, meanReturn: recentReturn(), score });
        if (read || evalNow)
          opts.onProgress?.({
            phase: 'policy',
            done: updates,
            total: totalUpdates,
            recentReturn: recentReturn(),
            losses,
            evalScore: score,
          });
        if (opts.onSnapshot && (updates % 250 === 0 || updates === totalUpdates))
          opts.onSnapshot(model(), updates, totalUpdates);
        if (updates % YIELD_EVERY === 0) {
          await yieldToEventLoop();
          stopped = opts.shouldStop?.() ?? false;
        }
      }
    }
    const final = model();
    if (curve[curve.length - 1]?.update !== updates)
      curve.push({ update: updates, meanReturn: recentReturn(), score: evaluate() });
    return {
      model: final,
      encoderCurve: enc.curve,
      curve,
      envSteps: {
        encoderData: pools.reduce((n, p) => n + p.count, 0),
        policy: envSteps,
      },
      encoderSteps: enc.steps,
      msPerUpdate: updates > 0 ? updateMs / updates : Number.NaN,
      updatesDone: updates,
      stopped,
    };
  } finally {
    sac.dispose();
  }
}
