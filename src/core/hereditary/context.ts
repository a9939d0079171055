// Test-time context: K transitions from one fixed exploration rule, shared by the hereditary agent and the baseline.
import { type EnvConfig, resetPaper, step, type Task } from '../env';
import { Rng } from '../rng';

export interface ContextTransition {
  state: [number, number];
  action: [number, number];
  reward: number;
  next: [number, number];
}

/**
 * From the paper's reset, walk a square: full-speed steps along a seeded heading, turning 90° every
 * ⌈K/4⌉ steps, so the visited states are never collinear (three non-collinear states fix the angle).
 * Rewards come from the environment; the goal is never read.
 */
export function collectContext(env: EnvConfig, task: Task, k: number, seed: number): ContextTransition[] {
  const rng = new Rng(seed);
  let s = resetPaper(env, rng);
  const heading = rng.uniform(-Math.PI, Math.PI);
  const side = Math.max(1, Math.ceil(k / 4));
  const out: ContextTransition[] = [];
  for (let t = 0; t < k; t++) {
    const dir = heading + (Math.PI / 2) * Math.floor(t / side);
    const a: [number, number] = [env.maxAction * Math.cos(dir), env.maxAction * Math.sin(dir)];
    const r = step(env, task, s, a, rng);
    out.push({ state: s, action: a, reward: r.reward, next: r.next });
    s = r.next;
  }
  return out;
}
