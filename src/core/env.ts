// The 2D point-navigation MDP of ALGORITHM.md §2: clipped state, constrained action, Gaussian noise.

import { IDENTITY2, type Mat2 } from './linalg';
import type { Rng } from './rng';
import type { Vec2 } from './vec';

export type ActionConstraint = 'disk' | 'box';

export interface EnvConfig {
  /** Largest action: disk radius or box half-width. (ref 0.1) */
  maxAction: number;
  constraint: ActionConstraint;
  /** Standard deviation of the transition noise ε. (ref 0.05) */
  noiseStd: number;
  /** States are clipped to [−stateBound, stateBound]². (ref 5) */
  stateBound: number;
  /** Episode length cap. (ref 100) */
  maxSteps: number;
  /** Episode ends when the (metric) distance to the goal is below this. (ref 0.141) */
  successRadius: number;
  /** Standard deviation of the paper's reset around the origin. */
  resetStd: number;
  /** Half-width of the square from which training episodes start uniformly. */
  trainStartHalfWidth: number;
}

export const DEFAULT_ENV: EnvConfig = {
  maxAction: 0.1,
  constraint: 'disk',
  noiseStd: 0.05,
  stateBound: 5,
  maxSteps: 100,
  successRadius: 0.141,
  resetStd: 0.05,
  trainStartHalfWidth: 3,
};

/**
 * One task: a goal and the linear metric M in which distance is measured.
 * Reward r = −‖M(s' − g)‖; the action constraint applies to M a and the noise is M⁻¹ε, so a task
 * with M = C⁻¹ is exactly the Euclidean task pushed forward by C (ALGORITHM.md §3).
 */
export interface Task {
  goal: Vec2;
  metric: Mat2;
  metricInv: Mat2;
}

export const euclideanTask = (goal: Vec2): Task => ({ goal, metric: IDENTITY2, metricInv: IDENTITY2 });

const isIdentity = (m: Mat2): boolean => m[0] === 1 && m[1] === 0 && m[2] === 0 && m[3] === 1;

/** The constrained action for (ax, ay), written to out[0], out[1]. */
function constrainInto(env: EnvConfig, ax: number, ay: number, out: Float64Array): void {
  const m = env.maxAction;
  if (env.constraint === 'box') {
    out[0] = Math.max(-m, Math.min(m, ax));
    out[1] = Math.max(-m, Math.min(m, ay));
    return;
  }
  const n = Math.sqrt(ax * ax + ay * ay);
  const k = n > m ? m / n : 1;
  out[0] = ax * k;
  out[1] = ay * k;
}

/** The action actually applied for a raw action (ax, ay) in a task, M⁻¹ · constrain(M a), written to out[0..1]. */
function effectiveInto(env: EnvConfig, task: Task, ax: number, ay: number, out: Float64Array): void {
  const m = task.metric;
  if (isIdentity(m)) {
    constrainInto(env, ax, ay, out);
    return;
  }
  constrainInto(env, m[0] * ax + m[1] * ay, m[2] * ax + m[3] * ay, out);
  const mi = task.metricInv;
  const cx = out[0];
  const cy = out[1];
  out[0] = mi[0] * cx + mi[1] * cy;
  out[1] = mi[2] * cx + mi[3] * cy;
}

/** Scratch for the pair-returning wrappers (core is single-threaded per worker; nothing here re-enters). */
const PAIR = new Float64Array(2);

/** Apply the action constraint; returns the constrained action. */
export function constrainAction(env: EnvConfig, ax: number, ay: number): [number, number] {
  constrainInto(env, ax, ay, PAIR);
  return [PAIR[0], PAIR[1]];
}

/** The action actually applied for a raw action in a task: M⁻¹ · constrain(M a). */
export function effectiveAction(env: EnvConfig, task: Task, a: Vec2): [number, number] {
  effectiveInto(env, task, a[0], a[1], PAIR);
  return [PAIR[0], PAIR[1]];
}

/** Reward of landing in s' for a task: −‖M(s' − g)‖. */
export function taskReward(task: Task, x: number, y: number): number {
  const dx = x - task.goal[0];
  const dy = y - task.goal[1];
  const m = task.metric;
  const u = m[0] * dx + m[1] * dy;
  const v = m[2] * dx + m[3] * dy;
  return -Math.sqrt(u * u + v * v);
}

export interface StepResult {
  next: [number, number];
  reward: number;
  /** True when the goal was reached (terminal; no bootstrap). */
  success: boolean;
}

/**
 * s' = clip(s + a) + M⁻¹ε for the state (sx, sy), raw action (ax, ay) and noise draw (e0, e1): writes s' to
 * out[o], out[o + 1] and returns the reward. Allocation-free (the rollout loop's step); stepWithNoise wraps it.
 */
export function stepInto(
  env: EnvConfig,
  task: Task,
  sx: number,
  sy: number,
  ax: number,
  ay: number,
  e0: number,
  e1: number,
  out: Float64Array,
  o: number,
): number {
  effectiveInto(env, task, ax, ay, PAIR);
  const b = env.stateBound;
  const cx = Math.max(-b, Math.min(b, sx + PAIR[0]));
  const cy = Math.max(-b, Math.min(b, sy + PAIR[1]));
  const mi = task.metricInv;
  const identity = isIdentity(task.metric);
  const x = cx + (identity ? e0 : mi[0] * e0 + mi[1] * e1);
  const y = cy + (identity ? e1 : mi[2] * e0 + mi[3] * e1);
  out[o] = x;
  out[o + 1] = y;
  return taskReward(task, x, y);
}

/** Whether landing with this reward ends the episode (the goal is reached). */
export const reachedGoal = (env: EnvConfig, reward: number): boolean => -reward < env.successRadius;

/** s' = clip(s + a) + M⁻¹ε; the noise draw is explicit so tests can fix it. */
export function stepWithNoise(env: EnvConfig, task: Task, s: Vec2, a: Vec2, eps: Vec2): StepResult {
  const next = new Float64Array(2);
  const reward = stepInto(env, task, s[0], s[1], a[0], a[1], eps[0], eps[1], next, 0);
  return { next: [next[0], next[1]], reward, success: reachedGoal(env, reward) };
}

/** stepInto with the noise drawn from `rng`: the x draw, then the y draw (every stepping path draws in this order). */
export function stepRandomInto(
  env: EnvConfig,
  task: Task,
  sx: number,
  sy: number,
  ax: number,
  ay: number,
  rng: Rng,
  out: Float64Array,
  o: number,
): number {
  const e0 = env.noiseStd * rng.normal();
  const e1 = env.noiseStd * rng.normal();
  return stepInto(env, task, sx, sy, ax, ay, e0, e1, out, o);
}

export function step(env: EnvConfig, task: Task, s: Vec2, a: Vec2, rng: Rng): StepResult {
  const next = new Float64Array(2);
  const reward = stepRandomInto(env, task, s[0], s[1], a[0], a[1], rng, next, 0);
  return { next: [next[0], next[1]], reward, success: reachedGoal(env, reward) };
}

/** The paper's reset: the origin plus a little Gaussian noise. */
export function resetPaper(env: EnvConfig, rng: Rng): [number, number] {
  return [env.resetStd * rng.normal(), env.resetStd * rng.normal()];
}

/** Training reset: uniform in the fixed central square [−w, w]², the same for every agent. */
export function resetTraining(env: EnvConfig, rng: Rng): [number, number] {
  const w = env.trainStartHalfWidth;
  return [rng.uniform(-w, w), rng.uniform(-w, w)];
}
