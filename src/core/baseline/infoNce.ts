// InfoNCE training of the context encoder (ALGORITHM.md §9): same-task contexts attract, other tasks repel.
import type { EnvConfig, Task } from '../env';
import { Rng } from '../rng';
import { YIELD_EVERY, yieldToEventLoop } from '../yieldToEventLoop';
import { type ContextTransitions, collectContextPool, sampleContext, sampleRunContext } from './context';
import {
  type ContextEncoderWeights,
  DEFAULT_ENCODER_SHAPE,
  type EncoderShape,
  writeContextFeatures,
} from './contextEncoder';
import { type EncoderBatch, encoderStepper, infoNceLoss, selectionTensorData } from './encoderSteppers';
import { INFONCE_DEFAULTS } from './infoNceDefaults';
import { featureCount } from './transitionFeatures';

export { INFONCE_DEFAULTS, infoNceLoss, selectionTensorData };

export interface InfoNceOptions {
  /** Gradient steps. */
  steps: number;
  seed: number;
  /** Transitions per anchor / positive / negative context. (ref 64) */
  contextSize?: number;
  /** Negatives per anchor, drawn from the other tasks' contexts in the step. (ref 12) */
  negatives?: number;
  /** Softmax temperature τ on cosine similarities. (ref 1) */
  temperature?: number;
  /** Adam learning rate. (ref 3e-3) */
  lr?: number;
  /** Contexts drawn per task per step (≥ 2: each anchor's positive is a sibling). */
  contextsPerTask?: number;
  shape?: EncoderShape;
  /** Runs of the fixed context rule per task that make the data pool (when pools are not given). */
  poolRuns?: number;
  /** Length of each such run (the test-time K). */
  runLength?: number;
  /** Contexts are whole runs of length runLength (true) or transitions drawn from the pool (false). */
  wholeRuns?: boolean;
  /** Data per task; collected with the fixed context rule when absent. */
  pools?: readonly ContextTransitions[];
  /** Continue from these weights (of `shape`) instead of a fresh initialisation. */
  initial?: ContextEncoderWeights;
  /**
   * Auxiliary reward reconstruction: a decoder d(s', z) predicts the rewards of `targets` other transitions of
   * the same task from each context's z; its mean squared error, times `weight`, is added to the InfoNCE loss.
   * It asks z to carry the reward function itself, smoothly (the decoder is discarded after training).
   */
  reconstruction?: { weight: number; targets?: number; hidden?: number[] };
  /** 'fused' (default): the hand-written step on a Float32 heap (encoderSteppers.ts); 'tfjs': the autodiff reference. */
  impl?: 'fused' | 'tfjs';
  onProgress?: (p: { step: number; total: number; loss: number }) => void;
  shouldStop?: () => boolean;
}

export interface InfoNceResult {
  encoder: ContextEncoderWeights;
  /** (step, mean loss since the previous entry). */
  curve: { step: number; loss: number }[];
  pools: ContextTransitions[];
  /** Gradient steps done (fewer than asked when stopped). */
  steps: number;
}

/**
 * For anchor a = (task t, copy j): column 0 is its positive (t, j+1 mod m), then `negatives` contexts of
 * other tasks (uniform with replacement). Returns the chosen context per (anchor, column), [M·cols].
 */
export function contrastIndices(tasks: number, perTask: number, negatives: number, rng: Rng): Int32Array {
  const cols = 1 + negatives;
  const idx = new Int32Array(tasks * perTask * cols);
  for (let t = 0; t < tasks; t++) {
    for (let j = 0; j < perTask; j++) {
      const a = t * perTask + j;
      idx[a * cols] = t * perTask + ((j + 1) % perTask);
      for (let k = 1; k < cols; k++) {
        const other = (t + 1 + rng.int(tasks - 1)) % tasks;
        idx[a * cols + k] = other * perTask + rng.int(perTask);
      }
    }
  }
  return idx;
}

/** Train the encoder on the training tasks' context data. */
export async function trainContextEncoder(
  env: EnvConfig,
  tasks: readonly Task[],
  opts: InfoNceOptions,
): Promise<InfoNceResult> {
  if (tasks.length < 2) throw new Error('trainContextEncoder: InfoNCE needs at least two tasks');
  const o = { ...INFONCE_DEFAULTS, ...opts };
  if (o.contextsPerTask < 2) throw new Error('trainContextEncoder: contextsPerTask must be ≥ 2');
  const rng = new Rng(opts.seed);
  const pools =
    opts.pools?.slice() ??
    tasks.map((task, t) => collectContextPool(env, task, o.poolRuns, o.runLength, rng.fork(t).seed));
  const contexts = tasks.length * o.contextsPerTask;
  const shape = opts.shape ?? DEFAULT_ENCODER_SHAPE;
  const featureDim = featureCount(shape.features);
  const featureSet = shape.features;
  const cols = 1 + o.negatives;
  const recon =
    opts.reconstruction && opts.reconstruction.weight > 0
      ? {
          weight: opts.reconstruction.weight,
          targets: opts.reconstruction.targets ?? 16,
          hidden: opts.reconstruction.hidden ?? [64, 64],
        }
      : null;
  const targets = recon?.targets ?? 16;
  const stepper = encoderStepper(
    {
      shape,
      maxAction: env.maxAction,
      seed: opts.seed,
      initial: opts.initial,
      contexts,
      contextSize: o.contextSize,
      cols,
      temperature: o.temperature,
      lr: o.lr,
      recon,
    },
    opts.impl,
  );
  const batch: EncoderBatch = {
    features: new Float32Array(contexts * o.contextSize * featureDim),
    idx: new Int32Array(0),
    targetStates: new Float32Array(contexts * targets * 2),
    targetRewards: new Float32Array(contexts * targets),
  };
  const { features, targetStates, targetRewards } = batch;
  const curve: InfoNceResult['curve'] = [];
  let sum = 0;
  let count = 0;
  let done = 0;
  try {
    for (let s = 0; s < o.steps; s++) {
      if (opts.shouldStop?.()) break;
      done++;
      for (let t = 0; t < tasks.length; t++) {
        for (let j = 0; j < o.contextsPerTask; j++) {
          const ctx = o.wholeRuns
            ? sampleRunContext(pools[t], o.runLength, o.contextSize, rng)
            : sampleContext(pools[t], o.contextSize, rng);
          const row = (t * o.contextsPerTask + j) * o.contextSize;
          writeContextFeatures(ctx, env.maxAction, features, row, featureSet);
          if (recon) {
            const tgt = sampleContext(pools[t], targets, rng);
            const c = t * o.contextsPerTask + j;
            targetStates.set(tgt.nextStates, 2 * c * targets);
            targetRewards.set(tgt.rewards, c * targets);
          }
        }
      }
      batch.idx = contrastIndices(tasks.length, o.contextsPerTask, o.negatives, rng);
      const loss = stepper.step(batch);
      sum += loss;
      count++;
      if ((s + 1) % 25 === 0 || s + 1 === o.steps) {
        curve.push({ step: s + 1, loss: sum / count });
        opts.onProgress?.({ step: s + 1, total: o.steps, loss: sum / count });
        sum = 0;
        count = 0;
      }
      if ((s + 1) % YIELD_EVERY === 0) await yieldToEventLoop();
    }
    return { encoder: stepper.weights(), curve, pools, steps: done };
  } finally {
    stepper.dispose();
  }
}
