// Seeded Glorot-uniform initial weights from tfjs-core alone (the same numbers as tfjs-layers' glorotUniform).
import * as tf from '@tensorflow/tfjs';

/**
 * U(−limit, limit) with limit = √(6 / (fanIn + fanOut)), drawn by tf.randomUniform from `seed`. The arithmetic
 * follows tfjs-layers' VarianceScaling (scale 1, fan average, uniform) step by step, so the initial weights, and the
 * runs seeded from them, keep their bits; `glorot.test.ts` compares the two.
 */
export function glorotUniform(shape: [number, number], seed: number): tf.Tensor2D {
  const [fanIn, fanOut] = shape;
  let scale = 1;
  scale /= Math.max(1, (fanIn + fanOut) / 2);
  const limit = Math.sqrt(3 * scale);
  return tf.randomUniform(shape, -limit, limit, 'float32', seed);
}
