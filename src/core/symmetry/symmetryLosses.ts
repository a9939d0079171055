// The two symmetry losses of ALGORITHM.md §6 as tfjs tensors of 6-vector generators X (normalised inside).
// The `…Seeds` forms take S generators at once ([S, 6], one per race seed, each with its own batch) and
// return the S losses: summed, their gradient with respect to row s is that of seed s's loss alone, so
// one Adam step on the stack is S independent Adam steps (Adam is elementwise).
import * as tf from '@tensorflow/tfjs';
import { flowsTf } from '../lieTf';

/** X̂ = X/‖X‖ per row as [S, 2, 3] (the top rows of each 3×3 generator); X = 0 is therefore no minimiser. */
function unitTopRows(x: tf.Tensor2D): tf.Tensor3D {
  const s = x.shape[0];
  return x.div(x.norm('euclidean', 1, true).maximum(1e-12)).reshape([s, 2, 3]) as tf.Tensor3D;
}

/** (X̂_s p̃)_{1:2} for points [S, B, 2] → [S, B, 2]. */
function generatorField(x: tf.Tensor2D, points: tf.Tensor3D): tf.Tensor3D {
  const [s, b] = points.shape;
  const homog = tf.concat([points, tf.ones([s, b, 1])], 2) as tf.Tensor3D;
  return tf.matMul(homog, unitTopRows(x), false, true);
}

/**
 * Differential loss per generator: mean_p (N(p)ᵀ (X̂ p̃)_{1:2})² → [S]. With `symmetric` the ref's second
 * term is added: the kernel frame's component outside span(X̂p̃), which in 2D is (Nᵀv)²/‖v‖².
 */
export function differentialLossSeeds(
  x: tf.Tensor2D,
  points: tf.Tensor3D,
  normals: tf.Tensor3D,
  symmetric = false,
): tf.Tensor1D {
  return tf.tidy(() => {
    const v = generatorField(x, points);
    const along = v.mul(normals).sum(2);
    const loss = along.square().mean(1) as tf.Tensor1D;
    if (!symmetric) return loss;
    const outside = along.square().div(v.square().sum(2).add(1e-9)).mean(1);
    return loss.add(outside) as tf.Tensor1D;
  });
}

/**
 * Functional loss per generator: Σ_b w_b (f̂(exp(θ_b X̂) p̃_b) − f̂(p_b))² / Σ_b w_b → [S], differentiable in
 * X through the tfjs matrix exponential. Points [S, B, 2], θ [S, B], weights [S, B]. `maxTheta` bounds
 * ‖θX̂‖ (it sets the Taylor terms). `rewardAtPoints` [S, B], when given, is f̂(p) computed beforehand (it
 * does not depend on X), saving one forward pass per step.
 */
export function functionalLossSeeds(
  x: tf.Tensor2D,
  points: tf.Tensor3D,
  thetas: tf.Tensor2D,
  reward: (points: tf.Tensor2D) => tf.Tensor1D,
  maxTheta: number,
  weights?: tf.Tensor2D,
  rewardAtPoints?: tf.Tensor2D,
): tf.Tensor1D {
  return tf.tidy(() => {
    const [s, b] = points.shape;
    const full = tf.concat([unitTopRows(x), tf.zeros([s, 1, 3])], 1) as tf.Tensor3D;
    // ‖X̂‖ ≤ ‖X̂‖_F = 1, so ‖θX̂‖ ≤ maxTheta.
    const flowMats = flowsTf(full, thetas, maxTheta).reshape([s * b, 3, 3]) as tf.Tensor3D;
    const flat = points.reshape([s * b, 2]) as tf.Tensor2D;
    const homog = tf.concat([flat, tf.ones([s * b, 1])], 1).reshape([s * b, 3, 1]) as tf.Tensor3D;
    const moved = tf
      .matMul(flowMats, homog)
      .reshape([s * b, 3])
      .slice([0, 0], [s * b, 2]) as tf.Tensor2D;
    const before = rewardAtPoints ? rewardAtPoints.reshape([s * b]) : reward(flat);
    const diff = reward(moved).sub(before).square().reshape([s, b]);
    if (!weights) return diff.mean(1) as tf.Tensor1D;
    return diff.mul(weights).sum(1).div(weights.sum(1).maximum(1)) as tf.Tensor1D;
  });
}

/** differentialLossSeeds for one generator [6] and points [B, 2]: a scalar. */
export function differentialLoss(
  x: tf.Tensor1D,
  points: tf.Tensor2D,
  normals: tf.Tensor2D,
  symmetric = false,
): tf.Scalar {
  return tf.tidy(() =>
    differentialLossSeeds(x.expandDims(0), points.expandDims(0), normals.expandDims(0), symmetric).reshape(
      [],
    ),
  );
}

/** functionalLossSeeds for one generator [6], points [B, 2], θ [B] and weights [B]: a scalar. */
export function functionalLoss(
  x: tf.Tensor1D,
  points: tf.Tensor2D,
  thetas: tf.Tensor1D,
  reward: (points: tf.Tensor2D) => tf.Tensor1D,
  maxTheta: number,
  weights?: tf.Tensor1D,
): tf.Scalar {
  return tf.tidy(() =>
    functionalLossSeeds(
      x.expandDims(0),
      points.expandDims(0),
      thetas.expandDims(0),
      reward,
      maxTheta,
      weights?.expandDims(0),
    ).reshape([]),
  );
}
