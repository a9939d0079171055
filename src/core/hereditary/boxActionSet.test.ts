// The paper's box action set: the hereditary agent still infers θ and scores, but the box is not rotation-invariant.
import { describe, expect, it } from 'vitest';
import { degToRad, radToDeg, wrapAngle } from '../angles';
import { constrainAction, DEFAULT_ENV, type EnvConfig } from '../env';
import { collectExploration } from '../explorationData';
import { type CircleFamily, goalAt, taskAt, testAngles } from '../families';
import { expm3, rotationGenerator } from '../lie';
import { scale3 } from '../linalg';
import { oraclePolicy } from '../policies';
import { Rng } from '../rng';
import { scorePolicy } from '../rollout';
import { adaptHereditaryAgent, oracleHereditaryPolicy } from './agent';
import { BaseRewardModel } from './baseRewardModel';

const family: CircleFamily = { kind: 'circle', center: [0, 0], radius: 1 };
const base = 0;
const box: EnvConfig = { ...DEFAULT_ENV, constraint: 'box' };
const disk: EnvConfig = { ...DEFAULT_ENV, constraint: 'disk' };
const generator = rotationGenerator(family.center);

describe('hereditary agent under the box action set', () => {
  it('with an ideal base policy and the true generator: θ* within 1° and score ≥ 0.95 at 24 goals', () => {
    const baseTask = taskAt(family, base);
    const model = BaseRewardModel.fit(collectExploration(box, baseTask, { transitions: 10_000, seed: 5 }));
    const basePolicy = oraclePolicy(box, baseTask);
    const scores: number[] = [];
    for (const [j, phi] of testAngles(24).entries()) {
      const task = taskAt(family, phi);
      const run = adaptHereditaryAgent(box, task, basePolicy, generator, model, 16, 5000 + j);
      expect(radToDeg(Math.abs(wrapAngle(run.estimate.theta - (phi - base))))).toBeLessThan(1);
      scores.push(scorePolicy(box, task, run.policy, 8, 9000 + j).score);
    }
    // Measured: min 0.983 (at 315°), mean 0.992; under the disk every goal scores 1.000.
    expect(Math.min(...scores)).toBeGreaterThanOrEqual(0.95);
  });

  it('the box is not rotation-invariant: a rotated action leaves it and is clipped, and that costs return', () => {
    // The base oracle heading along a diagonal uses the box's corner (speed √2 · maxAction).
    const m = box.maxAction;
    const corner: [number, number] = [m, m];
    const a = expm3(scale3(generator, degToRad(45)));
    const rotated: [number, number] = [
      a[0] * corner[0] + a[1] * corner[1],
      a[3] * corner[0] + a[4] * corner[1],
    ];
    expect(Math.hypot(...rotated)).toBeCloseTo(Math.SQRT2 * m, 12);
    expect(Math.hypot(...constrainAction(box, ...rotated))).toBeCloseTo(m, 12);
    // Moved by the TRUE θ (oracle mode, to isolate the action set): regret ≈ 0 at the box's own symmetries
    // (rotations by multiples of 90°), positive in between; under the disk ≈ 0 everywhere.
    const regretAt = (env: EnvConfig, deg: number) => {
      const task = taskAt(family, base + degToRad(deg));
      const moved = oracleHereditaryPolicy(
        oraclePolicy(env, taskAt(family, base)),
        generator,
        goalAt(family, base),
        task,
      );
      return scorePolicy(env, task, moved, 32, 11).regret;
    };
    for (const deg of [0, 90, 180, 270]) expect(Math.abs(regretAt(box, deg))).toBeLessThan(0.05);
    // Measured: 0.50 at 15°, 1.20 at 30°, 1.59 at 45°, 1.76 at 135° (return units; scores 0.984–0.995).
    for (const deg of [30, 45, 135]) expect(regretAt(box, deg)).toBeGreaterThan(0.8);
    for (const deg of [30, 45, 135]) expect(Math.abs(regretAt(disk, deg))).toBeLessThan(0.05);
    // At 90° the moved base oracle IS the task's oracle under the box (state in, action back out).
    const task = taskAt(family, base + Math.PI / 2);
    const moved = oracleHereditaryPolicy(
      oraclePolicy(box, taskAt(family, base)),
      generator,
      goalAt(family, base),
      task,
    );
    const rng = new Rng(3);
    const states = Float64Array.from({ length: 40 }, () => rng.uniform(-2, 2));
    const x = new Float64Array(40);
    const y = new Float64Array(40);
    moved(states, 20, x, rng);
    oraclePolicy(box, task)(states, 20, y, rng);
    for (let i = 0; i < 40; i++) expect(x[i]).toBeCloseTo(y[i], 8);
  });
});
