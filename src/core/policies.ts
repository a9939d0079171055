// Batched policy type, and the oracle and uniform-random policies (used for scoring only).
import type { EnvConfig, Task } from './env';
import type { Rng } from './rng';

/**
 * A batched policy: reads n states (x0, y0, x1, y1, …) and writes n raw actions. The environment
 * applies the action constraint afterwards.
 */
export type Policy = (states: Float64Array, n: number, actions: Float64Array, rng: Rng) => void;

/** Straight to the goal at full speed, measured in the task's metric. ORACLE: reads the goal. */
export function oraclePolicy(env: EnvConfig, task: Task): Policy {
  const m = task.metric;
  const mi = task.metricInv;
  const k = env.maxAction;
  return (states, n, actions) => {
    for (let i = 0; i < n; i++) {
      const dx = task.goal[0] - states[2 * i];
      const dy = task.goal[1] - states[2 * i + 1];
      let u = m[0] * dx + m[1] * dy;
      let v = m[2] * dx + m[3] * dy;
      if (env.constraint === 'box') {
        u = Math.max(-k, Math.min(k, u));
        v = Math.max(-k, Math.min(k, v));
      } else {
        const d = Math.sqrt(u * u + v * v);
        const s = d > k ? k / d : 1;
        u *= s;
        v *= s;
      }
      actions[2 * i] = mi[0] * u + mi[1] * v;
      actions[2 * i + 1] = mi[2] * u + mi[3] * v;
    }
  };
}

/** Uniform actions over the box [−maxAction, maxAction]² (the constraint then applies). */
export function randomPolicy(env: EnvConfig): Policy {
  return (_states, n, actions, rng) => {
    for (let i = 0; i < 2 * n; i++) actions[i] = rng.uniform(-env.maxAction, env.maxAction);
  };
}
