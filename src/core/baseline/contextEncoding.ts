// Plain-JS side of the context encoder (no tfjs): shapes, weights, features and inference z = normalise(ρ(mean φ)).
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

/** The first form: a 2×64 per-transition MLP straight to z, raw features, z in 2-D (ref). */
export const DEFAULT_ENCODER_SHAPE: EncoderShape = { hidden: [64, 64], latentDim: 2 };

/**
 * A deep set: φ 13→64→64→32 on raw + degree-2 features, mean-pool, ρ 32→64→2, z in 2-D (the baseline's
 * encoder; trainBaseline's presets add reward reconstruction, which keeps the ring of tasks in order).
 * One MLP straight to a 2-D z cannot invert the context's geometry after pooling: on 12 spread tasks it named
 * the task from one 16-step context 70–75% of the time; this net with reconstruction 97–99%.
 */
export const DEEP_SET_ENCODER_SHAPE: EncoderShape = {
  hidden: [64, 64],
  latentDim: 2,
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

export const NORM_EPS = 1e-8;

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

const outOf = (m: MlpWeights) => m.layers[m.layers.length - 1].outDim;

/** Size of z: ρ's output when there is a post-pool net, else φ's. */
export const latentDimOf = (encoder: ContextEncoderWeights): number => outOf(encoder.post ?? encoder.mlp);

/** Plain-JS inference: z = normalise(ρ(mean_k φ(features_k))). An empty context gives z = 0. */
export function encodeContext(encoder: ContextEncoderWeights, ctx: ContextTransitions): Float64Array {
  const embed = outOf(encoder.mlp);
  const dim = latentDimOf(encoder);
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
