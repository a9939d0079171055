import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../rng';
import { createSac } from './createSac';
import { FusedSac } from './fusedSac';
import type { MlpWeights } from './mlp';
import { allocBatch, ReplayBuffer } from './replayBuffer';
import { Sac, type SacConfig, type SacSnapshot } from './sac';

tf.enableProdMode();

/** Transitions of a toy task: reward −‖s'‖, terminal within 0.5 of the origin (some terminals in every batch). */
function toyReplay(seed: number, obsDim: number): ReplayBuffer {
  const rng = new Rng(seed);
  const buf = new ReplayBuffer(1000, obsDim, 2, seed);
  for (let i = 0; i < 1000; i++) {
    const s = Array.from({ length: obsDim }, () => rng.uniform(-3, 3));
    const a = [rng.uniform(-0.1, 0.1), rng.uniform(-0.1, 0.1)];
    const next = s.map((v, k) => v + (a[k] ?? 0));
    const dist = Math.hypot(next[0], next[1]);
    buf.add(s, a, -dist, next, dist < 0.5);
  }
  return buf;
}

/** Largest |a − b| over a tensor, relative to the tensor's largest |b| (a per-tensor relative error). */
function relError(a: Float32Array, b: Float32Array): number {
  let diff = 0;
  let scale = 1e-8;
  for (let i = 0; i < a.length; i++) {
    diff = Math.max(diff, Math.abs(a[i] - b[i]));
    scale = Math.max(scale, Math.abs(b[i]));
  }
  return diff / scale;
}

function netError(a: MlpWeights, b: MlpWeights): number {
  expect(a.layers.map((l) => [l.inDim, l.outDim])).toEqual(b.layers.map((l) => [l.inDim, l.outDim]));
  return Math.max(
    ...a.layers.flatMap((l, i) => [relError(l.w, b.layers[i].w), relError(l.b, b.layers[i].b)]),
  );
}

function snapshotError(a: SacSnapshot, b: SacSnapshot): number {
  return Math.max(
    netError(a.actor, b.actor),
    ...[0, 1].flatMap((k) => [
      netError(a.critics[k], b.critics[k]),
      netError(a.targetCritics[k], b.targetCritics[k]),
    ]),
    Math.abs(a.logAlpha - b.logAlpha) / Math.abs(b.logAlpha),
  );
}

const TOL = 1e-4;

/** Run the fused and the tfjs learner side by side from one seed on identical batches, checking every step. */
function expectSameTraining(
  config: Partial<SacConfig> & Pick<SacConfig, 'obsDim' | 'seed'>,
  batchSize: number,
) {
  const ref = new Sac(config);
  const fused = new FusedSac(config);
  const replays = [toyReplay(9, config.obsDim), toyReplay(9, config.obsDim)];
  const batches = [allocBatch(batchSize, config.obsDim, 2), allocBatch(batchSize, config.obsDim, 2)];
  try {
    expect(snapshotError(fused.exportAll(), ref.exportAll())).toBe(0); // identical initial nets
    let worst = 0;
    for (let step = 0; step < 20; step++) {
      const lr = ref.update(replays[0].sample(batches[0]));
      const lf = fused.update(replays[1].sample(batches[1]));
      for (const key of ['critic', 'actor', 'alpha', 'alphaValue', 'entropy'] as const)
        expect(
          Math.abs(lf[key] - lr[key]) / Math.max(Math.abs(lr[key]), 1e-3),
          `${key} at ${step}`,
        ).toBeLessThan(TOL);
      const err = snapshotError(fused.exportAll(), ref.exportAll());
      expect(err, `weights at update ${step}`).toBeLessThan(TOL);
      worst = Math.max(worst, err);
    }
    // Same noise stream afterwards: exploration and deterministic actions agree too.
    const obs = Float32Array.from({ length: 3 * config.obsDim }, (_, i) => Math.sin(i));
    const [sr, sf] = [ref.sampleActions(obs, 3), fused.sampleActions(obs, 3)];
    const [ar, af] = [ref.act(obs, 3), fused.act(obs, 3)];
    for (let i = 0; i < 6; i++) {
      expect(sf[i]).toBeCloseTo(sr[i], 5);
      expect(af[i]).toBeCloseTo(ar[i], 5);
    }
    expect(netError(fused.exportActor(), ref.exportActor())).toBeLessThan(TOL);
    return worst;
  } finally {
    ref.dispose();
    fused.dispose();
  }
}

describe('fused SAC step vs the tfjs reference', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('base shapes (obs 2, 2×64, batch 64): nets, α and losses agree after each of 20 updates', () => {
    expectSameTraining({ obsDim: 2, seed: 5 }, 64);
  });

  it('baseline-like and odd shapes (obs 4 and 3, widths 30, 3 hidden layers, batch 37) agree too', () => {
    expectSameTraining({ obsDim: 4, seed: 6 }, 37);
    expectSameTraining({ obsDim: 3, seed: 7, hidden: 30, hiddenLayers: 3, gamma: 0.9, initAlpha: 0.5 }, 21);
  });

  it('plain-JS kernels give the same numbers as the SIMD kernels', () => {
    const simd = new FusedSac({ obsDim: 2, seed: 8 });
    const js = new FusedSac({ obsDim: 2, seed: 8 }, { kernels: 'js' });
    expect([simd.kernelKind, js.kernelKind]).toEqual(['wasm-simd', 'js']);
    const replay = toyReplay(4, 2);
    const batch = allocBatch(32, 2, 2);
    for (let i = 0; i < 10; i++) {
      replay.sample(batch);
      const [a, b] = [simd.update(batch), js.update(batch)];
      expect(Math.abs(a.critic - b.critic) / Math.abs(b.critic)).toBeLessThan(1e-5);
    }
    expect(snapshotError(simd.exportAll(), js.exportAll())).toBeLessThan(1e-5);
  });

  it('snapshots keep the tfjs format both ways; a larger batch later grows the buffers', () => {
    const ref = createSac({ obsDim: 2, seed: 11 }, 'tfjs');
    const fused = createSac({ obsDim: 2, seed: 99 });
    expect([ref.impl, fused.impl]).toEqual(['tfjs', 'fused']);
    const replay = toyReplay(4, 2);
    for (let i = 0; i < 5; i++) ref.update(replay.sample(allocBatch(32, 2, 2)));
    fused.importAll(ref.exportAll());
    expect(snapshotError(fused.exportAll(), ref.exportAll())).toBe(0);
    const back = createSac({ obsDim: 2, seed: 1 }, 'tfjs');
    back.importAll(fused.exportAll());
    expect(snapshotError(back.exportAll(), ref.exportAll())).toBe(0);
    const big = allocBatch(300, 2, 2); // beyond the 256 rows allocated up front
    const losses = fused.update(replay.sample(big));
    expect(Number.isFinite(losses.critic)).toBe(true);
    expect(fused.updates).toBe(1);
    for (const s of [ref, fused, back]) s.dispose();
  });
});
