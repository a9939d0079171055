// Benchmarks of discovery work: kernel frames (plain JS and batched tfjs), one step of each loss, θ inference.
import * as tf from '@tensorflow/tfjs';
import { DEFAULT_ENV, euclideanTask } from '../core/env';
import { collectExploration } from '../core/explorationData';
import { diskRewardSamples } from '../core/frames/frameAccuracy';
import { estimateKernelFrames } from '../core/frames/kernelFrames';
import { estimateGradientNormalsTf } from '../core/frames/kernelFramesTf';
import { BaseRewardModel, collectContext, inferGroupElement } from '../core/hereditary';
import { rotationGenerator } from '../core/lie';
import { Rng } from '../core/rng';
import { differentialLoss, functionalLoss } from '../core/symmetry/symmetryLosses';

const time = async (f: () => unknown | Promise<unknown>, reps = 1): Promise<number> => {
  await f();
  const t0 = performance.now();
  for (let i = 0; i < reps; i++) await f();
  return (performance.now() - t0) / reps;
};

/** ms to estimate gradient frames at every one of n samples (plain JS, spatial grid). */
export async function benchFramesPlain(n: number): Promise<number> {
  const samples = diskRewardSamples(n, [0.5, -0.3], 1);
  return time(
    () => estimateKernelFrames(samples, { estimator: 'gradient', radius: n >= 10_000 ? 0.1 : 0.2 }),
    2,
  );
}

/** ms for the batched tfjs gradient-frame path at n samples on the current backend. */
export async function benchFramesTf(n: number): Promise<number> {
  const samples = diskRewardSamples(n, [0.5, -0.3], 1);
  return time(() => estimateGradientNormalsTf(samples, { radius: 0.1 }), 1);
}

/** ms for one Adam step of each discovery loss (batch 128) on the current backend. */
export async function benchLossSteps(): Promise<{ differential: number; functional: number }> {
  const rng = new Rng(2);
  const b = 128;
  const pts = tf.tensor2d(
    Array.from({ length: 2 * b }, () => rng.uniform(-2, 2)),
    [b, 2],
  );
  const nrm = tf.tensor2d(
    Array.from({ length: 2 * b }, () => rng.normal()),
    [b, 2],
  );
  const th = tf.tensor1d(Array.from({ length: b }, () => rng.uniform(0, 2 * Math.PI)));
  const x = tf.variable(tf.tensor1d([0.1, -1, 0.2, 1, 0.05, -0.3]));
  const opt = tf.train.adam(0.1);
  const reward = (p: tf.Tensor2D) =>
    p
      .sub(tf.tensor2d([[0.5, -0.3]]))
      .square()
      .sum(1)
      .sqrt()
      .neg() as tf.Tensor1D;
  const step = (loss: () => tf.Scalar) => () => {
    const l = opt.minimize(loss, true, [x]);
    l?.dataSync();
    l?.dispose();
  };
  try {
    const differential = await time(
      step(() => differentialLoss(x, pts, nrm)),
      50,
    );
    const functional = await time(
      step(() => functionalLoss(x, pts, th, reward, 2 * Math.PI)),
      20,
    );
    return { differential, functional };
  } finally {
    tf.dispose([pts, nrm, th, x]);
    opt.dispose();
  }
}

/** ms for θ inference from K = 16 context transitions (256-angle grid + golden section), plain JS. */
export async function benchThetaInference(): Promise<number> {
  const goal: [number, number] = [-0.70506, 0.70915];
  const base = collectExploration(DEFAULT_ENV, euclideanTask(goal), { transitions: 10_000, seed: 1 });
  const model = BaseRewardModel.fit(base);
  const context = collectContext(DEFAULT_ENV, euclideanTask([0.95243, -0.30475]), 16, 5);
  return time(() => inferGroupElement(context, rotationGenerator([0, 0]), model), 20);
}
