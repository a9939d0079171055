import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ENV, euclideanTask } from '../env';
import { collectExploration } from '../explorationData';
import { estimateKernelFrames } from '../frames/kernelFrames';
import { generatorVector, rotationGenerator } from '../lie';
import { QUICK_RACE } from '../pipeline/racePresets';
import { lrSweep, runDiscoveryRace } from './discoveryRace';
import { fitRewardMlp, type RewardMlp } from './rewardModelTf';
import { differentialLoss, functionalLoss } from './symmetryLosses';

tf.enableProdMode();

const goal: [number, number] = [-0.70506, 0.70915];
const truth = rotationGenerator(goal);
const samples = collectExploration(DEFAULT_ENV, euclideanTask(goal), { transitions: 10000, seed: 1 });
const frames = estimateKernelFrames(samples, { estimator: 'gradient', radius: 0.1 });
/** The analytic reward, used only in the labelled oracle ablation and in loss sanity checks. */
const oracleReward = (p: tf.Tensor2D) =>
  tf.tidy(() => p.sub(tf.tensor1d(goal)).square().sum(1).sqrt().neg() as tf.Tensor1D);
let model: RewardMlp;

beforeAll(async () => {
  await tf.setBackend('wasm');
  model = fitRewardMlp(samples, { seed: 0, steps: 1500 });
});

describe('symmetry losses', () => {
  it('vanish at the true generator and not elsewhere', async () => {
    const pts = tf.tensor2d(Float32Array.from(samples.points.subarray(0, 512)), [256, 2]);
    const nrm = tf.tensor2d(Float32Array.from(frames.normals.subarray(0, 512)), [256, 2]);
    const thetas = tf.randomUniform([256], 0, 2 * Math.PI, 'float32', 3) as tf.Tensor1D;
    const at = (x: number[]) => {
      const xv = tf.tensor1d(x);
      const d = differentialLoss(xv, pts, nrm);
      const f = functionalLoss(xv, pts, thetas, oracleReward, 2 * Math.PI);
      const out = [d.dataSync()[0], f.dataSync()[0]];
      tf.dispose([xv, d, f]);
      return out;
    };
    const [dTrue, fTrue] = at(generatorVector(truth).map((v) => 3 * v)); // scale-free: normalised inside
    const [dWrong, fWrong] = at([1, 0, 0.2, 0, -1, 0.5]);
    expect(dTrue).toBeLessThan(1e-3 * dWrong);
    expect(fTrue).toBeLessThan(1e-6 * fWrong);
    tf.dispose([pts, nrm, thetas]);
  });

  it('leak no tensors over a few hundred Adam steps of each loss', async () => {
    const pts = tf.tensor2d(Float32Array.from(samples.points.subarray(0, 256)), [128, 2]);
    const nrm = tf.tensor2d(Float32Array.from(frames.normals.subarray(0, 256)), [128, 2]);
    const thetas = tf.randomUniform([128], 0, 2 * Math.PI, 'float32', 4) as tf.Tensor1D;
    const x = tf.variable(tf.tensor1d([0.3, -1, 0.2, 1.1, 0.1, 0.4]));
    const counts: number[] = [];
    for (const kind of ['differential', 'functional'] as const) {
      const opt = tf.train.adam(0.01);
      for (let s = 0; s < 300; s++) {
        const cost = tf.tidy(
          (): tf.Scalar | undefined =>
            opt.minimize(
              () =>
                kind === 'differential'
                  ? differentialLoss(x, pts, nrm, true)
                  : functionalLoss(x, pts, thetas, model.predict, 2 * Math.PI),
              true,
              [x],
            ) ?? undefined,
        );
        cost?.dispose();
        if (s === 10 || s === 299) counts.push(tf.memory().numTensors);
      }
      opt.dispose();
    }
    expect(counts[1]).toBe(counts[0]);
    expect(counts[3]).toBe(counts[2]);
    tf.dispose([pts, nrm, thetas, x]);
  });
});

describe('differential vs functional race (paper setting: θ ~ U[0, 2π), fitted f̂)', () => {
  it('the differential side reaches 2° in far fewer steps, and the race leaks nothing', async () => {
    const before = tf.memory().numTensors;
    const res = await runDiscoveryRace({
      samples,
      frames,
      truthForScoring: truth,
      ...QUICK_RACE,
      // Each side at its fastest lr in our sweeps (the oracle's pick: fine for testing the claim at each side's
      // best). The pipeline's presets are the truth-free rule's picks (pipeline/racePresets.ts), slower for both.
      lrDifferential: 1,
      lrFunctional: 0.3,
      fittedModel: model,
    });
    expect(tf.memory().numTensors).toBe(before);
    expect(res.setting.label).toContain('fitted');
    expect(res.closedForm.errorDeg).toBeLessThan(0.5);
    expect(res.differential.reached).toBe(QUICK_RACE.seeds);
    for (const run of res.differential.runs) expect(run.finalError).toBeLessThan(1);
    for (const run of [...res.differential.runs, ...res.functional.runs])
      expect(run.curve.length).toBeLessThanOrEqual(200);
    // Measured here ≈ 8× with these 3 seeds (43 vs 343 median steps; 6–8× over 5–10 seeds), not the
    // paper's 10×; the functional side is not weakened to reach it. Differential also ends ~10× more accurate.
    expect(res.speedup).toBeGreaterThanOrEqual(3);
    expect(res.differential.medianFinalErrorDeg).toBeLessThan(res.functional.medianFinalErrorDeg);
  });

  it('seeds trained together follow the same paths as each seed alone', async () => {
    const common = { samples, frames, truthForScoring: truth, steps: 80, batch: 64, fittedModel: model };
    const race = (firstSeed: number, seeds: number) =>
      runDiscoveryRace({ ...common, seeds, firstSeed, lrDifferential: 1, lrFunctional: 0.3 });
    const together = await race(5, 2);
    for (const [i, alone] of [await race(5, 1), await race(6, 1)].entries()) {
      for (const side of ['differential', 'functional'] as const) {
        const a = alone[side].runs[0];
        const t = together[side].runs[i];
        expect(t.seed).toBe(a.seed);
        for (let k = 0; k < 9; k++) expect(t.generator[k]).toBeCloseTo(a.generator[k], 4);
        expect(t.finalError).toBeCloseTo(a.finalError, 2);
        expect(t.curve[40].loss).toBeCloseTo(a.curve[40].loss, 5);
      }
    }
  });

  it('lr sweep reports a best lr per side and labels the oracle ablation', async () => {
    const sweep = await lrSweep({
      samples,
      frames,
      truthForScoring: truth,
      seeds: 1,
      steps: 60,
      rewardModel: 'true',
      oracleRewardTf: oracleReward,
      lrsDifferential: [0.01, 0.3],
      lrsFunctional: [0.01, 0.1],
    });
    expect(sweep.setting.rewardModel).toContain('oracle');
    expect(sweep.oracle.differential).toBe(0.3);
    expect(sweep.differential).toHaveLength(2);
    expect(sweep.functional).toHaveLength(2);
  });
});
