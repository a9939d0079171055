// The two symmetry losses of ALGORITHM.md §6 as tfjs scalars of a 6-vector generator X (normalised inside).
import * as tf from '@tensorflow/tfjs';
import { expmTf, squaringsFor } from '../lieTf';

/** X̂ = X/‖X‖ as a [2, 3] matrix (the top rows of the 3×3 generator); X = 0 is therefore no minimiser. */
function unitTopRows(x: tf.Tensor1D): tf.Tensor2D {
  return x.div(x.norm().maximum(1e-12)).reshape([2, 3]) as tf.Tensor2D;
}

/** (X̂ p̃)_{1:2} for points [B, 2] → [B, 2]. */
function generatorField(x: tf.Tensor1D, points: tf.Tensor2D): tf.Tensor2D {
  const homog = tf.concat([points, tf.ones([points.shape[0], 1])], 1);
  return homog.matMul(unitTopRows(x), false, true) as tf.Tensor2D;
}

/**
 * Differential loss: mean_p (N(p)ᵀ (X̂ p̃)_{1:2})². With `symmetric` the ref's second term is added:
 * the kernel frame's component outside span(X̂p̃), which in 2D is (Nᵀv)²/‖v‖².
 */
export function differentialLoss(
  x: tf.Tensor1D,
  points: tf.Tensor2D,
  normals: tf.Tensor2D,
  symmetric = false,
): tf.Scalar {
  return tf.tidy(() => {
    const v = generatorField(x, points);
    const along = v.mul(normals).sum(1);
    const loss = along.square().mean();
    if (!symmetric) return loss as tf.Scalar;
    const outside = along.square().div(v.square().sum(1).add(1e-9)).mean();
    return loss.add(outside) as tf.Scalar;
  });
}

/**
 * Functional loss: Σ_b w_b (f̂(exp(θ_b X̂) p̃_b) − f̂(p_b))² / Σ_b w_b, differentiable in X through the
 * tfjs matrix exponential. `maxTheta` fixes the number of squarings (‖θX̂‖ ≤ maxTheta).
 */
export function functionalLoss(
  x: tf.Tensor1D,
  points: tf.Tensor2D,
  thetas: tf.Tensor1D,
  reward: (points: tf.Tensor2D) => tf.Tensor1D,
  maxTheta: number,
  weights?: tf.Tensor1D,
): tf.Scalar {
  return tf.tidy(() => {
    const b = points.shape[0];
    const top = unitTopRows(x);
    const full = tf.concat([top, tf.zeros([1, 3])], 0);
    const m = thetas.reshape([b, 1, 1]).mul(full.expandDims(0));
    const flowMats = expmTf(m, squaringsFor(maxTheta));
    const homog = tf.concat([points, tf.ones([b, 1])], 1).reshape([b, 3, 1]);
    const moved = tf.matMul(flowMats, homog).reshape([b, 3]).slice([0, 0], [b, 2]) as tf.Tensor2D;
    const diff = reward(moved).sub(reward(points)).square();
    if (!weights) return diff.mean() as tf.Scalar;
    return diff.mul(weights).sum().div(weights.sum().maximum(1)) as tf.Scalar;
  });
}
