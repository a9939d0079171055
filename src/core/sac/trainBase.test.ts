import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ENV } from '../env';
import { taskAt } from '../families';
import { scorePolicy } from '../rollout';
import { YIELD_EVERY } from '../yieldToEventLoop';
import { actorPolicy } from './actorPolicy';
import { SAC_QUICK, trainBasePolicy } from './trainBase';

tf.enableProdMode();

describe('base policy training (SAC_QUICK)', () => {
  it('reaches a normalised score ≥ 0.9 on the goal at angle 0 of the circle c=(0.5,−1), r=1.5', async () => {
    // wasm is the backend the app uses; fall back to cpu only where wasm cannot start.
    if (!(await tf.setBackend('wasm'))) await tf.setBackend('cpu');
    const task = taskAt({ kind: 'circle', center: [0.5, -1], radius: 1.5 }, 0);
    expect(task.goal[0]).toBeCloseTo(2, 9);
    const tensorsBefore = tf.memory().numTensors;
    let progressCalls = 0;
    const result = await trainBasePolicy(DEFAULT_ENV, task, {
      ...SAC_QUICK,
      seed: 1,
      onProgress: () => progressCalls++,
    });
    expect(tf.memory().numTensors).toBe(tensorsBefore);
    expect(result.updatesDone).toBe(SAC_QUICK.updates);
    expect(progressCalls).toBeGreaterThan(10);
    // independent check of the returned actor: 8 episodes from the paper's reset, fresh seed
    const scored = scorePolicy(DEFAULT_ENV, task, actorPolicy(result.actor, DEFAULT_ENV.maxAction), 8, 1234);
    expect(scored.score).toBeGreaterThanOrEqual(0.9);
    expect(result.finalScore).toBeGreaterThanOrEqual(0.9);
    expect(result.curve.at(-1)?.update).toBe(SAC_QUICK.updates);
    // the replay holds every environment step: warm-up + one per update
    const samples = result.replay.rewardSamples();
    expect(samples.count).toBe((SAC_QUICK.warmupSteps ?? 0) + SAC_QUICK.updates);
    const i = samples.count - 1;
    expect(samples.values[i]).toBeCloseTo(
      -Math.hypot(samples.points[2 * i] - 2, samples.points[2 * i + 1] + 1),
      5,
    );
  });

  it('stops early when asked', async () => {
    const task = taskAt({ kind: 'circle', center: [0, 0], radius: 1 }, 1);
    let calls = 0;
    const result = await trainBasePolicy(DEFAULT_ENV, task, {
      updates: 1000,
      warmupSteps: 100,
      seed: 2,
      shouldStop: () => ++calls >= 2,
    });
    expect(result.stopped).toBe(true);
    // The flag is read at every yield, YIELD_EVERY updates apart: the second read stops it.
    expect(result.updatesDone).toBe(2 * YIELD_EVERY);
  });
});
