// Tests of the unit-cost probes: finite positive timings, and no tfjs tensors left behind.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { measureEncoderStepMs, measureEnvStepMs, measureRaceStepMs, measureSac } from './speedProbes';

beforeAll(async () => {
  tf.enableProdMode();
  await tf.setBackend('wasm');
});

describe('speed probes', () => {
  it('time a SAC update, a sampled action and a race step without leaking tensors', () => {
    const before = tf.memory().numTensors;
    const sac = measureSac();
    const race = measureRaceStepMs(4);
    expect(tf.memory().numTensors).toBe(before);
    for (const ms of [sac.updateMs, sac.actMs, race]) {
      expect(Number.isFinite(ms)).toBe(true);
      expect(ms).toBeGreaterThan(0);
    }
    // An update (two critics, actor, α on batch 256) does far more than one sampled action.
    expect(sac.updateMs).toBeGreaterThan(sac.actMs);
    expect(sac.kernels).toBe('tfjs');
  });

  it('time the fused SAC step on its WebAssembly-SIMD kernels (what training runs by default)', () => {
    const before = tf.memory().numTensors;
    const fused = measureSac('fused');
    expect(tf.memory().numTensors).toBe(before);
    expect(fused.kernels).toBe('wasm-simd');
    for (const ms of [fused.updateMs, fused.actMs]) {
      expect(Number.isFinite(ms)).toBe(true);
      expect(ms).toBeGreaterThan(0);
    }
  });

  it('time the baseline encoder’s training step, fused and tfjs, without leaking tensors', () => {
    const before = tf.memory().numTensors;
    const fused = measureEncoderStepMs('fused');
    const tfjs = measureEncoderStepMs('tfjs');
    expect(tf.memory().numTensors).toBe(before);
    for (const ms of [fused, tfjs]) {
      expect(Number.isFinite(ms)).toBe(true);
      expect(ms).toBeGreaterThan(0);
    }
  });

  it('times an env step in microseconds, not milliseconds', () => {
    const ms = measureEnvStepMs(2000);
    expect(ms).toBeGreaterThan(0);
    expect(ms).toBeLessThan(0.05);
  });
});
