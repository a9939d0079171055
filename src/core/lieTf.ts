// Differentiable matrix exponential in tfjs ops (scaling and squaring + Taylor), batched over leading dims.
import * as tf from '@tensorflow/tfjs';

/**
 * exp(M) for M of shape [..., 3, 3] (or any square size). The number of squarings s is a plain
 * number so the graph is static and differentiable: choose it with `squaringsFor(maxNorm)`.
 * Taylor degree `order` on M / 2^s.
 */
export function expmTf(m: tf.Tensor, squarings: number, order = 10): tf.Tensor {
  return tf.tidy(() => {
    const n = m.shape[m.shape.length - 1];
    const eye = tf.eye(n).reshape([...new Array(m.shape.length - 2).fill(1), n, n]);
    const a = m.div(2 ** squarings);
    let term: tf.Tensor = eye.add(tf.zerosLike(a));
    let sum: tf.Tensor = term;
    for (let k = 1; k <= order; k++) {
      term = tf.matMul(term, a).div(k);
      sum = sum.add(term);
    }
    for (let k = 0; k < squarings; k++) sum = tf.matMul(sum, sum);
    return sum;
  });
}

/** Squarings needed so that ‖M‖/2^s ≤ 0.25 for the largest Frobenius norm expected. */
export const squaringsFor = (maxNorm: number): number =>
  maxNorm > 0.25 ? Math.ceil(Math.log2(maxNorm / 0.25)) : 0;
