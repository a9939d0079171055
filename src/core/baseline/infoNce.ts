// InfoNCE training of the context encoder (ALGORITHM.md §9): same-task contexts attract, other tasks repel.
import * as tf from '@tensorflow/tfjs';
import type { EnvConfig, Task } from '../env';
import { Rng } from '../rng';
import { yieldToEventLoop } from '../yieldToEventLoop';
import { type ContextTransitions, collectContextPool, sampleContext, sampleRunContext } from './context';
import {
  applyStack,
  ContextEncoderTf,
  type ContextEncoderWeights,
  DEFAULT_ENCODER_SHAPE,
  denseStack,
  type EncoderShape,
  writeContextFeatures,
} from './contextEncoder';

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

export const INFONCE_DEFAULTS = {
  contextSize: 64,
  negatives: 12,
  temperature: 1,
  lr: 3e-3,
  contextsPerTask: 4,
  poolRuns: 200,
  runLength: 16,
  wholeRuns: true,
};

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

/**
 * One-hot selection [M, cols, M] of contrastIndices. (A gather would be shorter, but its gradient needs
 * UnsortedSegmentSum, which the wasm backend lacks.)
 */
export function selectionTensorData(idx: Int32Array, contexts: number, cols: number): Float32Array {
  const out = new Float32Array(contexts * cols * contexts);
  for (let r = 0; r < contexts * cols; r++) out[r * contexts + idx[r]] = 1;
  return out;
}

/** InfoNCE loss: mean over anchors of −log softmax(cos(z_a, z_c)/τ)[positive]; z rows are unit vectors. */
export function infoNceLoss(z: tf.Tensor2D, selection: tf.Tensor3D, temperature: number): tf.Scalar {
  const sim = tf.matMul(z, z, false, true);
  const logits = tf.sum(tf.mul(selection, tf.expandDims(sim, 1)), 2);
  const scaled = tf.div(logits, temperature);
  const logp = tf.sub(scaled, tf.logSumExp(scaled, 1, true));
  return tf.neg(tf.mean(tf.slice(logp, [0, 0], [-1, 1])));
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
  const encoder = new ContextEncoderTf(
    opts.shape ?? DEFAULT_ENCODER_SHAPE,
    env.maxAction,
    opts.seed,
    opts.initial,
  );
  const optimizer = tf.train.adam(o.lr);
  const contexts = tasks.length * o.contextsPerTask;
  const featureDim = encoder.featureDim;
  const featureSet = encoder.shape.features;
  const features = new Float32Array(contexts * o.contextSize * featureDim);
  const cols = 1 + o.negatives;
  const recon = opts.reconstruction && opts.reconstruction.weight > 0 ? opts.reconstruction : null;
  const targets = recon?.targets ?? 16;
  const latentDim = encoder.shape.latentDim;
  const decoder = recon
    ? denseStack([2 + latentDim, ...(recon.hidden ?? [64, 64]), 1], opts.seed + 13)
    : null;
  const decoderVars = decoder ? [...decoder.kernels, ...decoder.biases] : [];
  const targetStates = new Float32Array(contexts * targets * 2);
  const targetRewards = new Float32Array(contexts * targets);
  // Row r of the target batch reads the z of context ⌊r / targets⌋ (a fixed one-hot: a differentiable gather).
  const repeatRows = new Float32Array(contexts * targets * contexts);
  for (let r = 0; r < contexts * targets; r++) repeatRows[r * contexts + Math.floor(r / targets)] = 1;
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
      const idx = contrastIndices(tasks.length, o.contextsPerTask, o.negatives, rng);
      const loss = tf.tidy(() => {
        const x = tf.tensor2d(features, [contexts * o.contextSize, featureDim]);
        const sel = tf.tensor3d(selectionTensorData(idx, contexts, cols), [contexts, cols, contexts]);
        const cost = optimizer.minimize(
          () => {
            const z = encoder.encode(x, contexts);
            const nce = infoNceLoss(z, sel, o.temperature);
            if (!decoder || !recon) return nce;
            const rows = contexts * targets;
            const zRep = tf.matMul(tf.tensor2d(repeatRows, [rows, contexts]), z);
            const input = tf.concat([tf.tensor2d(targetStates, [rows, 2]), zRep], 1) as tf.Tensor2D;
            const err = tf.sub(tf.reshape(applyStack(decoder, input), [rows]), tf.tensor1d(targetRewards));
            return tf.add(nce, tf.mul(recon.weight, tf.mean(tf.square(err)))) as tf.Scalar;
          },
          true,
          [...encoder.variables, ...decoderVars],
        );
        return cost ? cost.dataSync()[0] : Number.NaN;
      });
      sum += loss;
      count++;
      if ((s + 1) % 25 === 0 || s + 1 === o.steps) {
        curve.push({ step: s + 1, loss: sum / count });
        opts.onProgress?.({ step: s + 1, total: o.steps, loss: sum / count });
        sum = 0;
        count = 0;
      }
      if ((s + 1) % 50 === 0) await yieldToEventLoop();
    }
    return { encoder: encoder.exportWeights(), curve, pools, steps: done };
  } finally {
    optimizer.dispose();
    encoder.dispose();
    for (const v of decoderVars) v.dispose();
  }
}
