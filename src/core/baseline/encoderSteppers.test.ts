// The fused encoder step against the tfjs autodiff reference, step by step on the same batches; no tensors leak.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../rng';
import { DEEP_SET_ENCODER_SHAPE, DEFAULT_ENCODER_SHAPE, type EncoderShape } from './contextEncoder';
import { type EncoderBatch, type EncoderStepSpec, encoderStepper } from './encoderSteppers';
import { contrastIndices } from './infoNce';
import { featureCount } from './transitionFeatures';

beforeAll(async () => {
  tf.enableProdMode();
  await tf.setBackend('wasm');
});

const TASKS = 4;
const PER_TASK = 3;
const CONTEXT = 8;
const TARGETS = 5;

function spec(shape: EncoderShape, recon: boolean): EncoderStepSpec {
  return {
    shape,
    maxAction: 0.1,
    seed: 17,
    contexts: TASKS * PER_TASK,
    contextSize: CONTEXT,
    cols: 1 + 6,
    temperature: 0.3,
    lr: 3e-3,
    recon: recon ? { weight: 100, targets: TARGETS, hidden: [16, 12] } : null,
  };
}

/** Random but task-structured batches: each task's features drawn around its own mean. */
function batches(shape: EncoderShape, n: number): EncoderBatch[] {
  const rng = new Rng(3);
  const F = featureCount(shape.features);
  const M = TASKS * PER_TASK;
  return Array.from({ length: n }, () => ({
    features: Float32Array.from({ length: M * CONTEXT * F }, (_, i) => {
      const task = Math.floor(i / (PER_TASK * CONTEXT * F));
      return 0.3 * task - 0.4 + 0.5 * rng.normal();
    }),
    idx: contrastIndices(TASKS, PER_TASK, 6, rng),
    targetStates: Float32Array.from({ length: M * TARGETS * 2 }, () => rng.uniform(-1, 1)),
    targetRewards: Float32Array.from({ length: M * TARGETS }, () => rng.uniform(-2, 0)),
  }));
}

const flat = (w: ReturnType<ReturnType<typeof encoderStepper>['weights']>) =>
  [...w.mlp.layers, ...(w.post?.layers ?? [])].flatMap((l) => [...l.w, ...l.b]);

describe('encoder steppers', () => {
  const cases: [string, EncoderShape, boolean][] = [
    ['deep set with reward reconstruction (the baseline’s)', DEEP_SET_ENCODER_SHAPE, true],
    ['one MLP straight to z, InfoNCE only', { ...DEFAULT_ENCODER_SHAPE, hidden: [16, 16] }, false],
  ];
  for (const [name, shape, recon] of cases) {
    it(`${name}: the fused step gives tfjs's losses and weights`, () => {
      const data = batches(shape, 12);
      const before = tf.memory().numTensors;
      const fused = encoderStepper(spec(shape, recon), 'fused');
      // Initialisation happens in tfjs (its seeded glorotUniform) and leaves nothing behind.
      expect(tf.memory().numTensors).toBe(before);
      const ref = encoderStepper(spec(shape, recon), 'tfjs');
      const start = flat(ref.weights());
      expect(flat(fused.weights())).toEqual(start);
      for (const b of data) {
        const a = fused.step(b);
        const r = ref.step(b);
        expect(Number.isFinite(a)).toBe(true);
        expect(Math.abs(a - r)).toBeLessThan(1e-4 * Math.max(1, Math.abs(r)));
      }
      const wa = flat(fused.weights());
      const wr = flat(ref.weights());
      const scale = Math.max(...wr.map(Math.abs));
      expect(Math.max(...wa.map((v, i) => Math.abs(v - wr[i])))).toBeLessThan(1e-4 * scale);
      // Twelve Adam steps at lr 3e-3 moved the weights far more than the two paths differ.
      expect(Math.max(...wr.map((v, i) => Math.abs(v - start[i])))).toBeGreaterThan(1e-2 * scale);
      ref.dispose();
      fused.dispose();
      expect(tf.memory().numTensors).toBe(before);
    });
  }
});
