// Benchmark of the plain-JS environment: steps per second through batched rollouts.
import { DEFAULT_ENV, euclideanTask } from '../core/env';
import { randomPolicy } from '../core/policies';
import { rollout } from '../core/rollout';

export function benchEnvSteps(): { stepsPerSecond: number } {
  const task = euclideanTask([4, 4]);
  // Random actions far from the goal: every episode runs its full 100 steps.
  const policy = randomPolicy(DEFAULT_ENV);
  rollout(DEFAULT_ENV, task, policy, { episodes: 64, seed: 0 });
  const t0 = performance.now();
  let steps = 0;
  for (let k = 0; k < 20; k++) {
    const r = rollout(DEFAULT_ENV, task, policy, { episodes: 256, seed: k });
    steps += r.lengths.reduce((a, b) => a + b, 0);
  }
  return { stepsPerSecond: steps / ((performance.now() - t0) / 1000) };
}
