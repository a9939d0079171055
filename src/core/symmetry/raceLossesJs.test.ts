// The plain-JS symmetry losses: gradients exact (finite differences), values, gradients and race steps as tfjs's.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ENV } from '../env';
import { collectExploration } from '../explorationData';
import { estimateKernelFrames } from '../frames/kernelFrames';
import { rotationGenerator } from '../lie';
import { Rng } from '../rng';
import { runDiscoveryRace } from './discoveryRace';
import {
  analyticRewardJs,
  differentialLossGradJs,
  functionalLossGradJs,
  functionalWorkspace,
  type RewardJs,
} from './raceLossesJs';
import { differentialLossSeeds, functionalLossSeeds } from './symmetryLosses';

beforeAll(async () => {
  await tf.setBackend('wasm');
});

const S = 3;
const B = 24;
const rng = new Rng(5);
const x = Float64Array.from({ length: 6 * S }, () => rng.normal());
const points = Float64Array.from({ length: 2 * S * B }, () => rng.uniform(-1.5, 1.5));
const normals = Float64Array.from({ length: 2 * S * B }, () => rng.normal());
const thetas = Float64Array.from({ length: S * B }, () => rng.uniform(0, 2 * Math.PI));
const weights = Float64Array.from({ length: S * B }, () => (rng.next() < 0.7 ? 1 : 0));
const goal: [number, number] = [0.4, -0.7];
const metric: [number, number, number, number] = [1.3, 0.2, -0.1, 0.8];
const reward = analyticRewardJs(goal, metric);
const before = Float64Array.from({ length: S * B }, (_, i) =>
  reward.valueAndGradient(points[2 * i], points[2 * i + 1], new Float64Array(2)),
);
const rewardTf = (p: tf.Tensor2D) =>
  tf.tidy(() => {
    const d = p.sub(tf.tensor1d(goal));
    const [m0, m1, m2, m3] = metric;
    return d
      .matMul(tf.tensor2d([m0, m2, m1, m3], [2, 2]))
      .square()
      .sum(1)
      .sqrt()
      .neg() as tf.Tensor1D;
  });

type Loss = (xs: Float64Array, loss: Float64Array, grad: Float64Array | null) => void;

const differential =
  (symmetric: boolean): Loss =>
  (xs, loss, grad) =>
    differentialLossGradJs(xs, S, B, points, normals, symmetric, loss, grad);
const functional =
  (masked: boolean, r: RewardJs = reward): Loss =>
  (xs, loss, grad) =>
    functionalLossGradJs(
      xs,
      S,
      B,
      points,
      thetas,
      before,
      masked ? weights : null,
      r,
      functionalWorkspace(2 * Math.PI),
      loss,
      grad,
    );

/** Central differences of the summed loss, entry by entry. */
function numericGradient(f: Loss, at: Float64Array, h = 1e-6): Float64Array {
  const out = new Float64Array(at.length);
  const loss = new Float64Array(S);
  const sum = (xs: Float64Array) => {
    f(xs, loss, null);
    return loss.reduce((a, b) => a + b, 0);
  };
  for (let k = 0; k < at.length; k++) {
    const p = Float64Array.from(at);
    const m = Float64Array.from(at);
    p[k] += h;
    m[k] -= h;
    out[k] = (sum(p) - sum(m)) / (2 * h);
  }
  return out;
}

const maxAbs = (a: ArrayLike<number>) => Math.max(...Array.from(a, Math.abs));
const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>) =>
  Math.max(...Array.from(a, (v, i) => Math.abs(v - b[i])));

describe('plain-JS symmetry losses', () => {
  for (const [name, f] of [
    ['differential', differential(false)],
    ['differential + symmetric term', differential(true)],
    ['functional', functional(false)],
    ['functional, masked', functional(true)],
  ] as const) {
    it(`${name}: the gradient is the loss's derivative (finite differences, 1e-6 relative)`, async () => {
      const loss = new Float64Array(S);
      const grad = new Float64Array(6 * S);
      f(x, loss, grad);
      expect(loss.every((v) => Number.isFinite(v) && v > 0)).toBe(true);
      expect(maxDiff(grad, numericGradient(f, x))).toBeLessThan(1e-6 * maxAbs(grad));
    });
  }

  it('match the tfjs losses and their autodiff gradients (float32 there)', async () => {
    const xs = tf.tensor2d(Float32Array.from(x), [S, 6]);
    const pts = tf.tensor3d(Float32Array.from(points), [S, B, 2]);
    const nrm = tf.tensor3d(Float32Array.from(normals), [S, B, 2]);
    const th = tf.tensor2d(Float32Array.from(thetas), [S, B]);
    const f0 = tf.tensor2d(Float32Array.from(before), [S, B]);
    const w = tf.tensor2d(Float32Array.from(weights), [S, B]);
    const cases: [Loss, (v: tf.Tensor2D) => tf.Tensor1D, number][] = [
      [differential(true), (v) => differentialLossSeeds(v, pts, nrm, true), 1e-5],
      // exp(θX̂) for θ up to 2π in float32 loses ~e^{2π}·1e-7 of relative precision in tfjs.
      [functional(true), (v) => functionalLossSeeds(v, pts, th, rewardTf, 2 * Math.PI, w, f0), 2e-3],
    ];
    for (const [js, tfLoss, tol] of cases) {
      const loss = new Float64Array(S);
      const grad = new Float64Array(6 * S);
      js(x, loss, grad);
      const tfGrad = tf.tidy(() =>
        tf
          .grad((v: tf.Tensor) => tfLoss(v as tf.Tensor2D).sum())(xs)
          .dataSync(),
      );
      const tfLossValues = tf.tidy(() => tfLoss(xs).dataSync());
      expect(maxDiff(loss, tfLossValues)).toBeLessThan(tol * maxAbs(loss));
      expect(maxDiff(grad, tfGrad)).toBeLessThan(tol * maxAbs(grad));
    }
    tf.dispose([xs, pts, nrm, th, f0, w]);
  });
});

describe('plain-JS race steppers', () => {
  it('follow the tfjs reference step by step (same seeds, batches and Adam) for both sides', async () => {
    const samples = collectExploration(
      DEFAULT_ENV,
      { goal, metric, metricInv: [1, 0, 0, 1] },
      {
        transitions: 3000,
        seed: 2,
      },
    );
    const frames = estimateKernelFrames(samples, { estimator: 'gradient', radius: 0.15 });
    const race = (impl: 'js' | 'tfjs') =>
      runDiscoveryRace({
        samples,
        frames,
        truthForScoring: rotationGenerator(goal),
        seeds: 2,
        steps: 30,
        batch: 64,
        lrDifferential: 0.3,
        lrFunctional: 0.1,
        rewardModel: 'true',
        oracleRewardTf: rewardTf,
        oracleRewardJs: reward,
        impl,
      });
    const before = tf.memory().numTensors;
    const js = await race('js');
    expect(tf.memory().numTensors).toBe(before);
    const ref = await race('tfjs');
    for (const side of ['differential', 'functional'] as const)
      for (let s = 0; s < 2; s++) {
        const a = js[side].runs[s];
        const b = ref[side].runs[s];
        for (let step = 0; step < 30; step += 5) {
          expect(a.curve[step].errorDeg).toBeCloseTo(b.curve[step].errorDeg, 1);
          expect(Math.abs(a.curve[step].loss - b.curve[step].loss)).toBeLessThan(2e-3 * b.curve[step].loss);
        }
        expect(maxDiff(a.generator, b.generator)).toBeLessThan(1e-3);
      }
  });
});
