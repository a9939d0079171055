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

/** Taylor terms K so that the remainder r^(K+1)/(K+1)! · e^r of exp stays below `tol` for ‖M‖ ≤ r. */
export function taylorTermsFor(maxNorm: number, tol = 1e-10): number {
  let k = 0;
  let remainder = maxNorm; // r^(k+1)/(k+1)!
  while (remainder * Math.exp(maxNorm) > tol && k < 200) {
    k++;
    remainder *= maxNorm / (k + 1);
  }
  return k;
}

/**
 * exp(θ_sb X_s) for S generators [S, 3, 3] at S×B scalars θ [S, B] → [S, B, 3, 3], as Σ_k θ^k/k! X^k: the
 * K powers of each X are computed once and every θ only weights them, so the cost is one small matmul per
 * term for all B angles (scaling and squaring would square S·B matrices). ‖θX‖ ≤ maxNorm fixes K; float32
 * cancellation stays near e^maxNorm · 1e-7 relative. Differentiable in X (θ is treated as data).
 */
export function flowsTf(x: tf.Tensor3D, thetas: tf.Tensor2D, maxNorm: number): tf.Tensor4D {
  return tf.tidy(() => {
    const [s, n] = [x.shape[0], x.shape[1]];
    const b = thetas.shape[1];
    const terms = taylorTermsFor(maxNorm);
    const powers: tf.Tensor3D[] = [tf.eye(n).expandDims(0).tile([s, 1, 1]) as tf.Tensor3D];
    for (let k = 1; k <= terms; k++) powers.push(tf.matMul(powers[k - 1], x));
    const stacked = tf.stack(powers, 1).reshape([s, terms + 1, n * n]) as tf.Tensor3D;
    const inverse = Float32Array.from({ length: terms }, (_, k) => 1 / (k + 1));
    const factors = tf.concat([tf.ones([s, b, 1]), thetas.expandDims(2).mul(tf.tensor1d(inverse))], 2);
    const coefficients = tf.cumprod(factors, 2) as tf.Tensor3D;
    return tf.matMul(coefficients, stacked).reshape([s, b, n, n]) as tf.Tensor4D;
  });
}
