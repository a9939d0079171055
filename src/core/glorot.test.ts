// Our Glorot-uniform initializer gives the same bits as tfjs-layers' (the pretrained runs were seeded through it).
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { glorotUniform } from './glorot';

describe('glorotUniform', () => {
  it('matches tf.initializers.glorotUniform bit for bit', () => {
    for (const [shape, seed] of [
      [[2, 64], 7],
      [[64, 64], 1301],
      [[64, 4], 0],
      [[6, 64], 2 * 101 + 1],
      [[1, 1], 42],
    ] as [[number, number], number][]) {
      const ours = tf.tidy(() => glorotUniform(shape, seed).dataSync());
      const layers = tf.tidy(() => tf.initializers.glorotUniform({ seed }).apply(shape).dataSync());
      expect(ours).toEqual(layers);
      const limit = Math.sqrt(6 / (shape[0] + shape[1]));
      expect(Math.max(...ours.map(Math.abs))).toBeLessThanOrEqual(limit);
    }
  });
});
