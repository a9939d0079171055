// Results agree across tfjs backends (cpu vs wasm in Node) within stated tolerances.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, describe, expect, it } from 'vitest';
import { radToDeg } from './angles';
import { DEFAULT_ENV, euclideanTask } from './env';
import { collectExploration } from './explorationData';
import { estimateKernelFrames } from './frames/kernelFrames';
import { generatorAngleError } from './lie';
import { Rng } from './rng';
import { allocBatch, ReplayBuffer } from './sac/replayBuffer';
import { Sac } from './sac/sac';
import { fitDifferentialGenerator } from './symmetry/differentialFit';

tf.enableProdMode();

async function onBackend<T>(name: 'cpu' | 'wasm', f: () => T): Promise<T> {
  if (!(await tf.setBackend(name))) throw new Error(`backend ${name} unavailable`);
  await tf.ready();
  return f();
}

function sacRun(): { losses: number[]; actor: Float32Array } {
  const rng = new Rng(5);
  const replay = new ReplayBuffer(2000, 2, 2, 3);
  for (let i = 0; i < 2000; i++) {
    const s = [rng.uniform(-3, 3), rng.uniform(-3, 3)];
    const a = [rng.uniform(-0.1, 0.1), rng.uniform(-0.1, 0.1)];
    replay.add(s, a, -Math.hypot(s[0] - 1, s[1]), [s[0] + a[0], s[1] + a[1]], false);
  }
  const sac = new Sac({ obsDim: 2, seed: 9 });
  const batch = allocBatch(128, 2, 2);
  const losses: number[] = [];
  try {
    for (let i = 0; i < 30; i++) losses.push(sac.update(replay.sample(batch), true).critic);
    return { losses, actor: sac.exportActor().layers[0].w };
  } finally {
    sac.dispose();
  }
}

describe('backend agreement (cpu vs wasm)', () => {
  afterAll(async () => {
    await tf.setBackend('cpu');
  });

  it('30 SAC updates from one seed: critic losses within 1e-3 relative, first-layer weights within 1e-4', async () => {
    const cpu = await onBackend('cpu', sacRun);
    const wasm = await onBackend('wasm', sacRun);
    for (let i = 0; i < cpu.losses.length; i++)
      expect(Math.abs(cpu.losses[i] - wasm.losses[i])).toBeLessThan(
        1e-3 * Math.max(1, Math.abs(cpu.losses[i])),
      );
    let worst = 0;
    for (let i = 0; i < cpu.actor.length; i++)
      worst = Math.max(worst, Math.abs(cpu.actor[i] - wasm.actor[i]));
    expect(worst).toBeLessThan(1e-4);
  });

  it('differential discovery from one seed lands on the same generator (within 0.01°)', async () => {
    const samples = collectExploration(DEFAULT_ENV, euclideanTask([0.5, -0.3]), {
      transitions: 4000,
      seed: 2,
    });
    const frames = estimateKernelFrames(samples, { estimator: 'gradient', radius: 0.15 });
    const fit = () => fitDifferentialGenerator(frames, { seed: 4, steps: 150, lr: 0.3 }).generator;
    const a = await onBackend('cpu', fit);
    const b = await onBackend('wasm', fit);
    expect(radToDeg(generatorAngleError(a, b))).toBeLessThan(0.01);
  });
});
