// InfoNCE encoder: same-task contexts cluster (nearest-centroid accuracy), plain-JS forward matches tfjs, no leaks.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ENV } from '../env';
import { DEFAULT_FAMILY, taskAt } from '../families';
import { Rng } from '../rng';
import { collectContext, concatContexts } from './context';
import {
  ContextEncoderTf,
  contextFeatures,
  DEEP_SET_ENCODER_SHAPE,
  DEFAULT_ENCODER_SHAPE,
  encodeContext,
} from './contextEncoder';
import { contrastIndices, trainContextEncoder } from './infoNce';
import { featureCount } from './transitionFeatures';

beforeAll(async () => {
  tf.enableProdMode();
  await tf.setBackend('wasm');
});

const env = DEFAULT_ENV;
const angles = [0, Math.PI / 2, Math.PI, (3 * Math.PI) / 2].map((a) => a + 0.3);
const tasks = angles.map((a) => taskAt(DEFAULT_FAMILY, a));

describe('contrastive context encoder', () => {
  it('plain-JS encodeContext matches the tfjs encoder', () => {
    const enc = new ContextEncoderTf({ hidden: [16, 16], latentDim: 2 }, env.maxAction, 3);
    const ctx = collectContext(env, tasks[0], 16, 5);
    const zTf = tf.tidy(() =>
      enc.encode(tf.tensor2d(contextFeatures(ctx, env.maxAction), [16, 7]), 1).dataSync(),
    );
    const z = encodeContext(enc.exportWeights(), ctx);
    enc.dispose();
    expect(Math.hypot(z[0], z[1])).toBeCloseTo(1, 5);
    expect(z[0]).toBeCloseTo(zTf[0], 4);
    expect(z[1]).toBeCloseTo(zTf[1], 4);
  });

  it('plain-JS encodeContext matches the tfjs deep set (φ, mean-pool, ρ) on degree-2 features', () => {
    const shape = DEEP_SET_ENCODER_SHAPE;
    const enc = new ContextEncoderTf(shape, env.maxAction, 4);
    const ctxs = [0, 1].map((t) => collectContext(env, tasks[t], 16, 9 + t));
    const dim = featureCount(shape.features);
    expect(dim).toBe(13);
    const rows = new Float32Array(32 * dim);
    rows.set(contextFeatures(ctxs[0], env.maxAction, shape.features), 0);
    rows.set(contextFeatures(ctxs[1], env.maxAction, shape.features), 16 * dim);
    const zTf = tf.tidy(() => enc.encode(tf.tensor2d(rows, [32, dim]), 2).dataSync());
    const weights = enc.exportWeights();
    enc.dispose();
    expect(weights.post).toBeDefined();
    ctxs.forEach((ctx, c) => {
      const z = encodeContext(weights, ctx);
      expect(z.length).toBe(shape.latentDim);
      expect(Math.hypot(...z)).toBeCloseTo(1, 5);
      for (let j = 0; j < z.length; j++) expect(z[j]).toBeCloseTo(zTf[c * shape.latentDim + j], 4);
    });
  });

  it('pairs each anchor with a same-task positive and other-task negatives', () => {
    const idx = contrastIndices(3, 4, 12, new Rng(1));
    for (let a = 0; a < 12; a++) {
      const task = Math.floor(a / 4);
      const row = Array.from(idx.subarray(a * 13, a * 13 + 13));
      expect(Math.floor(row[0] / 4)).toBe(task);
      expect(row[0]).not.toBe(a);
      for (const c of row.slice(1)) expect(Math.floor(c / 4)).not.toBe(task);
    }
  });

  it('clusters held-out contexts by task (nearest centroid ≥ 0.9) without leaking tensors', async () => {
    const before = tf.memory().numTensors;
    // The ref's τ = 1 (the default).
    const { encoder, curve } = await trainContextEncoder(env, tasks, { steps: 800, seed: 7 });
    expect(tf.memory().numTensors).toBe(before);
    expect(curve[curve.length - 1].loss).toBeLessThan(0.8 * curve[0].loss);
    // A held-out context = `runs` fresh runs of the fixed rule (16 transitions each), seeds unseen in training.
    const contextOf = (t: number, seed: number, runs: number) =>
      concatContexts(Array.from({ length: runs }, (_, q) => collectContext(env, tasks[t], 16, seed + q)));
    const accuracy = (runs: number) => {
      const centroids = tasks.map((_, t) => {
        const c = new Float64Array(DEFAULT_ENCODER_SHAPE.latentDim);
        for (let r = 0; r < 20; r++) {
          const z = encodeContext(encoder, contextOf(t, 1_000_000 + 10 * r, runs));
          for (let j = 0; j < c.length; j++) c[j] += z[j];
        }
        return c;
      });
      let correct = 0;
      for (let t = 0; t < tasks.length; t++) {
        for (let r = 0; r < 25; r++) {
          const z = encodeContext(encoder, contextOf(t, 2_000_000 + 1000 * t + 10 * r, runs));
          const dots = centroids.map((c) => c.reduce((a, v, j) => a + v * z[j], 0) / Math.hypot(...c));
          if (dots.indexOf(Math.max(...dots)) === t) correct++;
        }
      }
      return correct / (25 * tasks.length);
    };
    const acc64 = accuracy(4);
    const acc16 = accuracy(1);
    console.log(
      `InfoNCE loss ${curve[0].loss.toFixed(3)} → ${curve[curve.length - 1].loss.toFixed(3)}; nearest-centroid accuracy: 64-transition contexts ${acc64}, one 16-step run ${acc16}`,
    );
    expect(acc64).toBeGreaterThanOrEqual(0.9);
    expect(acc16).toBeGreaterThanOrEqual(0.9);
  });
});
