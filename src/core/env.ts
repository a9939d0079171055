// The 2D point-navigation MDP of ALGORITHM.md §2: clipped state, constrained action, Gaussian noise.

import { IDENTITY2, type Mat2, mul2 } from './linalg';
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

/** Apply the action constraint in place to (ax, ay); returns the constrained action. */
export function constrainAction(env: EnvConfig, ax: number, ay: number): [number, number] {
  const m = env.maxAction;
  if (env.constraint === 'box') return [Math.max(-m, Math.min(m, ax)), Math.max(-m, Math.min(m, ay))];
  const n = Math.sqrt(ax * ax + ay * ay);
  const k = n > m ? m / n : 1;
  return [ax * k, ay * k];
}

/** The action actually applied for a raw action in a task: M⁻¹ · constrain(M a). */
export function effectiveAction(env: EnvConfig, task: Task, a: Vec2): [number, number] {
  if (isIdentity(task.metric)) return constrainAction(env, a[0], a[1]);
  const ma = mul2(task.metric, a);
  return mul2(task.metricInv, constrainAction(env, ma[0], ma[1]));
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

/** s' = clip(s + a) + M⁻¹ε; the noise draw is explicit so tests can fix it. */
export function stepWithNoise(env: EnvConfig, task: Task, s: Vec2, a: Vec2, eps: Vec2): StepResult {
  const [ex, ey] = effectiveAction(env, task, a);
  const b = env.stateBound;
  const cx = Math.max(-b, Math.min(b, s[0] + ex));
  const cy = Math.max(-b, Math.min(b, s[1] + ey));
  const n = isIdentity(task.metric) ? eps : mul2(task.metricInv, eps);
  const x = cx + n[0];
  const y = cy + n[1];
  const reward = taskReward(task, x, y);
  return { next: [x, y], reward, success: -reward < env.successRadius };
}

export function step(env: EnvConfig, task: Task, s: Vec2, a: Vec2, rng: Rng): StepResult {
  return stepWithNoise(env, task, s, a, [env.noiseStd * rng.normal(), env.noiseStd * rng.normal()]);
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
