// Benchmark of one SAC gradient update (batch 256, 2×64 nets by default): tfjs on a chosen backend, or the fused step; prints nothing itself.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { Rng } from '../rng';
import { createSac } from './createSac';
import type { KernelKind } from './denseKernels';
import { FusedSac } from './fusedSac';
import { allocBatch, ReplayBuffer, type TransitionBatch } from './replayBuffer';
import type { SacImpl, SacTrainer } from './sacTrainer';

export interface SacBenchOptions {
  batchSize?: number;
  hidden?: number;
  warmupUpdates?: number;
  /** 'tfjs' (default here, on `backend`) or 'fused' (the backend then only serves the one-off initialisation). */
  impl?: SacImpl;
  /** The fused path's kernels: WebAssembly SIMD (default) or plain JS (the fallback). */
  kernels?: KernelKind;
}

export interface SacBenchFixture {
  sac: SacTrainer;
  replay: ReplayBuffer;
  batch: TransitionBatch;
  batchSize: number;
  hidden: number;
  /** What ran: the tfjs backend's name, or 'fused (wasm-simd)' / 'fused (js)'. */
  label: string;
}

/** Set the backend, fill a replay buffer with random transitions and build the learner (the caller disposes it). */
export async function sacBenchFixture(
  backend: 'cpu' | 'wasm',
  opts: SacBenchOptions = {},
): Promise<SacBenchFixture> {
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
  const config = { obsDim: 2, seed: 3, hidden };
  const sac =
    opts.impl === 'fused'
      ? new FusedSac(config, { kernels: opts.kernels })
      : createSac(config, opts.impl ?? 'tfjs');
  const label = sac instanceof FusedSac ? `fused (${sac.kernelKind})` : tf.getBackend();
  return { sac, replay, batch: allocBatch(batchSize, 2, 2), batchSize, hidden, label };
}

/** Warm up, then time `updates` updates (losses read every 50, as in training). */
export async function benchSacUpdate(
  backend: 'cpu' | 'wasm',
  updates: number,
  opts: SacBenchOptions = {},
): Promise<{ msPerUpdate: number; backend: string; batchSize: number; hidden: number }> {
  const f = await sacBenchFixture(backend, opts);
  try {
    for (let i = 0; i < (opts.warmupUpdates ?? 30); i++) f.sac.update(f.replay.sample(f.batch), i % 50 === 0);
    const t0 = performance.now();
    for (let i = 0; i < updates; i++) f.sac.update(f.replay.sample(f.batch), i % 50 === 0);
    const msPerUpdate = (performance.now() - t0) / updates;
    return { msPerUpdate, backend: f.label, batchSize: f.batchSize, hidden: f.hidden };
  } finally {
    f.sac.dispose();
  }
}

/**
 * Multiply-adds of the matrix products in one update (either implementation does the same products):
 * with F = B·Σ in·out of a forward pass and H the same without the first layer, actor 3F + H (forward on s'
 * and s, weight and hidden-input gradients), critics 10F + 2H (targets, critic step forward and backward,
 * forward and input gradient through both critics for the actor loss).
 */
export function sacUpdateMultiplyAdds(
  obsDim: number,
  actDim: number,
  hidden: number,
  layers: number,
  batch: number,
) {
  const macs = (dims: number[], from: number) =>
    batch * dims.slice(from, -1).reduce((s, d, i) => s + d * dims[from + i + 1], 0);
  const actor = [obsDim, ...Array(layers).fill(hidden), 2 * actDim];
  const critic = [obsDim + actDim, ...Array(layers).fill(hidden), 1];
  return 3 * macs(actor, 0) + macs(actor, 1) + 10 * macs(critic, 0) + 2 * macs(critic, 1);
}
