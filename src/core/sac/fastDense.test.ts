import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { denseLinear, denseRelu } from './fastDense';

tf.enableProdMode();

describe('dense layer with hand-written gradient', () => {
  it('value and gradients match tfjs autodiff of relu(x·W + b) and x·W + b', async () => {
    await tf.setBackend('cpu');
    const start = tf.memory().numTensors;
    tf.tidy(() => {
      const x = tf.randomNormal([7, 5], 0, 1, 'float32', 1) as tf.Tensor2D;
      const w = tf.randomNormal([5, 4], 0, 1, 'float32', 2) as tf.Tensor2D;
      const b = tf.randomNormal([4], 0, 1, 'float32', 3) as tf.Tensor1D;
      const c = tf.randomNormal([7, 4], 0, 1, 'float32', 4);
      for (const [fast, ref] of [
        [denseRelu, (a: tf.Tensor2D, v: tf.Tensor2D, u: tf.Tensor1D) => tf.relu(tf.add(tf.matMul(a, v), u))],
        [denseLinear, (a: tf.Tensor2D, v: tf.Tensor2D, u: tf.Tensor1D) => tf.add(tf.matMul(a, v), u)],
      ] as const) {
        const loss = (f: typeof ref) => (a: tf.Tensor, v: tf.Tensor, u: tf.Tensor) =>
          tf.sum(tf.mul(f(a as tf.Tensor2D, v as tf.Tensor2D, u as tf.Tensor1D), c));
        const got = tf.grads(loss(fast))([x, w, b]);
        const want = tf.grads(loss(ref))([x, w, b]);
        expect(tf.max(tf.abs(tf.sub(fast(x, w, b), ref(x, w, b)))).dataSync()[0]).toBeLessThan(1e-6);
        for (let i = 0; i < 3; i++) {
          expect(got[i].shape).toEqual(want[i].shape);
          expect(tf.max(tf.abs(tf.sub(got[i], want[i]))).dataSync()[0]).toBeLessThan(1e-5);
        }
      }
    });
    expect(tf.memory().numTensors).toBe(start);
  });
});
