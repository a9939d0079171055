// Dense layer y = act(x·W + b) with a hand-written gradient that keeps every matmul 2-D and untransposed.
import * as tf from '@tensorflow/tfjs';

/*
 * Why: on the wasm backend an untransposed 2-D matMul takes the fast XNNPACK path (≈50 µs for
 * 128×64·64×64 here), while transposeA/transposeB matMuls — which tfjs's own matMul gradient uses —
 * and every 3-D batched matMul take a slow path (≈0.5–1 ms). Transposing explicitly is cheap.
 * dX = dZ · Wᵀ, dW = Xᵀ · dZ, db = Σ_rows dZ, with dZ = dY ⊙ [y > 0] for ReLU.
 */

type DenseFn = (x: tf.Tensor2D, w: tf.Tensor2D, b: tf.Tensor1D) => tf.Tensor2D;

function makeDense(relu: boolean): DenseFn {
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [x, w, b, save] = args as [tf.Tensor, tf.Tensor, tf.Tensor, tf.GradSaveFunc];
    const z = tf.add(tf.matMul(x as tf.Tensor2D, w as tf.Tensor2D), b);
    const y = relu ? tf.relu(z) : z;
    save([x, w, y]);
    return {
      value: y,
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [xs, ws, ys] = saved as [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D];
        const dz = (relu ? tf.mul(dy, tf.step(ys)) : dy) as tf.Tensor2D;
        return [tf.matMul(dz, tf.transpose(ws)), tf.matMul(tf.transpose(xs), dz), tf.sum(dz, 0)];
      },
    };
  });
  return op as unknown as DenseFn;
}

export const denseRelu: DenseFn = makeDense(true);
export const denseLinear: DenseFn = makeDense(false);

export interface DenseVars {
  w: tf.Variable;
  b: tf.Variable;
}

/** An MLP forward through dense layers: ReLU on every layer but the last. */
export function mlpTf(layers: readonly DenseVars[], x: tf.Tensor2D): tf.Tensor2D {
  const last = layers.length - 1;
  let h = x;
  for (let l = 0; l < last; l++) h = denseRelu(h, layers[l].w as tf.Tensor2D, layers[l].b as tf.Tensor1D);
  return denseLinear(h, layers[last].w as tf.Tensor2D, layers[last].b as tf.Tensor1D);
}
