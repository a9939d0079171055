// Benchmark of one SAC gradient update (batch 256, 2×64 nets by default) on a chosen tfjs backend; prints nothing itself.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { Rng } from '../rng';
import { allocBatch, ReplayBuffer } from './replayBuffer';
import { Sac } from './sac';

export interface SacBenchOptions {
  batchSize?: number;
  hidden?: number;
  warmupUpdates?: number;
}

/** Set the backend, fill a replay buffer with random transitions, warm up, then time `updates` updates. */
export async function benchSacUpdate(
  backend: 'cpu' | 'wasm',
  updates: number,
  opts: SacBenchOptions = {},
): Promise<{ msPerUpdate: number; backend: string; batchSize: number; hidden: number }> {
  if (!(await tf.setBackend(backend))) throw new Error(`benchSacUpdate: backend ${backend} is not available`);
  await tf.ready();
  const batchSize = opts.batchSize ?? 256;
  const hidden = opts.hidden ?? 64;
  const rng = new Rng(7);
  const replay = new ReplayBuffer(5000, 2, 2, 1);
  for (let i = 0; i < 5000; i++) {
    const s = [rng.uniform(-3, 3), rng.uniform(-3, 3)];
    const a = [rng.uniform(-0.1, 0.1), rng.uniform(-0.1, 0.1)];
    replay.add(s, a, -Math.hypot(s[0], s[1]), [s[0] + a[0], s[1] + a[1]], rng.next() < 0.01);
  }
  const sac = new Sac({ obsDim: 2, seed: 3, hidden });
  const batch = allocBatch(batchSize, 2, 2);
  try {
    for (let i = 0; i < (opts.warmupUpdates ?? 30); i++) sac.update(replay.sample(batch), i % 50 === 0);
    const t0 = performance.now();
    for (let i = 0; i < updates; i++) sac.update(replay.sample(batch), i % 50 === 0);
    return { msPerUpdate: (performance.now() - t0) / updates, backend: tf.getBackend(), batchSize, hidden };
  } finally {
    sac.dispose();
  }
}
