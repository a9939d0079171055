// Smooth-encoding baseline: solves its own training tasks, fails far from a clustered training set, JSON round trip.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ENV } from '../env';
import { DEFAULT_FAMILY, taskAt } from '../families';
import { Rng } from '../rng';
import { Sac } from '../sac/sac';
import { baselinePolicyForContext, deserializeBaseline, serializeBaseline } from './baselineModel';
import { collectContext } from './context';
import { ContextEncoderTf } from './contextEncoder';
import { BASELINE_QUICK, scoreBaselineAt, trainBaseline } from './trainBaseline';

beforeAll(async () => {
  tf.enableProdMode();
  await tf.setBackend('wasm');
});

const env = DEFAULT_ENV;
const deg = (d: number) => (d * Math.PI) / 180;
const EPISODES = 8;

describe('smooth-encoding baseline', () => {
  it('round-trips through JSON with identical actions', () => {
    const enc = new ContextEncoderTf({ hidden: [16, 16], latentDim: 2 }, env.maxAction, 1);
    const sac = new Sac({ obsDim: 4, seed: 2, maxAction: env.maxAction });
    const model = {
      encoder: enc.exportWeights(),
      actor: sac.exportActor(),
      maxAction: env.maxAction,
      contextK: 16,
    };
    enc.dispose();
    sac.dispose();
    const back = deserializeBaseline(JSON.parse(JSON.stringify(serializeBaseline(model))));
    const ctx = collectContext(env, taskAt(DEFAULT_FAMILY, 1), 16, 3);
    const states = Float64Array.from([0, 0, 0.5, -0.3, 1, 1]);
    const a1 = new Float64Array(6);
    const a2 = new Float64Array(6);
    baselinePolicyForContext(model, ctx)(states, 3, a1, new Rng(0));
    baselinePolicyForContext(back, ctx)(states, 3, a2, new Rng(0));
    expect(Array.from(a2)).toEqual(Array.from(a1));
  });

  it('clustered training tasks (0°, 40°, 80°): solves them, fails far away (220°), no tensor leak', async () => {
    const trainTasks = [0, 40, 80].map((d) => taskAt(DEFAULT_FAMILY, deg(d)));
    const before = tf.memory().numTensors;
    const t0 = performance.now();
    const res = await trainBaseline(env, trainTasks, { ...BASELINE_QUICK, seed: 11 });
    const wall = (performance.now() - t0) / 1000;
    expect(tf.memory().numTensors).toBe(before);
    const atTrain = scoreBaselineAt(env, res.model, trainTasks, EPISODES, 123);
    const farAngles = [180, 220, 260];
    const far = scoreBaselineAt(
      env,
      res.model,
      farAngles.map((d) => taskAt(DEFAULT_FAMILY, deg(d))),
      EPISODES,
      123,
    );
    console.log(
      `baseline (3 clustered tasks, ${res.updatesDone} updates, ${res.msPerUpdate.toFixed(1)} ms/update, ${wall.toFixed(0)} s): ` +
        `train ${atTrain.map((s) => s.toFixed(3)).join(' ')}; far ${farAngles.map((d, i) => `${d}°:${far[i].toFixed(3)}`).join(' ')}`,
    );
    for (const s of atTrain) expect(s).toBeGreaterThanOrEqual(0.9);
    expect(far[1]).toBeLessThan(0.7);
  });

  it.skipIf(!process.env.HEREDITARY_SLOW_TESTS)(
    'twelve evenly spread training tasks: improves far from the clustered set',
    async () => {
      const trainTasks = Array.from({ length: 12 }, (_, i) => taskAt(DEFAULT_FAMILY, deg(30 * i)));
      const res = await trainBaseline(env, trainTasks, {
        ...BASELINE_QUICK,
        updates: 3 * (BASELINE_QUICK.updates ?? 0),
        seed: 11,
      });
      const probe = [15, 105, 195, 220, 285].map((d) => taskAt(DEFAULT_FAMILY, deg(d)));
      const scores = scoreBaselineAt(env, res.model, probe, EPISODES, 123);
      const atTrain = scoreBaselineAt(env, res.model, trainTasks, EPISODES, 123);
      console.log(
        `baseline (12 spread tasks, ${res.updatesDone} updates): train min ${Math.min(...atTrain).toFixed(3)} mean ${(atTrain.reduce((a, b) => a + b, 0) / 12).toFixed(3)}; between tasks ${scores.map((s) => s.toFixed(3)).join(' ')}`,
      );
      // Measured (seed 11, 36k updates, ≈ 4 min): probes 0.968 0.996 0.497 0.175 0.846 (mean 0.70) against
      // −0.20…−0.54 far from the clustered set; training tasks min 0.256, mean 0.834 — with 12 tasks 30° apart
      // a 16-transition context identifies the task only ≈ 60% of the time (12-way nearest centroid).
      expect(scores.reduce((a, b) => a + b, 0) / scores.length).toBeGreaterThanOrEqual(0.5);
    },
  );
});
