// Exploration data for discovery (ALGORITHM.md §5 "Data for discovery"): transitions that cover the arena.
import { runToEnd, type Yielding } from './cooperative';
import { type EnvConfig, resetTraining, step, type Task } from './env';
import { Rng } from './rng';

/** Samples of one task's reward: next states s' (x0, y0, …) and the rewards observed there. */
export interface RewardSamples {
  points: Float64Array;
  values: Float64Array;
  count: number;
}

export interface ExplorationOptions {
  /** Transitions to collect. (default 10k) */
  transitions: number;
  seed: number;
  /** Steps per exploration episode before a fresh uniform start. */
  episodeLength?: number;
  /** Probability of keeping the previous action direction at each step (persistence). */
  persistence?: number;
}

/**
 * Exploration yields after this many transitions: ≈ 2 ms of work on a 2-core laptop (10k transitions ≈ 8 ms), so a
 * pause lands within a few milliseconds and a step (STEP_YIELDS yields) explores about 20k transitions.
 */
export const EXPLORATION_YIELD_EVERY = 2500;

/**
 * Persistent random-action exploration from starts uniform in the fixed central square. Rewards are
 * computed on the noisy next states, so each (s', r) pair is exact for the task.
 */
export function collectExploration(env: EnvConfig, task: Task, opts: ExplorationOptions): RewardSamples {
  return runToEnd(collectExplorationSteps(env, task, opts));
}

/** collectExploration as a Yielding computation (every EXPLORATION_YIELD_EVERY transitions): the same samples. */
export function* collectExplorationSteps(
  env: EnvConfig,
  task: Task,
  opts: ExplorationOptions,
): Yielding<RewardSamples> {
  const rng = new Rng(opts.seed);
  const n = opts.transitions;
  const len = opts.episodeLength ?? 25;
  const keep = opts.persistence ?? 0.8;
  const points = new Float64Array(2 * n);
  const values = new Float64Array(n);
  let s = resetTraining(env, rng);
  let dir = rng.uniform(-Math.PI, Math.PI);
  for (let i = 0; i < n; i++) {
    if (i % len === 0) s = resetTraining(env, rng);
    if (rng.next() > keep) dir = rng.uniform(-Math.PI, Math.PI);
    const a: [number, number] = [env.maxAction * Math.cos(dir), env.maxAction * Math.sin(dir)];
    const r = step(env, task, s, a, rng);
    points[2 * i] = r.next[0];
    points[2 * i + 1] = r.next[1];
    values[i] = r.reward;
    s = r.next;
    if ((i + 1) % EXPLORATION_YIELD_EVERY === 0 && i + 1 < n) yield;
  }
  return { points, values, count: n };
}
