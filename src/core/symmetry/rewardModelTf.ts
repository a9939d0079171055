// A small seeded tfjs MLP reward model f̂: R² → R (2→64→64→1, tanh), fitted by Adam to reward samples.
import * as tf from '@tensorflow/tfjs';
import type { RewardSamples } from '../explorationData';
import { Rng } from '../rng';

export interface RewardMlpOptions {
  seed?: number;
  /** Hidden width (default 64). */
  hidden?: number;
  /** Adam steps (default 3000). */
  steps?: number;
  batch?: number;
  lr?: number;
}

export interface RewardMlp {
  /** f̂ at points [B, 2] → [B]; differentiable with respect to the points. */
  predict(points: tf.Tensor2D): tf.Tensor1D;
  /** Root-mean-square training error on all samples, in reward units. */
  rmse: number;
  dispose(): void;
}

/** Glorot-uniform weights from our own seeded stream (tfjs has no global seed). */
function glorot(rng: Rng, fanIn: number, fanOut: number): tf.Variable {
  const limit = Math.sqrt(6 / (fanIn + fanOut));
  const w = new Float32Array(fanIn * fanOut).map(() => rng.uniform(-limit, limit));
  return variableFrom(tf.tensor2d(w, [fanIn, fanOut]));
}

/** A variable from a fresh tensor, disposing the tensor (tf.variable keeps its own reference). */
function variableFrom(t: tf.Tensor): tf.Variable {
  const v = tf.variable(t);
  t.dispose();
  return v;
}

/**
 * Fit f̂ by mean-squared error. Inputs and outputs are standardised with the data's own mean and
 * spread (no knowledge of the task), which the model undoes inside `predict`.
 */
export function fitRewardMlp(samples: RewardSamples, opts: RewardMlpOptions = {}): RewardMlp {
  const rng = new Rng(opts.seed ?? 0);
  const hidden = opts.hidden ?? 64;
  const steps = opts.steps ?? 3000;
  const batch = Math.min(opts.batch ?? 256, samples.count);
  const n = samples.count;
  let mx = 0;
  let my = 0;
  let mf = 0;
  for (let i = 0; i < n; i++) {
    mx += samples.points[2 * i] / n;
    my += samples.points[2 * i + 1] / n;
    mf += samples.values[i] / n;
  }
  let sp = 0;
  let sf = 0;
  for (let i = 0; i < n; i++) {
    sp += ((samples.points[2 * i] - mx) ** 2 + (samples.points[2 * i + 1] - my) ** 2) / (2 * n);
    sf += (samples.values[i] - mf) ** 2 / n;
  }
  const inScale = 1 / Math.sqrt(sp || 1);
  const outScale = Math.sqrt(sf || 1);
  const w1 = glorot(rng, 2, hidden);
  const b1 = variableFrom(tf.zeros([hidden]));
  const w2 = glorot(rng, hidden, hidden);
  const b2 = variableFrom(tf.zeros([hidden]));
  const w3 = glorot(rng, hidden, 1);
  const b3 = variableFrom(tf.zeros([1]));
  const vars = [w1, b1, w2, b2, w3, b3];
  const centre = tf.tensor1d([mx, my]);

  const standardised = (x: tf.Tensor2D): tf.Tensor1D => {
    const h1 = x.matMul(w1).add(b1).tanh() as tf.Tensor2D;
    const h2 = h1.matMul(w2).add(b2).tanh() as tf.Tensor2D;
    return h2.matMul(w3).add(b3).reshape([-1]) as tf.Tensor1D;
  };
  const predict = (points: tf.Tensor2D): tf.Tensor1D =>
    tf.tidy(() =>
      standardised(points.sub(centre).mul(inScale) as tf.Tensor2D)
        .mul(outScale)
        .add(mf),
    );

  const optimizer = tf.train.adam(opts.lr ?? 3e-3);
  const bx = new Float32Array(2 * batch);
  const by = new Float32Array(batch);
  for (let s = 0; s < steps; s++) {
    for (let b = 0; b < batch; b++) {
      const i = rng.int(n);
      bx[2 * b] = (samples.points[2 * i] - mx) * inScale;
      bx[2 * b + 1] = (samples.points[2 * i + 1] - my) * inScale;
      by[b] = (samples.values[i] - mf) / outScale;
    }
    tf.tidy(() => {
      const x = tf.tensor2d(bx, [batch, 2]);
      const y = tf.tensor1d(by);
      optimizer.minimize(() => standardised(x).sub(y).square().mean() as tf.Scalar, false, vars);
    });
  }
  optimizer.dispose();

  const all = tf.tensor2d(Float32Array.from(samples.points), [n, 2]);
  const rmse = tf.tidy(() =>
    predict(all)
      .sub(tf.tensor1d(Float32Array.from(samples.values)))
      .square()
      .mean()
      .sqrt(),
  );
  const rmseValue = rmse.dataSync()[0];
  tf.dispose([all, rmse]);
  for (const v of vars) v.trainable = false;

  return {
    predict,
    rmse: rmseValue,
    dispose: () => tf.dispose([...vars, centre]),
  };
}
