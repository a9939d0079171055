// Contrastive context encoder (ALGORITHM.md §9): deep set ρ(mean_k φ(transition_k)), L2-normalised into z.
import * as tf from '@tensorflow/tfjs';
import { glorotUniform } from '../glorot';
import type { MlpWeights } from '../sac/mlp';
import { type ContextEncoderWeights, type EncoderShape, NORM_EPS } from './contextEncoding';
import { featureCount } from './transitionFeatures';

// The plain-JS half lives in contextEncoding.ts so the page's agents load without tfjs.
export * from './contextEncoding';

export interface DenseStack {
  kernels: tf.Variable[];
  biases: tf.Variable[];
}

export function denseStack(dims: number[], seed: number, from?: MlpWeights): DenseStack {
  // Check the whole stack first, so refused weights leave no variables behind.
  if (from) {
    if (from.layers.length !== dims.length - 1)
      throw new Error('ContextEncoderTf: initial weights have a different depth');
    from.layers.forEach((layer, l) => {
      if (layer.inDim !== dims[l] || layer.outDim !== dims[l + 1])
        throw new Error(
          `ContextEncoderTf: initial weights do not match layer ${l} (${dims[l]}×${dims[l + 1]})`,
        );
    });
  }
  const stack: DenseStack = { kernels: [], biases: [] };
  for (let l = 0; l + 1 < dims.length; l++) {
    const shape: [number, number] = [dims[l], dims[l + 1]];
    const layer = from?.layers[l];
    // tidy frees the initial values; the variables it returns survive.
    stack.kernels.push(
      tf.tidy(() => tf.variable(layer ? tf.tensor2d(layer.w, shape) : glorotUniform(shape, seed * 101 + l))),
    );
    stack.biases.push(tf.tidy(() => tf.variable(layer ? tf.tensor1d(layer.b) : tf.zeros([dims[l + 1]]))));
  }
  return stack;
}

/** ReLU after every layer but the last (the mlpForward convention). */
export function applyStack(stack: DenseStack, input: tf.Tensor2D): tf.Tensor2D {
  let x = input;
  for (let l = 0; l < stack.kernels.length; l++) {
    x = tf.add(tf.matMul(x, stack.kernels[l] as tf.Tensor2D), stack.biases[l]) as tf.Tensor2D;
    if (l + 1 < stack.kernels.length) x = tf.relu(x);
  }
  return x;
}

/** A stack's weights as plain MlpWeights (read back from the variables). */
export function exportStack(stack: DenseStack): MlpWeights {
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
    /** Start from these weights (same shape) instead of a seeded initialisation: continued training. */
    initial?: ContextEncoderWeights,
  ) {
    this.featureDim = featureCount(shape.features);
    const embed = shape.embedDim ?? shape.latentDim;
    if (initial && !initial.post !== !shape.embedDim)
      throw new Error('ContextEncoderTf: initial weights and shape disagree on the post-pool net');
    const phi = denseStack([this.featureDim, ...shape.hidden, embed], seed, initial?.mlp);
    try {
      this.rho = shape.embedDim
        ? denseStack([embed, ...(shape.postHidden ?? []), shape.latentDim], seed + 7, initial?.post)
        : null;
    } catch (e) {
      for (const v of [...phi.kernels, ...phi.biases]) v.dispose();
      throw e;
    }
    this.phi = phi;
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
