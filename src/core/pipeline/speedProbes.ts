// Short timings of the pipeline's unit costs on the current tfjs backend: a SAC step, an env step, a race step.
import * as tf from '@tensorflow/tfjs';
import { DEFAULT_ENV, euclideanTask } from '../env';
import { collectExploration } from '../explorationData';
import { Rng } from '../rng';
import { allocBatch, ReplayBuffer } from '../sac/replayBuffer';
import { Sac } from '../sac/sac';
import { differentialLossSeeds, functionalLossSeeds } from '../symmetry/symmetryLosses';

/** Untimed runs first: tfjs and the JIT take many calls to settle (a wasm SAC update: 150 ms, 60, 45, … 9). */
const WARMUP_REPS = 12;
const WARMUP_BUDGET_MS = 300;
/** Timed runs stop after this long (at least 3 are timed). */
const PROBE_BUDGET_MS = 200;
const MAX_REPS = 15;

const medianOf = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Median ms of `run` after the untimed warm-up runs, repeated within the probe budget. */
function timeMedian(run: () => void, warmupReps = WARMUP_REPS, budgetMs = PROBE_BUDGET_MS): number {
  const warm = performance.now();
  for (let i = 0; i < warmupReps && (i < 2 || performance.now() - warm < WARMUP_BUDGET_MS); i++) run();
  const start = performance.now();
  const times: number[] = [];
  while (times.length < MAX_REPS && (times.length < 3 || performance.now() - start < budgetMs)) {
    const t = performance.now();
    run();
    times.push(performance.now() - t);
  }
  return medianOf(times);
}

/** Milliseconds of the SAC trainer's two tfjs calls: one update (batch 256) and one sampled action. */
export interface SacTimings {
  updateMs: number;
  actMs: number;
}

const UPDATES_PER_BLOCK = 4;

/** One SAC update (batch 256, 2×64 nets) and one sampled action, timed apart on the current backend. */
export function measureSac(hidden = 64, batchSize = 256): SacTimings {
  const rng = new Rng(11);
  const replay = new ReplayBuffer(2048, 2, 2, 12);
  for (let i = 0; i < 2048; i++) {
    const s = [rng.uniform(-2, 2), rng.uniform(-2, 2)];
    const a = [rng.uniform(-0.1, 0.1), rng.uniform(-0.1, 0.1)];
    replay.add(s, a, -Math.hypot(s[0], s[1]), [s[0] + a[0], s[1] + a[1]], false);
  }
  const sac = new Sac({ obsDim: 2, seed: 13, hidden });
  const batch = allocBatch(batchSize, 2, 2);
  const obs = new Float32Array([0.3, -0.4]);
  try {
    // Updates in blocks ending in one read-back, as training reads its losses now and then: a GPU backend's
    // queued work is then really done inside the timed block.
    const block = () => {
      for (let i = 0; i < UPDATES_PER_BLOCK; i++)
        sac.update(replay.sample(batch), i === UPDATES_PER_BLOCK - 1);
    };
    return {
      updateMs: timeMedian(block, 3) / UPDATES_PER_BLOCK,
      actMs: timeMedian(() => sac.sampleActions(obs, 1), WARMUP_REPS, PROBE_BUDGET_MS / 4),
    };
  } finally {
    sac.dispose();
  }
}

/** ms per environment transition of the plain-JS exploration (the same code the pipeline explores with). */
export function measureEnvStepMs(transitions = 10_000): number {
  const task = euclideanTask([0.5, -0.3]);
  let seed = 0;
  return (
    timeMedian(() => collectExploration(DEFAULT_ENV, task, { transitions, seed: seed++ }), 3, 60) /
    transitions
  );
}

/**
 * One step of each side of the discovery race with `seeds` generators stacked (batch 128 each): an Adam step
 * of the differential loss and one of the functional loss on a reward in tf ops, losses and X read back.
 */
export function measureRaceStepMs(seeds: number, batch = 128): number {
  const rng = new Rng(21);
  const n = seeds * batch;
  const pts = Float32Array.from({ length: 2 * n }, () => rng.uniform(-2, 2));
  const normals = Float32Array.from({ length: 2 * n }, () => rng.normal());
  const thetas = Float32Array.from({ length: n }, () => rng.uniform(0, 2 * Math.PI));
  const goal = tf.tensor1d([0.5, -0.3]);
  const reward = (p: tf.Tensor2D): tf.Tensor1D =>
    tf.tidy(() => p.sub(goal).square().sum(1).sqrt().neg() as tf.Tensor1D);
  const init = tf.tensor2d(
    Float32Array.from({ length: 6 * seeds }, () => rng.normal()),
    [seeds, 6],
  );
  const x = tf.variable(init);
  init.dispose();
  const optimizer = tf.train.adam(0.01);
  const before = tf.tidy(() => reward(tf.tensor2d(pts, [n, 2])).reshape([seeds, batch]) as tf.Tensor2D);
  const step = (side: 'differential' | 'functional') => {
    const losses = tf.tidy(() => {
      const p = tf.tensor3d(pts, [seeds, batch, 2]);
      let perSeed: tf.Tensor1D | null = null;
      optimizer.minimize(
        () => {
          const l =
            side === 'differential'
              ? differentialLossSeeds(x, p, tf.tensor3d(normals, [seeds, batch, 2]))
              : functionalLossSeeds(
                  x,
                  p,
                  tf.tensor2d(thetas, [seeds, batch]),
                  reward,
                  Math.PI,
                  undefined,
                  before,
                );
          perSeed = tf.keep(l);
          return l.sum() as tf.Scalar;
        },
        false,
        [x],
      );
      return perSeed as unknown as tf.Tensor1D;
    });
    losses.dataSync();
    losses.dispose();
    x.dataSync();
  };
  try {
    return timeMedian(() => {
      step('differential');
      step('functional');
    });
  } finally {
    optimizer.dispose();
    tf.dispose([x, goal, before]);
  }
}
