import { describe, expect, it } from 'vitest';
import {
  constrainAction,
  DEFAULT_ENV,
  euclideanTask,
  resetPaper,
  resetTraining,
  step,
  stepWithNoise,
} from './env';
import { goalAt, taskAt } from './families';
import { mul2, rot2 } from './linalg';
import { oraclePolicy, randomPolicy } from './policies';
import { Rng } from './rng';
import { rollout, scorePolicy } from './rollout';

const task = euclideanTask([1, 0]);

describe('point-navigation environment', () => {
  it('constrains actions to the disk and to the box', () => {
    const disk = constrainAction(DEFAULT_ENV, 3, 4);
    expect(Math.hypot(...disk)).toBeCloseTo(0.1, 12);
    expect(disk[0] / disk[1]).toBeCloseTo(0.75, 12);
    expect(constrainAction(DEFAULT_ENV, 0.03, -0.04)).toEqual([0.03, -0.04]);
    const box = constrainAction({ ...DEFAULT_ENV, constraint: 'box' }, 3, -0.05);
    expect(box).toEqual([0.1, -0.05]);
  });

  it('clips the state to the box before adding noise', () => {
    const r = stepWithNoise(DEFAULT_ENV, task, [4.97, -4.99], [0.1, -0.1], [0.01, 0.02]);
    // disk: (0.1, −0.1) becomes (0.0707, −0.0707); x clips to 5, y clips to −5.
    expect(r.next[0]).toBeCloseTo(5.01, 12);
    expect(r.next[1]).toBeCloseTo(-4.98, 12);
    expect(r.reward).toBeCloseTo(-Math.hypot(5.01 - 1, -4.98), 12);
  });

  it('adds Gaussian noise with the configured standard deviation', () => {
    const rng = new Rng(7);
    const n = 20000;
    let sx = 0;
    let sxx = 0;
    let sxy = 0;
    for (let i = 0; i < n; i++) {
      const r = step(DEFAULT_ENV, task, [0, 0], [0, 0], rng);
      sx += r.next[0];
      sxx += r.next[0] ** 2;
      sxy += r.next[0] * r.next[1];
    }
    expect(Math.abs(sx / n)).toBeLessThan(0.002);
    expect(Math.sqrt(sxx / n)).toBeCloseTo(0.05, 3);
    expect(Math.abs(sxy / n)).toBeLessThan(1e-4);
  });

  it('terminates inside the success radius and caps episodes at 100 steps', () => {
    const inside = stepWithNoise(DEFAULT_ENV, task, [0.95, 0], [0.01, 0], [0, 0]);
    expect(inside.success).toBe(true);
    const outside = stepWithNoise(DEFAULT_ENV, task, [0.7, 0], [0.1, 0], [0, 0.1]);
    expect(outside.success).toBe(false);
    const idle = rollout(DEFAULT_ENV, euclideanTask([4, 4]), (_s, n, a) => a.fill(0, 0, 2 * n), {
      episodes: 3,
      seed: 1,
    });
    expect(idle.lengths).toEqual([100, 100, 100]);
    expect(idle.successes).toEqual([false, false, false]);
  });

  it('disk constraint: rotating state, action and noise commutes with a step (rotation equivariance)', () => {
    const rng = new Rng(3);
    for (let k = 0; k < 200; k++) {
      const th = rng.uniform(-Math.PI, Math.PI);
      const R = rot2(th);
      const s: [number, number] = [rng.uniform(-3, 3), rng.uniform(-3, 3)];
      const a: [number, number] = [rng.uniform(-0.3, 0.3), rng.uniform(-0.3, 0.3)];
      const eps: [number, number] = [rng.normal() * 0.05, rng.normal() * 0.05];
      const g: [number, number] = [rng.uniform(-2, 2), rng.uniform(-2, 2)];
      const base = stepWithNoise(DEFAULT_ENV, euclideanTask(g), s, a, eps);
      const rotated = stepWithNoise(
        DEFAULT_ENV,
        euclideanTask(mul2(R, g)),
        mul2(R, s),
        mul2(R, a),
        mul2(R, eps),
      );
      const expected = mul2(R, base.next);
      expect(rotated.next[0]).toBeCloseTo(expected[0], 10);
      expect(rotated.next[1]).toBeCloseTo(expected[1], 10);
      expect(rotated.reward).toBeCloseTo(base.reward, 10);
    }
  });

  it('box constraint is not rotation equivariant (SO(2) only approximate there)', () => {
    const box = { ...DEFAULT_ENV, constraint: 'box' as const };
    const R = rot2(Math.PI / 4);
    const a: [number, number] = [0.1, 0.1];
    const base = stepWithNoise(box, task, [0, 0], a, [0, 0]);
    const rotated = stepWithNoise(box, task, [0, 0], mul2(R, a), [0, 0]);
    expect(Math.hypot(...rotated.next)).not.toBeCloseTo(Math.hypot(...base.next), 3);
  });

  it('resets: the paper reset is near the origin, the training reset uniform in [−3, 3]²', () => {
    const rng = new Rng(11);
    for (let i = 0; i < 500; i++) {
      const p = resetPaper(DEFAULT_ENV, rng);
      expect(Math.hypot(...p)).toBeLessThan(0.3);
      const q = resetTraining(DEFAULT_ENV, rng);
      expect(Math.max(Math.abs(q[0]), Math.abs(q[1]))).toBeLessThanOrEqual(3);
    }
  });

  // The score itself is checked against hand-computed returns in evaluation.test.ts (a check that the oracle
  // scores 1 and random 0 would hold for any scorer, by construction).
  it('the oracle beats the random policy by a wide margin at a far goal', () => {
    const t = taskAt({ kind: 'circle', center: [0.5, -1], radius: 1.5 }, 1.0);
    const oracle = scorePolicy(DEFAULT_ENV, t, oraclePolicy(DEFAULT_ENV, t), 8, 5);
    expect(oracle.oracle).toBeGreaterThan(oracle.random + 20);
    const random = scorePolicy(DEFAULT_ENV, t, randomPolicy(DEFAULT_ENV), 8, 5);
    expect(random.policy).toBeLessThan(oracle.policy - 20);
  });

  it('oracle on the unit-circle goal returns about −4.5 in about 10 steps (ref base policy −4.5, 9 steps)', () => {
    const t = taskAt({ kind: 'circle', center: [0, 0], radius: 1 }, 2.3533);
    const r = rollout(DEFAULT_ENV, t, oraclePolicy(DEFAULT_ENV, t), { episodes: 16, seed: 2 });
    const meanRet = r.returns.reduce((a, b) => a + b) / 16;
    expect(meanRet).toBeGreaterThan(-6);
    expect(meanRet).toBeLessThan(-3);
    expect(goalAt({ kind: 'circle', center: [0, 0], radius: 1 }, 2.3533)[0]).toBeCloseTo(-0.70506, 3);
  });
});
