// InfoNCE encoder: same-task contexts cluster (nearest-centroid accuracy), plain-JS forward matches tfjs, no leaks.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { degToRad, radToDeg } from '../angles';
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

  it('continues from given weights (same shape) and refuses weights of another shape', () => {
    const a = new ContextEncoderTf(DEEP_SET_ENCODER_SHAPE, env.maxAction, 1);
    const w = a.exportWeights();
    a.dispose();
    const b = new ContextEncoderTf(DEEP_SET_ENCODER_SHAPE, env.maxAction, 99, w);
    const back = b.exportWeights();
    b.dispose();
    expect(Array.from(back.mlp.layers[1].w)).toEqual(Array.from(w.mlp.layers[1].w));
    expect(Array.from(back.post?.layers[0].b ?? [])).toEqual(Array.from(w.post?.layers[0].b ?? []));
    const before = tf.memory().numTensors;
    expect(
      () => new ContextEncoderTf({ ...DEEP_SET_ENCODER_SHAPE, embedDim: 16 }, env.maxAction, 1, w),
    ).toThrow(/do not match/);
    expect(() => new ContextEncoderTf(DEFAULT_ENCODER_SHAPE, env.maxAction, 1, w)).toThrow();
    // φ fits but ρ does not: φ's variables are freed again.
    expect(
      () => new ContextEncoderTf({ ...DEEP_SET_ENCODER_SHAPE, postHidden: [32] }, env.maxAction, 1, w),
    ).toThrow(/do not match/);
    // Refused before any variable is made.
    expect(tf.memory().numTensors).toBe(before);
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
    // The ref's τ = 1 (the default). This first form starts on the collapsed plateau (every z alike, loss ln 13)
    // and leaves it only through float noise that Adam amplifies: the tfjs reference's float32 rounding gets it off
    // by step ~200 here, while the fused step's exact float64 softmax gives a near-zero gradient and can sit there
    // for most of the 800 steps (seeds 7, 8, 11; both alike on 9, 10). The baseline's deep set with reconstruction
    // has no such plateau (its test below runs the fused default), so this test pins the reference.
    const { encoder, curve } = await trainContextEncoder(env, tasks, { steps: 800, seed: 7, impl: 'tfjs' });
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

  it('with reward reconstruction, a 2-D deep set keeps the tasks round the ring in order, and names them', async () => {
    const six = Array.from({ length: 6 }, (_, i) => taskAt(DEFAULT_FAMILY, (i * Math.PI) / 3 + 0.2));
    const before = tf.memory().numTensors;
    const { encoder } = await trainContextEncoder(env, six, {
      steps: 1500,
      seed: 5,
      temperature: 0.3,
      contextSize: 16,
      shape: DEEP_SET_ENCODER_SHAPE,
      reconstruction: { weight: 100 },
    });
    // The decoder is discarded with the optimiser: nothing leaks.
    expect(tf.memory().numTensors).toBe(before);
    expect(encoder.post).toBeDefined();
    const zOf = (t: number, seed: number) => encodeContext(encoder, collectContext(env, six[t], 16, seed));
    const centroidAngle = six.map((_, t) => {
      let x = 0;
      let y = 0;
      for (let r = 0; r < 20; r++) {
        const z = zOf(t, 3_000_000 + 100 * t + r);
        x += z[0];
        y += z[1];
      }
      return Math.atan2(y, x);
    });
    // In order round the ring: consecutive tasks step the same way, by roughly 60° each.
    const steps = centroidAngle.map((a, t) => {
      const d = centroidAngle[(t + 1) % 6] - a;
      return Math.atan2(Math.sin(d), Math.cos(d));
    });
    const sign = Math.sign(steps[0]);
    for (const d of steps) {
      expect(Math.sign(d)).toBe(sign);
      expect(Math.abs(d)).toBeGreaterThan(degToRad(25));
    }
    let correct = 0;
    for (let t = 0; t < 6; t++) {
      for (let r = 0; r < 20; r++) {
        const z = zOf(t, 4_000_000 + 100 * t + r);
        const errs = centroidAngle.map((a) =>
          Math.abs(Math.atan2(Math.sin(Math.atan2(z[1], z[0]) - a), Math.cos(Math.atan2(z[1], z[0]) - a))),
        );
        if (errs.indexOf(Math.min(...errs)) === t) correct++;
      }
    }
    console.log(
      `reconstruction deep set, 6 tasks: centroid steps ${steps.map((d) => radToDeg(d).toFixed(0)).join(' ')}°, one-run accuracy ${(correct / 120).toFixed(3)}`,
    );
    // Measured (seed 5): steps 61 64 59 62 54 59°, accuracy 0.925; after 500 steps the ring was still folded.
    expect(correct / 120).toBeGreaterThanOrEqual(0.85);
  });
});
