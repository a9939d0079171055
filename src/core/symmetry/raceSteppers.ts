// One race side's optimiser over its S stacked generators: plain JS (default where the loss has a JS form) or tfjs.
import * as tf from '@tensorflow/tfjs';
import { AdamFloat32 } from '../sac/adamFloat32';
import { createDenseKernels } from '../sac/denseKernels';
import type { RaceContext } from './raceContext';
import { differentialLossGradJs, functionalLossGradJs, functionalWorkspace } from './raceLossesJs';
import type { RaceSide } from './raceTypes';
import { differentialLossSeeds, functionalLossSeeds } from './symmetryLosses';

/** One step's batches, [S, batch] row-major per seed (the functional side's θ, f(p) and mask weights). */
export interface RaceBatch {
  points: Float32Array;
  /** The differential side's frame normals (2 per point). */
  normals: Float32Array;
  thetas: Float32Array;
  before: Float32Array;
  weights: Float32Array;
}

export interface SideStepper {
  readonly impl: 'js' | 'tfjs';
  /** One Adam step of every seed on its own batch; each seed's loss (at X before the step) into `losses`. */
  step(batch: RaceBatch, losses: Float64Array): void;
  /** The generators [S·6] after the last step (valid until the next step). */
  current(): ArrayLike<number>;
  dispose(): void;
}

/** Whether the plain-JS stepper can run this side: always for the differential loss, with a JS reward otherwise. */
export const jsStepperAvailable = (ctx: RaceContext, side: RaceSide): boolean =>
  side === 'differential' || ctx.rewardJs !== null;

const maxThetaOf = (ctx: RaceContext): number => Math.max(Math.abs(ctx.theta[0]), Math.abs(ctx.theta[1]));

/**
 * Adam (tfjs's, in its float32 order: AdamFloat32) on a Float32 heap of the stacked generators, with the loss and
 * its gradient from raceLossesJs.ts. No tensors, no read-backs: a step costs the arithmetic alone.
 */
function jsStepper(ctx: RaceContext, side: RaceSide, init: readonly number[][], lr: number): SideStepper {
  const S = init.length;
  const n = 6 * S;
  const size = Math.ceil(n / 4) * 4;
  // Offsets 0–3 hold the kernels' constants; then parameters, gradients and the two moments.
  const at = { params: 4, grads: 4 + size, m: 4 + 2 * size, v: 4 + 3 * size, size };
  const kern = createDenseKernels(4 + 4 * size, 'js');
  const adam = new AdamFloat32(lr, at);
  kern.heap.set(init.flat(), at.params);
  const grad = new Float64Array(n);
  const ws = side === 'functional' ? functionalWorkspace(maxThetaOf(ctx)) : null;
  const B = ctx.batch;
  const x = () => kern.heap.subarray(at.params, at.params + n);
  return {
    impl: 'js',
    step(batch, losses) {
      if (side === 'differential')
        differentialLossGradJs(
          x(),
          S,
          B,
          batch.points,
          batch.normals,
          ctx.opts.symmetricTerm ?? false,
          losses,
          grad,
        );
      else
        functionalLossGradJs(
          x(),
          S,
          B,
          batch.points,
          batch.thetas,
          batch.before,
          ctx.support ? batch.weights : null,
          ctx.rewardJs!,
          ws!,
          losses,
          grad,
        );
      kern.heap.set(grad, at.grads);
      adam.step(kern);
    },
    current: x,
    dispose() {},
  };
}

/** The tfjs reference: tf.train.adam on a [S, 6] variable, the losses of symmetryLosses.ts, read back each step. */
function tfjsStepper(ctx: RaceContext, side: RaceSide, init: readonly number[][], lr: number): SideStepper {
  const S = init.length;
  const B = ctx.batch;
  const start = tf.tensor2d(init.flat(), [S, 6]);
  const xVar = tf.variable(start);
  start.dispose();
  const optimizer = tf.train.adam(lr);
  let x: Float32Array = Float32Array.from(init.flat());
  return {
    impl: 'tfjs',
    step(batch, losses) {
      let perSeed: tf.Tensor1D | null = null;
      tf.tidy(() => {
        const p = tf.tensor3d(batch.points, [S, B, 2]);
        optimizer.minimize(
          () => {
            const l =
              side === 'differential'
                ? differentialLossSeeds(
                    xVar as tf.Variable<tf.Rank.R2>,
                    p,
                    tf.tensor3d(batch.normals, [S, B, 2]),
                    ctx.opts.symmetricTerm ?? false,
                  )
                : functionalLossSeeds(
                    xVar as tf.Variable<tf.Rank.R2>,
                    p,
                    tf.tensor2d(batch.thetas, [S, B]),
                    ctx.reward!,
                    maxThetaOf(ctx),
                    ctx.support ? tf.tensor2d(batch.weights, [S, B]) : undefined,
                    tf.tensor2d(batch.before, [S, B]),
                  );
            perSeed = tf.keep(l);
            return l.sum() as tf.Scalar;
          },
          false,
          [xVar],
        );
      });
      const lossT = perSeed as tf.Tensor1D | null;
      if (lossT) losses.set(lossT.dataSync());
      else losses.fill(Number.NaN);
      lossT?.dispose();
      x = xVar.dataSync() as Float32Array;
    },
    current: () => x,
    dispose() {
      optimizer.dispose();
      xVar.dispose();
    },
  };
}

/** The stepper of one side: plain JS unless `ctx.opts.impl` asks for tfjs or the side's loss has no JS form. */
export function sideStepper(
  ctx: RaceContext,
  side: RaceSide,
  init: readonly number[][],
  lr: number,
): SideStepper {
  const js = (ctx.opts.impl ?? 'js') === 'js' && jsStepperAvailable(ctx, side);
  return js ? jsStepper(ctx, side, init, lr) : tfjsStepper(ctx, side, init, lr);
}
