// Short timings of the pipeline's unit costs: a SAC step (fused or tfjs), an env step, a race step (plain JS).

import { BASELINE_QUICK } from '../baseline/baselinePresets';
import { DEEP_SET_ENCODER_SHAPE } from '../baseline/contextEncoding';
import { type EncoderBatch, encoderStepper } from '../baseline/encoderSteppers';
import { INFONCE_DEFAULTS } from '../baseline/infoNceDefaults';
import { featureCount } from '../baseline/transitionFeatures';
import { DEFAULT_ENV, euclideanTask } from '../env';
import { collectExploration } from '../explorationData';
import { Rng } from '../rng';
import { createSac } from '../sac/createSac';
import { allocBatch, ReplayBuffer } from '../sac/replayBuffer';
import type { SacImpl } from '../sac/sacTrainer';
import {
  analyticRewardJs,
  differentialLossGradJs,
  functionalLossGradJs,
  functionalWorkspace,
} from '../symmetry/raceLossesJs';

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

/** Milliseconds of the SAC trainer's two calls: one update (batch 256) and one sampled action. */
export interface SacTimings {
  updateMs: number;
  actMs: number;
  /** What ran: 'tfjs' (on the current backend) or the fused step's kernels ('wasm-simd' / 'js'). */
  kernels: 'tfjs' | 'wasm-simd' | 'js';
}

const UPDATES_PER_BLOCK = 4;

/**
 * One SAC update (batch 256, 2×64 nets) and one sampled action, timed apart: the tfjs learner on the current
 * backend, or the fused step (WebAssembly SIMD where it compiles, else its plain-JS kernels). `warmupBlocks` caps the
 * untimed blocks of updates before the timed ones (a calibration that only needs to see a path far slower passes 1).
 */
export function measureSac(
  impl: SacImpl = 'tfjs',
  hidden = 64,
  batchSize = 256,
  warmupBlocks = WARMUP_REPS,
): SacTimings {
  const rng = new Rng(11);
  const replay = new ReplayBuffer(2048, 2, 2, 12);
  for (let i = 0; i < 2048; i++) {
    const s = [rng.uniform(-2, 2), rng.uniform(-2, 2)];
    const a = [rng.uniform(-0.1, 0.1), rng.uniform(-0.1, 0.1)];
    replay.add(s, a, -Math.hypot(s[0], s[1]), [s[0] + a[0], s[1] + a[1]], false);
  }
  const sac = createSac({ obsDim: 2, seed: 13, hidden }, impl);
  const kernels = 'kernelKind' in sac ? (sac.kernelKind as 'wasm-simd' | 'js') : 'tfjs';
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
      updateMs: timeMedian(block, Math.min(3, warmupBlocks)) / UPDATES_PER_BLOCK,
      actMs: timeMedian(() => sac.sampleActions(obs, 1), WARMUP_REPS, PROBE_BUDGET_MS / 4),
      kernels,
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
 * One step of each side of the discovery race with `seeds` generators stacked (batch 128 each), as the page races:
 * the plain-JS differential loss and the functional loss on the analytic reward, each with its gradient (the
 * Adam arithmetic on 6·seeds numbers is negligible beside them).
 */
export function measureRaceStepMs(seeds: number, batch = 128): number {
  const rng = new Rng(21);
  const n = seeds * batch;
  const pts = Float32Array.from({ length: 2 * n }, () => rng.uniform(-2, 2));
  const normals = Float32Array.from({ length: 2 * n }, () => rng.normal());
  const thetas = Float32Array.from({ length: n }, () => rng.uniform(0, 2 * Math.PI));
  const reward = analyticRewardJs([0.5, -0.3], [1, 0, 0, 1]);
  const g = new Float64Array(2);
  const before = Float32Array.from({ length: n }, (_, i) =>
    reward.valueAndGradient(pts[2 * i], pts[2 * i + 1], g),
  );
  const x = Float32Array.from({ length: 6 * seeds }, () => rng.normal());
  const loss = new Float64Array(seeds);
  const grad = new Float64Array(6 * seeds);
  const ws = functionalWorkspace(2 * Math.PI);
  return timeMedian(() => {
    differentialLossGradJs(x, seeds, batch, pts, normals, false, loss, grad);
    functionalLossGradJs(x, seeds, batch, pts, thetas, before, null, reward, ws, loss, grad);
  });
}

/**
 * One training step of the baseline's encoder (its quick preset: deep set + reward reconstruction, 4 tasks × 4
 * contexts of 16 transitions) on random data: 'fused' or the tfjs reference on the current backend.
 */
export function measureEncoderStepMs(impl: SacImpl = 'fused'): number {
  const rng = new Rng(31);
  const encoder = BASELINE_QUICK.encoder ?? {};
  const shape = encoder.shape ?? DEEP_SET_ENCODER_SHAPE;
  const tasks = 4;
  const perTask = INFONCE_DEFAULTS.contextsPerTask;
  const contexts = tasks * perTask;
  const size = encoder.contextSize ?? INFONCE_DEFAULTS.contextSize;
  const negatives = INFONCE_DEFAULTS.negatives;
  const recon = encoder.reconstruction;
  const targets = recon?.targets ?? 16;
  const batch: EncoderBatch = {
    features: Float32Array.from({ length: contexts * size * featureCount(shape.features) }, () =>
      rng.normal(),
    ),
    idx: Int32Array.from({ length: contexts * (1 + negatives) }, (_, i) =>
      i % (1 + negatives) === 0 ? (Math.floor(i / (1 + negatives)) + 1) % contexts : rng.int(contexts),
    ),
    targetStates: Float32Array.from({ length: contexts * targets * 2 }, () => rng.uniform(-1, 1)),
    targetRewards: Float32Array.from({ length: contexts * targets }, () => rng.uniform(-2, 0)),
  };
  const stepper = encoderStepper(
    {
      shape,
      maxAction: 0.1,
      seed: 5,
      contexts,
      contextSize: size,
      cols: 1 + negatives,
      temperature: encoder.temperature ?? INFONCE_DEFAULTS.temperature,
      lr: INFONCE_DEFAULTS.lr,
      recon: recon ? { weight: recon.weight, targets, hidden: recon.hidden ?? [64, 64] } : null,
    },
    impl === 'tfjs' ? 'tfjs' : 'fused',
  );
  try {
    return timeMedian(() => stepper.step(batch), 3);
  } finally {
    stepper.dispose();
  }
}
