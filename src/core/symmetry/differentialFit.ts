// The learner of the differential side on its own: Adam on the differential loss, no truth anywhere.
import * as tf from '@tensorflow/tfjs';
import type { KernelFrames } from '../frames/kernelFrames';
import { type Generator, generatorFromVector, normalizeUnit } from '../lie';
import { Rng } from '../rng';
import { differentialLoss } from './symmetryLosses';

export interface DifferentialFitOptions {
  seed: number;
  steps: number;
  /** Adam learning rate (default 0.1). */
  lr?: number;
  /** Frames per batch (default 128). */
  batch?: number;
  symmetricTerm?: boolean;
  /** Called with the current unit generator every `every` steps. */
  onStep?: (step: number, generator: Generator, loss: number) => void;
  every?: number;
}

export interface DifferentialFit {
  /** Unit-norm generator, largest entry positive. */
  generator: Generator;
  finalLoss: number;
}

/** Minimise E_p (N(p)ᵀ(X̂p̃)_{1:2})² over frames with kernelDim 1, from a seeded random X. */
export function fitDifferentialGenerator(
  frames: KernelFrames,
  opts: DifferentialFitOptions,
): DifferentialFit {
  const rng = new Rng(opts.seed);
  const batch = opts.batch ?? 128;
  const idx: number[] = [];
  for (let k = 0; k < frames.count; k++) if (frames.kernelDim[k] === 1) idx.push(k);
  if (idx.length === 0) throw new Error('fitDifferentialGenerator: no 1-D frames');
  const init = tf.tensor1d(Array.from({ length: 6 }, () => rng.normal()));
  const xVar = tf.variable(init);
  init.dispose();
  const optimizer = tf.train.adam(opts.lr ?? 0.1);
  const pts = new Float32Array(2 * batch);
  const nrm = new Float32Array(2 * batch);
  const every = opts.every ?? 50;
  let finalLoss = Number.NaN;
  for (let step = 1; step <= opts.steps; step++) {
    for (let b = 0; b < batch; b++) {
      const k = idx[rng.int(idx.length)];
      pts[2 * b] = frames.anchors[2 * k];
      pts[2 * b + 1] = frames.anchors[2 * k + 1];
      nrm[2 * b] = frames.normals[2 * k];
      nrm[2 * b + 1] = frames.normals[2 * k + 1];
    }
    const lossT = tf.tidy(
      (): tf.Scalar =>
        optimizer.minimize(
          () =>
            differentialLoss(
              xVar,
              tf.tensor2d(pts, [batch, 2]),
              tf.tensor2d(nrm, [batch, 2]),
              opts.symmetricTerm ?? false,
            ),
          true,
          [xVar],
        ) ?? tf.scalar(Number.NaN),
    );
    const reportNow = opts.onStep && (step % every === 0 || step === opts.steps);
    if (reportNow || step === opts.steps) {
      finalLoss = lossT.dataSync()[0];
      if (reportNow)
        opts.onStep!(step, normalizeUnit(generatorFromVector(Array.from(xVar.dataSync()))), finalLoss);
    }
    lossT.dispose();
  }
  const generator = normalizeUnit(generatorFromVector(Array.from(xVar.dataSync())));
  optimizer.dispose();
  xVar.dispose();
  return { generator, finalLoss };
}
