// Contrastive context encoder (ALGORITHM.md §9): deep set ρ(mean_k φ(transition_k)), L2-normalised into z.
import * as tf from '@tensorflow/tfjs';
import { type MlpWeights, mlpForward } from '../sac/mlp';
import type { ContextTransitions } from './context';
import { featureCount, type TransitionFeatureSet, writeFeatures } from './transitionFeatures';

export interface EncoderShape {
  /** Hidden widths of the per-transition MLP φ. (ref 3×256; 2×64 is plenty for the raw form) */
  hidden: number[];
  /** Size of z. (ref 2) */
  latentDim: number;
  /**
   * Width of φ's output (each transition's embedding, mean-pooled). Absent: φ outputs latentDim and there is
   * no post-pool net (the first, PEARL-like form).
   */
  embedDim?: number;
  /** Hidden widths of the post-pool MLP ρ: embedDim → … → latentDim (used when embedDim is set). */
  postHidden?: number[];
  /** What φ reads per transition (default 'raw'). */
  features?: TransitionFeatureSet;
}

/** The first form (the default): a 2×64 per-transition MLP straight to z, raw features, z in 2-D (ref). */
export const DEFAULT_ENCODER_SHAPE: EncoderShape = { hidden: [64, 64], latentDim: 2 };

/**
 * A deep set: φ 13→64→64→32 on raw + degree-2 features, mean-pool, ρ 32→64→4 (an option, not the default).
 * On 12 spread tasks it identified the task from one 16-step context far better (12-way accuracy 0.97 vs
 * 0.65), but SAC on π(s, z) with that 4-D z failed (36k updates: training-task scores ≈ −2, see
 * trainBaseline.test.ts). A 2-D z folded in every InfoNCE run tried with this net (accuracy 0.55–0.65).
 */
export const DEEP_SET_ENCODER_SHAPE: EncoderShape = {
  hidden: [64, 64],
  latentDim: 4,
  embedDim: 32,
  postHidden: [64],
  features: 'quadratic',
};

/** The encoder's plain-JS form: φ, optional ρ, the feature set and the action scale. */
export interface ContextEncoderWeights {
  mlp: MlpWeights;
  /** Post-pool MLP ρ; absent in the first form. */
  post?: MlpWeights;
  features?: TransitionFeatureSet;
  maxAction: number;
}

const NORM_EPS = 1e-8;

interface DenseStack {
  kernels: tf.Variable[];
  biases: tf.Variable[];
}

function denseStack(dims: number[], seed: number): DenseStack {
  const stack: DenseStack = { kernels: [], biases: [] };
  for (let l = 0; l + 1 < dims.length; l++) {
    const init = tf.initializers.glorotUniform({ seed: seed * 101 + l });
    // tidy frees the initial values; the variables it returns survive.
    stack.kernels.push(tf.tidy(() => tf.variable(init.apply([dims[l], dims[l + 1]]) as tf.Tensor2D)));
    stack.biases.push(tf.tidy(() => tf.variable(tf.zeros([dims[l + 1]]))));
  }
  return stack;
}

/** ReLU after every layer but the last (the mlpForward convention). */
function applyStack(stack: DenseStack, input: tf.Tensor2D): tf.Tensor2D {
  let x = input;
  for (let l = 0; l < stack.kernels.length; l++) {
    x = tf.add(tf.matMul(x, stack.kernels[l] as tf.Tensor2D), stack.biases[l]) as tf.Tensor2D;
    if (l + 1 < stack.kernels.length) x = tf.relu(x);
  }
  return x;
}

function exportStack(stack: DenseStack): MlpWeights {
  return {
    layers: stack.kernels.map((k, l) => ({
      inDim: k.shape[0] as number,
      outDim: k.shape[1] as number,
      w: Float32Array.from(k.dataSync()),
      b: Float32Array.from(stack.biases[l].dataSync()),
    })),
  };
}

/** Trainable tfjs encoder; its variables are seeded (glorotUniform) and freed by dispose(). */
export class ContextEncoderTf {
  private readonly phi: DenseStack;
  private readonly rho: DenseStack | null;
  readonly featureDim: number;

  constructor(
    readonly shape: EncoderShape,
    readonly maxAction: number,
    seed: number,
  ) {
    this.featureDim = featureCount(shape.features);
    const embed = shape.embedDim ?? shape.latentDim;
    this.phi = denseStack([this.featureDim, ...shape.hidden, embed], seed);
    this.rho = shape.embedDim
      ? denseStack([embed, ...(shape.postHidden ?? []), shape.latentDim], seed + 7)
      : null;
  }

  get variables(): tf.Variable[] {
    const stacks = this.rho ? [this.phi, this.rho] : [this.phi];
    return stacks.flatMap((s) => [...s.kernels, ...s.biases]);
  }

  /** Per-transition embeddings [rows, embed] of features [rows, featureDim]. */
  embed(features: tf.Tensor2D): tf.Tensor2D {
    return applyStack(this.phi, features);
  }

  /** z for B contexts of C transitions each: features [B·C, featureDim] → [B, latentDim], unit rows. */
  encode(features: tf.Tensor2D, contexts: number): tf.Tensor2D {
    const e = this.embed(features);
    const per = features.shape[0] / contexts;
    const pooled = tf.mean(tf.reshape(e, [contexts, per, e.shape[1]]), 1) as tf.Tensor2D;
    const m = this.rho ? applyStack(this.rho, pooled) : pooled;
    const n = tf.sqrt(tf.add(tf.sum(tf.square(m), 1, true), NORM_EPS));
    return tf.div(m, n) as tf.Tensor2D;
  }

  exportWeights(): ContextEncoderWeights {
    return {
      mlp: exportStack(this.phi),
      ...(this.rho ? { post: exportStack(this.rho) } : {}),
      ...(this.shape.features ? { features: this.shape.features } : {}),
      maxAction: this.maxAction,
    };
  }

  dispose(): void {
    for (const v of this.variables) v.dispose();
  }
}

/** Write a context's features as rows [count, featureDim] into `out`, starting at row `row`. */
export function writeContextFeatures(
  ctx: ContextTransitions,
  maxAction: number,
  out: Float32Array,
  row: number,
  features?: TransitionFeatureSet,
): void {
  const dim = featureCount(features);
  for (let i = 0; i < ctx.count; i++) writeFeatures(features, ctx, i, maxAction, out, (row + i) * dim);
}

/** Features of a context as a row-major [count, featureDim] Float32Array. */
export function contextFeatures(
  ctx: ContextTransitions,
  maxAction: number,
  features?: TransitionFeatureSet,
): Float32Array {
  const out = new Float32Array(ctx.count * featureCount(features));
  writeContextFeatures(ctx, maxAction, out, 0, features);
  return out;
}

/** Plain-JS inference: z = normalise(ρ(mean_k φ(features_k))). An empty context gives z = 0. */
export function encodeContext(encoder: ContextEncoderWeights, ctx: ContextTransitions): Float64Array {
  const outOf = (m: MlpWeights) => m.layers[m.layers.length - 1].outDim;
  const embed = outOf(encoder.mlp);
  const dim = encoder.post ? outOf(encoder.post) : embed;
  if (ctx.count === 0) return new Float64Array(dim);
  const e = mlpForward(encoder.mlp, contextFeatures(ctx, encoder.maxAction, encoder.features), ctx.count);
  const pooled = new Float64Array(embed);
  for (let i = 0; i < ctx.count; i++)
    for (let j = 0; j < embed; j++) pooled[j] += e[i * embed + j] / ctx.count;
  const z = encoder.post ? mlpForward(encoder.post, pooled, 1) : pooled;
  let n = NORM_EPS;
  for (let j = 0; j < dim; j++) n += z[j] * z[j];
  n = Math.sqrt(n);
  for (let j = 0; j < dim; j++) z[j] /= n;
  return z;
}
