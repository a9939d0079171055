import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ENV, euclideanTask } from '../env';
import { collectExploration, type RewardSamples } from '../explorationData';
import { estimateKernelFrames, type KernelFrames } from '../frames/kernelFrames';
import { rotationGenerator } from '../lie';
import { lrSweep, runDiscoveryRace } from './discoveryRace';
import { heldOutObjectives } from './heldOutObjective';
import {
  arrivalSteps,
  LR_TIE_RELATIVE,
  pickLrEndObjective,
  pickLrOracle,
  pickLrTruthFree,
  RACE_LR_GRID,
} from './lrRule';
import { holdOutSplit, makeContext } from './raceContext';
import type { SideSummary } from './raceTypes';

tf.enableProdMode();

const goal: [number, number] = [0.4, -0.9];
const truth = rotationGenerator(goal);
const samples = collectExploration(DEFAULT_ENV, euclideanTask(goal), { transitions: 3000, seed: 11 });
const frames = estimateKernelFrames(samples, { estimator: 'gradient', radius: 0.15 });
const small = { frames, seeds: 2, steps: 60, batch: 32, firstSeed: 3, modelOptions: { steps: 150 } };

beforeAll(async () => {
  await tf.setBackend('wasm');
});

describe('the truth-free lr rule', () => {
  it('picks the lowest held-out objective, and on a tie (within the tolerance) the smaller lr', async () => {
    expect(RACE_LR_GRID.length).toBeGreaterThanOrEqual(5);
    // Log-spaced: every step is about half a decade (the 1–3–10 series).
    for (let i = 1; i < RACE_LR_GRID.length; i++)
      expect(Math.abs(Math.log10(RACE_LR_GRID[i] / RACE_LR_GRID[i - 1]) - 0.5)).toBeLessThan(0.03);
    expect(
      pickLrTruthFree([
        { lr: 0.1, heldOutObjective: 2 },
        { lr: 0.01, heldOutObjective: 3 },
        { lr: 1, heldOutObjective: 1 },
      ]),
    ).toBe(1);
    // Exactly equal, and within the relative tolerance of the best: the smaller lr wins.
    expect(
      pickLrTruthFree([
        { lr: 0.3, heldOutObjective: 1 },
        { lr: 0.1, heldOutObjective: 1 },
      ]),
    ).toBe(0.1);
    expect(
      pickLrTruthFree([
        { lr: 1, heldOutObjective: 1 },
        { lr: 0.03, heldOutObjective: 1 + 0.5 * LR_TIE_RELATIVE },
        { lr: 0.01, heldOutObjective: 1 + 2 * LR_TIE_RELATIVE },
      ]),
    ).toBe(0.03);
  });

  it('never picks a diverging lr (NaN or ∞), unless every lr diverges (then the smallest)', async () => {
    expect(
      pickLrTruthFree([
        { lr: 1, heldOutObjective: Number.NaN },
        { lr: 0.3, heldOutObjective: Number.POSITIVE_INFINITY },
        { lr: 0.1, heldOutObjective: 5 },
        { lr: 0.03, heldOutObjective: 7 },
      ]),
    ).toBe(0.1);
    expect(
      pickLrTruthFree([
        { lr: 1, heldOutObjective: Number.NaN },
        { lr: 0.3, heldOutObjective: Number.POSITIVE_INFINITY },
      ]),
    ).toBe(0.3);
  });

  it('arrival: the first traced step after which the objective stays in the band; null if it ends outside', async () => {
    const every = 10;
    expect(arrivalSteps([[5, 3, 1.02, 1, 1.01]], every, 1.05)).toEqual([20]);
    // It dipped in, left, and came back: the clock starts at the return.
    expect(arrivalSteps([[5, 1, 3, 1, 1]], every, 1.05)).toEqual([30]);
    expect(arrivalSteps([[1, 1, 1]], every, 1.05)).toEqual([0]);
    expect(arrivalSteps([[5, 1, 2]], every, 1.05)).toEqual([null]);
    // A diverged run (NaN or ∞ at the end) never arrives.
    expect(arrivalSteps([[5, 1, Number.NaN]], every, 1.05)).toEqual([null]);
    expect(arrivalSteps([[5, 1, Number.POSITIVE_INFINITY]], every, 1.05)).toEqual([null]);
  });

  it('picks the lr that arrives soonest; ties → the lower end objective → the smaller lr', async () => {
    const cells = [
      { lr: 0.01, heldOutObjective: 1, medianStepsToBand: 400 },
      { lr: 0.1, heldOutObjective: 1.02, medianStepsToBand: 60 },
      { lr: 1, heldOutObjective: 1.03, medianStepsToBand: 40 },
      // Never arrives (its end is outside the band): it cannot win however fast it moved.
      { lr: 0.3, heldOutObjective: 2, medianStepsToBand: null },
    ];
    expect(pickLrTruthFree(cells)).toBe(1);
    // The end-objective rule (reported beside it) would take the most accurate end point instead.
    expect(pickLrEndObjective(cells)).toBe(0.01);
    const tied = cells.map((c) => ({ ...c, medianStepsToBand: c.medianStepsToBand && 50 }));
    expect(pickLrTruthFree(tied)).toBe(0.01);
    expect(pickLrTruthFree(tied.map((c) => ({ ...c, heldOutObjective: 1 })))).toBe(0.01);
    // No lr arrives (or no traces): the end-objective rule decides.
    expect(pickLrTruthFree(cells.map((c) => ({ ...c, medianStepsToBand: null })))).toBe(0.01);
  });

  it('a diverged generator scores +∞ on the held-out objective of either side', async () => {
    const { ctx, owned } = makeContext({
      samples,
      ...small,
      truthForScoring: truth,
      lrDifferential: 0,
      lrFunctional: 0,
    });
    try {
      for (const side of ['differential', 'functional'] as const) {
        const [good, nan, zero] = heldOutObjectives(ctx, side, [
          [0, -1, goal[1], 1, 0, -goal[0]],
          [Number.NaN, 0, 0, 0, 0, 0],
          [0, 0, 0, 0, 0, 0],
        ]);
        expect(Number.isFinite(good)).toBe(true);
        expect(nan).toBe(Number.POSITIVE_INFINITY);
        expect(zero).toBe(Number.POSITIVE_INFINITY);
      }
    } finally {
      owned?.dispose();
    }
  });

  it('the oracle (shown beside it, never used to choose) is the fewest median steps to the target', async () => {
    const cell = (lr: number, medianSteps: number, medianFinalErrorDeg: number) =>
      ({ lr, medianSteps, medianFinalErrorDeg }) as SideSummary;
    expect(pickLrOracle([cell(0.1, 50, 1), cell(1, 20, 1), cell(0.3, 20, 0.5)])).toBe(0.3);
  });
});

describe('held-out samples', () => {
  it('are a fixed seeded part, disjoint from the training part, together all of them', async () => {
    const a = holdOutSplit(1000, 0.2, 0);
    const b = holdOutSplit(1000, 0.2, 0);
    expect(a.heldOut).toEqual(b.heldOut);
    expect(a.heldOut.length).toBe(200);
    const train = new Set(a.train);
    expect(a.heldOut.some((i) => train.has(i))).toBe(false);
    expect(new Set([...a.train, ...a.heldOut]).size).toBe(1000);
  });

  it('are never drawn in training: poisoning them (NaN points, frames and rewards) leaves every run finite', async () => {
    const { heldOut } = holdOutSplit(samples.count, 0.2, 0);
    const poisoned: RewardSamples = {
      points: Float64Array.from(samples.points),
      values: Float64Array.from(samples.values),
      count: samples.count,
    };
    const poisonedFrames: KernelFrames = {
      ...frames,
      anchors: Float64Array.from(frames.anchors),
      normals: Float64Array.from(frames.normals),
    };
    for (const i of heldOut) {
      poisoned.points[2 * i] = Number.NaN;
      poisoned.values[i] = Number.NaN;
      poisonedFrames.normals[2 * i] = Number.NaN;
    }
    // f̂ is fitted here to the training part alone; the mask's support is the training part alone.
    const race = await runDiscoveryRace({
      ...small,
      samples: poisoned,
      frames: poisonedFrames,
      truthForScoring: truth,
      lrDifferential: 0.3,
      lrFunctional: 0.1,
      mask: true,
    });
    for (const r of [...race.differential.runs, ...race.functional.runs]) {
      expect(r.generator.every(Number.isFinite)).toBe(true);
      expect(r.curve.every((c) => Number.isFinite(c.loss))).toBe(true);
      // …while the held-out objective does read them (NaN there, so +∞).
      expect(r.heldOutObjective).toBe(Number.POSITIVE_INFINITY);
    }
  });
});

describe('the lr sweep', () => {
  it('picks the same lrs whatever the truth is: the rule never reads it (only the oracle does)', async () => {
    const lrs = [0.01, 0.1, 1];
    const sweep = (truthForScoring: number[]) =>
      lrSweep({
        ...small,
        samples,
        truthForScoring,
        mask: true,
        lrsDifferential: lrs,
        lrsFunctional: lrs,
      });
    const right = await sweep(truth);
    const wrong = await sweep(rotationGenerator([3, 3]));
    const nan = await sweep(truth.map(() => Number.NaN));
    for (const other of [wrong, nan]) {
      expect(other.picked).toEqual(right.picked);
      for (const side of ['differential', 'functional'] as const)
        expect(other[side].map((c) => c.heldOutObjective)).toEqual(
          right[side].map((c) => c.heldOutObjective),
        );
    }
    // The truth only scores: with a NaN truth no run ever "reaches" the target.
    expect(nan.race.differential.reached).toBe(0);
    expect(right.race.differential.lr).toBe(right.picked.differential);
    expect(right.race.functional.lr).toBe(right.picked.functional);
    expect(right.differential.map((c) => c.lr)).toEqual(lrs);
    // Every cell was traced and annotated, and the traces were dropped (they are not shipped).
    for (const side of ['differential', 'functional'] as const)
      for (const c of right[side]) {
        expect(c.medianStepsToBand === null || Number.isFinite(c.medianStepsToBand)).toBe(true);
        expect(c.stepsToBand).toHaveLength(small.seeds);
        expect(c.runs.every((r) => r.heldOutTrace === undefined)).toBe(true);
      }
    // At least the best end objective's own lr arrives (its median end value defines the band).
    expect(right.differential.some((c) => c.medianStepsToBand !== null)).toBe(true);
    expect(Number.isFinite(right.endObjectiveSpeedup)).toBe(true);
  });
});
