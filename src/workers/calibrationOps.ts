// The small benchmark ops timed per backend: a SAC-like tiny-net update ('rl') and a big batched matmul ('bulk').
import * as tf from '@tensorflow/tfjs';
import type { Workload } from '../protocol/backend';

export interface CalibrationOp {
  /** One repetition, awaited until its result is read back (so GPU work is really done). */
  run(): Promise<void>;
  repetitions: number;
  dispose(): void;
}

/**
 * A smaller version of a workload's op, for a backend timed after a faster one: `scale` of them make one full op.
 * Where the scout's time × scale is already HOPELESS_RATIO× the fastest backend's, the full op is not run.
 */
export interface CalibrationScout {
  scale: number;
  make(): CalibrationOp;
}

const RL_BATCH = 256;
const RL_HIDDEN = 64;
/** State (2) + action (2) + context features (2): the size of our SAC critics' inputs. */
const RL_INPUT = 6;
const BULK_ROWS = 50_000;
const BULK_COLS = 64;

/** Three Adam updates of a 6→64→64→1 MLP on batch 256 ≈ one SAC update (two critics + actor). */
function rlOp(): CalibrationOp {
  const init = (shape: number[], seed: number) =>
    tf.variable(tf.randomUniform(shape, -0.2, 0.2, 'float32', seed));
  const w = [
    init([RL_INPUT, RL_HIDDEN], 1),
    init([RL_HIDDEN], 2),
    init([RL_HIDDEN, RL_HIDDEN], 3),
    init([RL_HIDDEN], 4),
    init([RL_HIDDEN, 1], 5),
    init([1], 6),
  ];
  const x = tf.randomUniform([RL_BATCH, RL_INPUT], -1, 1, 'float32', 7);
  const y = tf.randomUniform([RL_BATCH, 1], -1, 1, 'float32', 8);
  const optimizer = tf.train.adam(1e-3);
  const loss = (): tf.Scalar => {
    const h1 = tf.relu(tf.add(tf.matMul(x, w[0]), w[1]));
    const h2 = tf.relu(tf.add(tf.matMul(h1, w[2]), w[3]));
    const out = tf.add(tf.matMul(h2, w[4]), w[5]);
    return tf.losses.meanSquaredError(y, out) as tf.Scalar;
  };
  return {
    repetitions: 7,
    async run() {
      let last: tf.Scalar | null = null;
      for (let i = 0; i < 3; i++) {
        last?.dispose();
        last = optimizer.minimize(loss, true);
      }
      if (last) {
        await last.data();
        last.dispose();
      }
    },
    dispose() {
      optimizer.dispose();
      for (const v of w) v.dispose();
      x.dispose();
      y.dispose();
    },
  };
}

/** The bulk scout runs 1/BULK_SCOUT_SCALE of the rows: on tfjs-cpu the full op alone took ≈ 1 s of a 2-core machine. */
const BULK_SCOUT_SCALE = 8;

/** relu(A·B) summed per row for A rows×64 (50k), B 64×64, read back: the shape of frame/discovery batches. */
function bulkOp(rows = BULK_ROWS): CalibrationOp {
  const a = tf.randomUniform([rows, BULK_COLS], -1, 1, 'float32', 11);
  const b = tf.randomUniform([BULK_COLS, BULK_COLS], -1, 1, 'float32', 12);
  return {
    repetitions: 3,
    async run() {
      const rows = tf.tidy(() => tf.relu(tf.matMul(a, b)).sum(1));
      await rows.data();
      rows.dispose();
    },
    dispose() {
      a.dispose();
      b.dispose();
    },
  };
}

export function calibrationOp(workload: Workload): CalibrationOp {
  return workload === 'rl' ? rlOp() : bulkOp();
}

/** The workload's scout, where it has one (the rl op is small already: its first run is its own scout). */
export function calibrationScout(workload: Workload): CalibrationScout | null {
  return workload === 'bulk'
    ? { scale: BULK_SCOUT_SCALE, make: () => bulkOp(BULK_ROWS / BULK_SCOUT_SCALE) }
    : null;
}
