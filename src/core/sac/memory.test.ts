// Long-run memory check: tfjs tensor count and bytes stay flat over 1k SAC updates and 10k discovery-loss steps.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../rng';
import { differentialLoss, functionalLoss } from '../symmetry/symmetryLosses';
import { allocBatch, ReplayBuffer } from './replayBuffer';
import { Sac } from './sac';

tf.enableProdMode();

/** What tfjs holds at one moment; all three must be constant once training has warmed up. */
interface TensorFootprint {
  step: number;
  numTensors: number;
  numBytes: number;
  numDataBuffers: number;
}

const footprint = (step: number): TensorFootprint => {
  const m = tf.memory();
  return { step, numTensors: m.numTensors, numBytes: m.numBytes, numDataBuffers: m.numDataBuffers };
};

/** Every sample equals the first one (no growth, no shrink) in tensors, bytes and data buffers. */
function expectFlat(samples: readonly TensorFootprint[]): void {
  const [first] = samples;
  for (const s of samples) {
    expect({ ...s, step: first.step }, `at step ${s.step}`).toEqual(first);
  }
}

/** Transitions of a toy reaching task: reward −‖s'‖, terminal within 0.2 of the origin (seeded). */
function toyReplay(seed: number): ReplayBuffer {
  const rng = new Rng(seed);
  const buf = new ReplayBuffer(4000, 2, 2, seed);
  for (let i = 0; i < 4000; i++) {
    const s = [rng.uniform(-3, 3), rng.uniform(-3, 3)];
    const a = [rng.uniform(-0.1, 0.1), rng.uniform(-0.1, 0.1)];
    const next = [s[0] + a[0], s[1] + a[1]];
    const dist = Math.hypot(next[0], next[1]);
    buf.add(s, a, -dist, next, dist < 0.2);
  }
  return buf;
}

describe('tfjs memory over long training runs', () => {
  beforeAll(async () => {
    if (!(await tf.setBackend('wasm'))) await tf.setBackend('cpu');
  });

  // 10k SAC updates take minutes on a 2-core CI box; 1k updates with the real batch size cover the same code path.
  it('1,000 SAC updates (batch 256) keep tensors and bytes constant; dispose frees all', () => {
    const start = tf.memory().numTensors;
    const sac = new Sac({ obsDim: 2, seed: 11 });
    const replay = toyReplay(5);
    const batch = allocBatch(256, 2, 2);
    for (let i = 0; i < 10; i++) sac.update(replay.sample(batch), true); // optimizer slots appear here
    const samples: TensorFootprint[] = [footprint(0)];
    let lastCritic = Number.NaN;
    for (let i = 1; i <= 1000; i++) {
      lastCritic = sac.update(replay.sample(batch), i % 50 === 0).critic;
      if (i % 100 === 0) samples.push(footprint(i));
    }
    expect(Number.isFinite(lastCritic)).toBe(true);
    expectFlat(samples);
    sac.dispose();
    expect(tf.memory().numTensors).toBe(start);
  });

  it('10,000 Adam steps of the discovery losses keep tensors and bytes constant', () => {
    const start = tf.memory().numTensors;
    const rng = new Rng(17);
    const b = 64;
    const center = [0.5, -0.3];
    const raw = Array.from({ length: 2 * b }, () => rng.uniform(-2, 2));
    const points = tf.tensor2d(raw, [b, 2]);
    // Normals of the circular reward −‖p − c‖ at each point: (p − c)/‖p − c‖.
    const normals = tf.tidy(() => {
      const d = points.sub(tf.tensor2d([center]));
      return d.div(d.norm('euclidean', 1, true).maximum(1e-9)) as tf.Tensor2D;
    });
    const thetas = tf.tensor1d(Array.from({ length: b }, () => rng.uniform(0, 2 * Math.PI)));
    const centerT = tf.tensor2d([center]);
    const reward = (p: tf.Tensor2D) => p.sub(centerT).square().sum(1).sqrt().neg() as tf.Tensor1D;
    const init = tf.tensor1d([0.1, -1, 0.2, 1, 0.05, -0.3]);
    const x = tf.variable(init);
    init.dispose();
    const opt = tf.train.adam(0.02);
    const step = (loss: () => tf.Scalar): number => {
      const l = opt.minimize(loss, true, [x]);
      const v = l ? l.dataSync()[0] : Number.NaN;
      l?.dispose();
      return v;
    };
    const differential = () => differentialLoss(x, points, normals);
    const functional = () => functionalLoss(x, points, thetas, reward, 2 * Math.PI);
    try {
      step(differential);
      step(functional); // Adam's slots exist after the first step
      const samples: TensorFootprint[] = [footprint(0)];
      let lossD = Number.NaN;
      let lossF = Number.NaN;
      // Nine differential steps per functional step: the functional loss (matrix exponentials) is ~10× dearer.
      for (let i = 1; i <= 10_000; i++) {
        if (i % 10 === 0) lossF = step(functional);
        else lossD = step(differential);
        if (i % 1000 === 0) samples.push(footprint(i));
      }
      expectFlat(samples);
      // The science still happens: both losses are small for the rotation field around the centre.
      expect(lossD).toBeLessThan(1e-3);
      expect(lossF).toBeLessThan(1e-2);
    } finally {
      tf.dispose([points, normals, thetas, centerT, x]);
      opt.dispose();
    }
    expect(tf.memory().numTensors).toBe(start);
  });
});
