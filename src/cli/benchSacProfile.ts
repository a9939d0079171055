// Where one tfjs SAC update's time goes (Node only): kernel compute vs dispatch and tensor bookkeeping vs data movement vs GC.
import { PerformanceObserver } from 'node:perf_hooks';
import * as tf from '@tensorflow/tfjs';
import { sacBenchFixture } from '../core/sac/benchSac';

export interface SacUpdateProfile {
  backend: string;
  /** Wall time per update with the kernel timers on (losses read every 50 updates, as in training). */
  wallMs: number;
  /** Backend kernels dispatched per update (forward, autodiff backward, optimizers, Polyak, reads). */
  kernels: number;
  /** Time inside the backend's kernel functions per update (outermost calls only). */
  kernelMs: number;
  /** Creating the batch's 6 input tensors, plus 1/50 of reading the 5 losses back. */
  dataMs: number;
  /**
   * Garbage-collection pauses per update (Node's 'gc' performance entries during the timed loop). They fall
   * inside kernels or dispatch, so they are part of those two figures, not added to them.
   */
  gcMs: number;
  /** The rest of the wall time: op dispatch, autodiff tape, tidy and tensor bookkeeping, JS glue. */
  overheadMs: number;
  /** Tensors allocated (and freed) per update. */
  tensorsPerUpdate: number;
  /** The kernels that take the most time per update. */
  top: { name: string; count: number; ms: number }[];
}

/** Profile `updates` tfjs SAC updates (batch 256, 2×64) on `backend`. */
export async function profileTfjsSacUpdate(
  backend: 'cpu' | 'wasm',
  updates: number,
): Promise<SacUpdateProfile> {
  const f = await sacBenchFixture(backend, { impl: 'tfjs' });
  const step = (i: number) => f.sac.update(f.replay.sample(f.batch), i % 50 === 0);
  try {
    for (let i = 0; i < 20; i++) step(i);
    // Wall time, kernel time and GC pauses over the same updates: the kernel functions registered for the
    // backend are wrapped with timers (outermost calls only; tf.profile's kernelTimeMs would also count engine
    // bookkeeping and the Identity kernels it runs while recording, so its sum exceeds the wall time).
    let gcMs = 0;
    const gc = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) gcMs += e.duration;
    });
    const timer = timeKernels(tf.getBackend());
    gc.observe({ entryTypes: ['gc'] });
    const t0 = performance.now();
    try {
      for (let i = 0; i < updates; i++) step(i);
    } finally {
      timer.restore();
    }
    const wallMs = (performance.now() - t0) / updates;
    await new Promise((r) => setTimeout(r, 20)); // let the observer deliver
    gc.disconnect();
    let kernels = 0;
    let kernelMs = 0;
    for (const e of timer.perKernel.values()) {
      kernels += e.count;
      kernelMs += e.ms;
    }
    // Tensors created per update: tensor ids are handed out in sequence.
    const nextId = () => {
      const t = tf.scalar(0);
      t.dispose();
      return t.id;
    };
    const id0 = nextId();
    for (let i = 0; i < 10; i++) step(1);
    const tensorsPerUpdate = (nextId() - id0 - 1) / 10;
    // 3. Data movement: the batch's input tensors, and the loss readback (1 in 50 updates).
    const reps = 200;
    const t1 = performance.now();
    for (let i = 0; i < reps; i++) {
      const b = f.batch;
      const ts = [
        tf.tensor2d(b.obs, [f.batchSize, 2]),
        tf.tensor2d(b.nextObs, [f.batchSize, 2]),
        tf.tensor2d(b.action, [f.batchSize, 2]),
        tf.tensor2d(b.reward, [f.batchSize, 1]),
        tf.tensor2d(b.done, [f.batchSize, 1]),
        tf.tensor3d(new Float32Array(4 * f.batchSize), [2, f.batchSize, 2]),
      ];
      tf.dispose(ts);
    }
    const uploadMs = (performance.now() - t1) / reps;
    const t2 = performance.now();
    for (let i = 0; i < reps; i++) {
      const s = tf.tidy(() =>
        tf.stack([tf.scalar(1), tf.scalar(2), tf.scalar(3), tf.scalar(4), tf.scalar(5)]),
      );
      s.dataSync();
      s.dispose();
    }
    const readMs = (performance.now() - t2) / reps;
    const dataMs = uploadMs + readMs / 50;
    const perUpdate = (x: number) => x / updates;
    const gcPerUpdate = gcMs / updates;
    return {
      backend: f.label,
      wallMs,
      kernels: perUpdate(kernels),
      kernelMs: perUpdate(kernelMs),
      dataMs,
      gcMs: gcPerUpdate,
      overheadMs: wallMs - perUpdate(kernelMs) - dataMs,
      tensorsPerUpdate,
      top: [...timer.perKernel.entries()]
        .map(([name, e]) => ({ name, count: e.count / updates, ms: e.ms / updates }))
        .sort((a, b) => b.ms - a.ms)
        .slice(0, 8),
    };
  } finally {
    f.sac.dispose();
  }
}

/** Wrap every kernel function registered for `backend` with a timer (outermost calls only) until restore(). */
function timeKernels(backend: string): {
  perKernel: Map<string, { count: number; ms: number }>;
  restore(): void;
} {
  const perKernel = new Map<string, { count: number; ms: number }>();
  const originals: [tf.KernelConfig, tf.KernelFunc][] = [];
  let depth = 0;
  for (const config of tf.getKernelsForBackend(backend)) {
    const inner = config.kernelFunc;
    originals.push([config, inner]);
    config.kernelFunc = (args) => {
      if (depth > 0) return inner(args);
      depth++;
      const t0 = performance.now();
      try {
        return inner(args);
      } finally {
        const ms = performance.now() - t0;
        depth--;
        const e = perKernel.get(config.kernelName) ?? { count: 0, ms: 0 };
        perKernel.set(config.kernelName, { count: e.count + 1, ms: e.ms + ms });
      }
    };
  }
  return {
    perKernel,
    restore: () => {
      for (const [config, inner] of originals) config.kernelFunc = inner;
    },
  };
}
