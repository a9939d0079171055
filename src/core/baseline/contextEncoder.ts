// Contrastive context encoder (ALGORITHM.md §9): per-transition MLP → mean over the context → L2-normalised z.
import * as tf from '@tensorflow/tfjs';
import { type MlpWeights, mlpForward } from '../sac/mlp';
import { type ContextTransitions, TRANSITION_FEATURES, writeTransitionFeatures } from './context';

export interface EncoderShape {
  /** Hidden widths of the per-transition MLP. (ref 3×256; 2×64 is plenty here) */
  hidden: number[];
  /** Size of z (and of each transition's embedding). (ref 2) */
  latentDim: number;
}

export const DEFAULT_ENCODER_SHAPE: EncoderShape = { hidden: [64, 64], latentDim: 2 };

/** The encoder's plain-JS form: the transition MLP (input (s, a/maxAction, r, s')) and the action scale. */
export interface ContextEncoderWeights {
  mlp: MlpWeights;
  maxAction: number;
}

const NORM_EPS = 1e-8;

/** Trainable tfjs encoder; its variables are seeded (glorotUniform) and freed by dispose(). */
export class ContextEncoderTf {
  readonly kernels: tf.Variable[] = [];
  readonly biases: tf.Variable[] = [];

  constructor(
    readonly shape: EncoderShape,
    readonly maxAction: number,
    seed: number,
  ) {
    const dims = [TRANSITION_FEATURES, ...shape.hidden, shape.latentDim];
    for (let l = 0; l + 1 < dims.length; l++) {
      const init = tf.initializers.glorotUniform({ seed: seed * 101 + l });
      // tidy frees the initial values; the variables it returns survive.
      this.kernels.push(tf.tidy(() => tf.variable(init.apply([dims[l], dims[l + 1]]) as tf.Tensor2D)));
      this.biases.push(tf.tidy(() => tf.variable(tf.zeros([dims[l + 1]]))));
    }
  }

  get variables(): tf.Variable[] {
    return [...this.kernels, ...this.biases];
  }

  /** Per-transition embeddings [rows, latentDim] of features [rows, 7]. */
  embed(features: tf.Tensor2D): tf.Tensor2D {
    let x: tf.Tensor2D = features;
    for (let l = 0; l < this.kernels.length; l++) {
      x = tf.add(tf.matMul(x, this.kernels[l] as tf.Tensor2D), this.biases[l]) as tf.Tensor2D;
      if (l + 1 < this.kernels.length) x = tf.relu(x);
    }
    return x;
  }

  /** z for B contexts of C transitions each: features [B·C, 7] → [B, latentDim], unit rows. */
  encode(features: tf.Tensor2D, contexts: number): tf.Tensor2D {
    const e = this.embed(features);
    const per = features.shape[0] / contexts;
    const m = tf.mean(tf.reshape(e, [contexts, per, this.shape.latentDim]), 1) as tf.Tensor2D;
    const n = tf.sqrt(tf.add(tf.sum(tf.square(m), 1, true), NORM_EPS));
    return tf.div(m, n) as tf.Tensor2D;
  }

  exportWeights(): ContextEncoderWeights {
    const layers = this.kernels.map((k, l) => ({
      inDim: k.shape[0] as number,
      outDim: k.shape[1] as number,
      w: Float32Array.from(k.dataSync()),
      b: Float32Array.from(this.biases[l].dataSync()),
    }));
    return { mlp: { layers }, maxAction: this.maxAction };
  }

  dispose(): void {
    for (const v of this.variables) v.dispose();
  }
}

/** Write a context's features as rows [count, 7] into `out`, starting at row `row`. */
export function writeContextFeatures(
  ctx: ContextTransitions,
  maxAction: number,
  out: Float32Array,
  row: number,
): void {
  for (let i = 0; i < ctx.count; i++)
    writeTransitionFeatures(ctx, i, maxAction, out, (row + i) * TRANSITION_FEATURES);
}

/** Features of a context as a row-major [count, 7] Float32Array. */
export function contextFeatures(ctx: ContextTransitions, maxAction: number): Float32Array {
  const out = new Float32Array(ctx.count * TRANSITION_FEATURES);
  writeContextFeatures(ctx, maxAction, out, 0);
  return out;
}

/** Plain-JS inference: z = normalise(mean_k e(s_k, a_k, r_k, s'_k)). An empty context gives z = 0. */
export function encodeContext(encoder: ContextEncoderWeights, ctx: ContextTransitions): Float64Array {
  const dim = encoder.mlp.layers[encoder.mlp.layers.length - 1].outDim;
  const z = new Float64Array(dim);
  if (ctx.count === 0) return z;
  const e = mlpForward(encoder.mlp, contextFeatures(ctx, encoder.maxAction), ctx.count);
  for (let i = 0; i < ctx.count; i++) for (let j = 0; j < dim; j++) z[j] += e[i * dim + j] / ctx.count;
  let n = NORM_EPS;
  for (let j = 0; j < dim; j++) n += z[j] * z[j];
  n = Math.sqrt(n);
  for (let j = 0; j < dim; j++) z[j] /= n;
  return z;
}
