// What both sides of one race share: the held-out split, the reward the functional side sees, the support mask.
import * as tf from '@tensorflow/tfjs';
import type { RewardSamples } from '../explorationData';
import { Rng } from '../rng';
import { SpatialGrid } from '../spatialGrid';
import type { RewardJs } from './raceLossesJs';
import type { RaceOptions, RaceSetting } from './raceTypes';
import { fitRewardMlp, type RewardMlp } from './rewardModelTf';

/** Held out of training by default: 20% of the samples and frames (the lr rule's own test set). */
export const DEFAULT_HOLD_OUT = { fraction: 0.2, seed: 0 } as const;

/** Indices 0..count−1 split by a seeded permutation: the first ⌊fraction·count⌋ are held out. */
export function holdOutSplit(
  count: number,
  fraction: number,
  seed: number,
): { train: Int32Array; heldOut: Int32Array } {
  const perm = new Rng(seed).permutation(count);
  const h = Math.floor(fraction * count);
  const heldOut = perm.slice(0, h).sort();
  const train = perm.slice(h).sort();
  return { train, heldOut };
}

/** The samples at the given indices, as their own RewardSamples. */
export function subsetSamples(samples: RewardSamples, idx: Int32Array): RewardSamples {
  const points = new Float64Array(2 * idx.length);
  const values = new Float64Array(idx.length);
  idx.forEach((i, k) => {
    points[2 * k] = samples.points[2 * i];
    points[2 * k + 1] = samples.points[2 * i + 1];
    values[k] = samples.values[i];
  });
  return { points, values, count: idx.length };
}

/** The race's training samples (what f̂ may be fitted to when the caller fits it once for several races). */
export function raceTrainingSamples(
  samples: RewardSamples,
  holdOut: RaceOptions['holdOut'] = {},
): RewardSamples {
  const fraction = holdOut.fraction ?? DEFAULT_HOLD_OUT.fraction;
  const seed = holdOut.seed ?? DEFAULT_HOLD_OUT.seed;
  return subsetSamples(samples, holdOutSplit(samples.count, fraction, seed).train);
}

/** Everything both sides share for one race; built once. */
export interface RaceContext {
  opts: RaceOptions;
  batch: number;
  theta: [number, number];
  /** Frames with a 1-D kernel that training draws from, and those held out for the lr rule. */
  frameIdx: Int32Array;
  heldOutFrameIdx: Int32Array;
  /** Samples the functional side draws from, and those held out (each with a fixed θ). */
  sampleIdx: Int32Array;
  heldOutSampleIdx: Int32Array;
  heldOutThetas: Float32Array;
  heldOutFraction: number;
  reward: ((p: tf.Tensor2D) => tf.Tensor1D) | null;
  /** The same reward in plain JS, when it has one (the oracle ablation's): the functional side then steps in JS. */
  rewardJs: RewardJs | null;
  /** The reward at every sample (the functional loss's f(p) term, which does not depend on X), computed once. */
  rewardAtSamples: Float32Array;
  /** The training samples' support (mask on); held-out samples are not in it. */
  support: SpatialGrid | null;
  maskRadius: number;
}

function rewardAt(
  samples: RewardSamples,
  reward: (p: tf.Tensor2D) => tf.Tensor1D,
  rewardJs: RewardJs | null,
): Float32Array {
  const out = new Float32Array(samples.count);
  if (rewardJs) {
    const g = new Float64Array(2);
    for (let i = 0; i < samples.count; i++)
      out[i] = rewardJs.valueAndGradient(samples.points[2 * i], samples.points[2 * i + 1], g);
    return out;
  }
  const chunk = 4096;
  for (let i = 0; i < samples.count; i += chunk) {
    const n = Math.min(chunk, samples.count - i);
    const values = tf.tidy(() =>
      reward(tf.tensor2d(Float32Array.from(samples.points.subarray(2 * i, 2 * (i + n))), [n, 2])).dataSync(),
    );
    out.set(values, i);
  }
  return out;
}

/**
 * Build the shared context: split samples and frames (by the same seeded rule, so with one anchor per sample the
 * held-out frames are the held-out samples), fit f̂ to the training samples only unless one is given (`owned`
 * is then an f̂ the caller must dispose).
 */
export function makeContext(opts: RaceOptions): {
  ctx: RaceContext;
  owned: RewardMlp | null;
  rmse: number | null;
} {
  const fraction = opts.holdOut?.fraction ?? DEFAULT_HOLD_OUT.fraction;
  const seed = opts.holdOut?.seed ?? DEFAULT_HOLD_OUT.seed;
  const samples = holdOutSplit(opts.samples.count, fraction, seed);
  const frames = holdOutSplit(opts.frames.count, fraction, seed);
  const withFrame = (idx: Int32Array) => idx.filter((k) => opts.frames.kernelDim[k] === 1);
  const trainSamples = subsetSamples(opts.samples, samples.train);
  const choice = opts.rewardModel ?? 'fitted';
  let owned: RewardMlp | null = null;
  let reward: RaceContext['reward'];
  let rmse: number | null = null;
  let rewardJs: RewardJs | null = null;
  if (choice === 'true') {
    if (!opts.oracleRewardTf) throw new Error("rewardModel 'true' (oracle ablation) needs oracleRewardTf");
    reward = opts.oracleRewardTf;
    // The tfjs reference path keeps f(p) in tfjs too, so that it is the race as it was.
    if ((opts.impl ?? 'js') === 'js') rewardJs = opts.oracleRewardJs ?? null;
  } else {
    const model = opts.fittedModel ?? fitRewardMlp(trainSamples, opts.modelOptions);
    if (!opts.fittedModel) owned = model;
    reward = model.predict;
    rmse = model.rmse;
  }
  const maskRadius = typeof opts.mask === 'object' ? opts.mask.radius : 0.15;
  const support = opts.mask ? new SpatialGrid(trainSamples.points, trainSamples.count, maskRadius) : null;
  const range = opts.thetaRange ?? [0, 2 * Math.PI];
  const thetaRng = new Rng(seed).fork(3);
  const heldOutThetas = Float32Array.from(samples.heldOut, () => thetaRng.uniform(range[0], range[1]));
  const ctx: RaceContext = {
    opts,
    batch: opts.batch ?? 128,
    theta: [range[0], range[1]],
    frameIdx: withFrame(frames.train),
    heldOutFrameIdx: withFrame(frames.heldOut),
    sampleIdx: samples.train,
    heldOutSampleIdx: samples.heldOut,
    heldOutThetas,
    heldOutFraction: fraction,
    reward,
    rewardJs,
    rewardAtSamples: rewardAt(opts.samples, reward, rewardJs),
    support,
    maskRadius,
  };
  return { ctx, owned, rmse };
}

export function describeSetting(ctx: RaceContext, rmse: number | null): RaceSetting {
  const { opts } = ctx;
  const fitted = (opts.rewardModel ?? 'fitted') === 'fitted';
  const mask = ctx.support
    ? `pairs leaving the data (> ${ctx.maskRadius} from every sample) dropped`
    : 'none';
  const theta: [number, number] = [ctx.theta[0], ctx.theta[1]];
  const rewardModel = fitted ? 'fitted f̂ (MLP 2→64→64→1)' : 'true reward (oracle ablation)';
  const differentialTerm = opts.symmetricTerm ? 'Nᵀv plus the symmetric term' : 'Nᵀv only';
  return {
    thetaRange: theta,
    rewardModel,
    rewardModelRmse: rmse,
    mask,
    batch: ctx.batch,
    steps: opts.steps,
    seeds: opts.seeds,
    targetDeg: opts.targetDeg ?? 2,
    heldOutFraction: ctx.heldOutFraction,
    differentialTerm,
    label:
      `θ ~ U[${theta[0].toFixed(2)}, ${theta[1].toFixed(2)}), ${rewardModel}, mask: ${mask}, ` +
      `batch ${ctx.batch}, Adam, ${opts.steps} steps, ${opts.seeds} seeds, target ${opts.targetDeg ?? 2}°`,
  };
}
