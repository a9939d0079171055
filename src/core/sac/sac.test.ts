import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../rng';
import { actorPolicy } from './actorPolicy';
import { mlpForward } from './mlp';
import { allocBatch, ReplayBuffer } from './replayBuffer';
import { Sac } from './sac';

tf.enableProdMode();

/** Transitions of a toy task: reward −‖s'‖, terminal within 0.2 of the origin. */
function toyReplay(seed: number, obsDim = 2): ReplayBuffer {
  const rng = new Rng(seed);
  const buf = new ReplayBuffer(2000, obsDim, 2, seed);
  for (let i = 0; i < 2000; i++) {
    const s = Array.from({ length: obsDim }, () => rng.uniform(-3, 3));
    const a = [rng.uniform(-0.1, 0.1), rng.uniform(-0.1, 0.1)];
    const next = s.map((v, k) => v + (a[k] ?? 0));
    const dist = Math.hypot(next[0], next[1]);
    buf.add(s, a, -dist, next, dist < 0.2);
  }
  return buf;
}

describe('Soft Actor-Critic (tfjs)', () => {
  beforeAll(async () => {
    // wasm is ~8× faster than cpu here; fall back to cpu where wasm cannot start.
    if (!(await tf.setBackend('wasm'))) await tf.setBackend('cpu');
  });

  it('leaks no tensors over 100 updates and dispose() frees everything', () => {
    const start = tf.memory().numTensors;
    const sac = new Sac({ obsDim: 2, seed: 1 });
    const replay = toyReplay(1);
    const batch = allocBatch(64, 2, 2);
    for (let i = 0; i < 5; i++) sac.update(replay.sample(batch)); // warm-up: optimizer slots appear
    const before = tf.memory().numTensors;
    for (let i = 0; i < 100; i++) {
      const losses = sac.update(replay.sample(batch), i % 10 === 0);
      expect(Number.isFinite(losses.critic)).toBe(true);
    }
    sac.sampleActions(new Float32Array([0, 0, 1, 1]), 2);
    sac.act(new Float32Array([0, 0]), 1);
    sac.exportAll();
    expect(tf.memory().numTensors).toBe(before);
    sac.dispose();
    expect(tf.memory().numTensors).toBe(start);
  });

  it('same seed ⇒ same weights and losses; exported actor matches the tfjs actor', () => {
    const run = () => {
      const sac = new Sac({ obsDim: 4, seed: 7 });
      const replay = toyReplay(3, 4);
      const batch = allocBatch(32, 4, 2);
      let losses = sac.update(replay.sample(batch));
      for (let i = 0; i < 20; i++) losses = sac.update(replay.sample(batch));
      const obs = new Float32Array([0.5, -1, 2, 0.3, -2, 1, 0, 0]);
      const tfAct = sac.act(obs, 2);
      const actor = sac.exportActor();
      sac.dispose();
      return { losses, tfAct, actor, obs };
    };
    const a = run();
    const b = run();
    expect(a.losses).toEqual(b.losses);
    expect(Array.from(a.actor.layers[0].w)).toEqual(Array.from(b.actor.layers[0].w));
    expect(a.actor.layers[a.actor.layers.length - 1].outDim).toBe(2);
    const mean = mlpForward(a.actor, a.obs, 2);
    for (let i = 0; i < 4; i++) expect(0.1 * Math.tanh(mean[i])).toBeCloseTo(a.tfAct[i], 5);
    // actorPolicy with an obsTransform that appends a fixed context to the state
    const policy = actorPolicy(a.actor, 0.1, (states, n, obs) => {
      for (let i = 0; i < n; i++)
        obs.set([states[2 * i], states[2 * i + 1], i === 0 ? 2 : 0, i === 0 ? 0.3 : 0], 4 * i);
    });
    const actions = new Float64Array(4);
    policy(Float64Array.from([0.5, -1, -2, 1]), 2, actions, new Rng(0));
    for (let i = 0; i < 4; i++) expect(actions[i]).toBeCloseTo(a.tfAct[i], 5);
  });

  it('exportAll → importAll reproduces the nets and α', () => {
    const src = new Sac({ obsDim: 2, seed: 11 });
    const replay = toyReplay(4);
    const batch = allocBatch(32, 2, 2);
    for (let i = 0; i < 10; i++) src.update(replay.sample(batch));
    const snap = src.exportAll();
    const dst = new Sac({ obsDim: 2, seed: 99 });
    dst.importAll(snap);
    const again = dst.exportAll();
    expect(again.logAlpha).toBeCloseTo(snap.logAlpha, 6);
    expect(Array.from(again.critics[1].layers[1].w)).toEqual(Array.from(snap.critics[1].layers[1].w));
    expect(Array.from(again.targetCritics[0].layers[2].b)).toEqual(
      Array.from(snap.targetCritics[0].layers[2].b),
    );
    expect(Array.from(again.actor.layers[2].w)).toEqual(Array.from(snap.actor.layers[2].w));
    // the two critics were initialised differently (twin critics are not copies)
    expect(Array.from(snap.critics[0].layers[0].w)).not.toEqual(Array.from(snap.critics[1].layers[0].w));
    src.dispose();
    dst.dispose();
  });

  it('critic learns terminal vs bootstrapped targets: done=1 regresses Q to r, done=0 does not', () => {
    // All transitions self-loop at s with reward −1; only the terminal flag differs by region.
    const sac = new Sac({ obsDim: 2, seed: 5, gamma: 0.5, tau: 0.05, lrCritic: 3e-3, initAlpha: 1e-4 });
    const buf = new ReplayBuffer(400, 2, 2, 2);
    const rng = new Rng(8);
    for (let i = 0; i < 400; i++) {
      const terminal = i % 2 === 0;
      const s = [terminal ? rng.uniform(1, 2) : rng.uniform(-2, -1), rng.uniform(-1, 1)];
      buf.add(s, [rng.uniform(-0.1, 0.1), rng.uniform(-0.1, 0.1)], -1, s, terminal);
    }
    const batch = allocBatch(64, 2, 2);
    for (let i = 0; i < 400; i++) sac.update(buf.sample(batch), false);
    const snap = sac.exportAll();
    const q = (x: number) => {
      const input = Float64Array.from([x, 0, 0, 0]);
      return Math.min(mlpForward(snap.critics[0], input, 1)[0], mlpForward(snap.critics[1], input, 1)[0]);
    };
    // terminal: Q = −1; bootstrapped: Q = −1/(1 − γ) = −2
    expect(q(1.5)).toBeCloseTo(-1, 0);
    expect(q(-1.5)).toBeLessThan(-1.6);
    sac.dispose();
  });
});
