// Context transitions (s, a, r, s') for the baseline encoder, flat, from the shared fixed exploration rule.
import type { EnvConfig, Task } from '../env';
import { type ContextTransition, collectContext as collectSharedContext } from '../hereditary/context';
import { Rng } from '../rng';

/** K transitions, flat: states/actions/nextStates are (x0, y0, x1, y1, …), rewards one per transition. */
export interface ContextTransitions {
  count: number;
  states: Float64Array;
  actions: Float64Array;
  rewards: Float64Array;
  nextStates: Float64Array;
}

/** The shared transitions (src/core/hereditary/context.ts) in the flat form the encoder reads. */
export function flattenContext(transitions: readonly ContextTransition[]): ContextTransitions {
  const ctx = emptyContext(transitions.length);
  transitions.forEach((tr, i) => {
    ctx.states.set(tr.state, 2 * i);
    ctx.actions.set(tr.action, 2 * i);
    ctx.rewards[i] = tr.reward;
    ctx.nextStates.set(tr.next, 2 * i);
  });
  return ctx;
}

/** The accepted context forms: flat, or the shared per-transition objects. */
export type AnyContext = ContextTransitions | readonly ContextTransition[];

export const asFlatContext = (c: AnyContext): ContextTransitions =>
  Array.isArray(c) ? flattenContext(c as readonly ContextTransition[]) : (c as ContextTransitions);

/**
 * K transitions from the FIXED exploration rule shared with the hereditary agent (its collectContext),
 * flattened. No goal is read: the rule is the same for every task.
 */
export function collectContext(env: EnvConfig, task: Task, k: number, seed: number): ContextTransitions {
  return flattenContext(collectSharedContext(env, task, k, seed));
}

export function emptyContext(k: number): ContextTransitions {
  return {
    count: k,
    states: new Float64Array(2 * k),
    actions: new Float64Array(2 * k),
    rewards: new Float64Array(k),
    nextStates: new Float64Array(2 * k),
  };
}

/** Concatenate several contexts into one pool. */
export function concatContexts(parts: readonly ContextTransitions[]): ContextTransitions {
  const out = emptyContext(parts.reduce((n, p) => n + p.count, 0));
  let o = 0;
  for (const p of parts) {
    out.states.set(p.states.subarray(0, 2 * p.count), 2 * o);
    out.actions.set(p.actions.subarray(0, 2 * p.count), 2 * o);
    out.rewards.set(p.rewards.subarray(0, p.count), o);
    out.nextStates.set(p.nextStates.subarray(0, 2 * p.count), 2 * o);
    o += p.count;
  }
  return out;
}

/** A pool of transitions per task from many runs of the fixed rule (the encoder's training data). */
export function collectContextPool(
  env: EnvConfig,
  task: Task,
  runs: number,
  k: number,
  seed: number,
): ContextTransitions {
  const rng = new Rng(seed);
  return concatContexts(
    Array.from({ length: runs }, (_, i) => collectContext(env, task, k, rng.fork(i).seed)),
  );
}

/** A context of `size` transitions drawn uniformly with replacement from a pool (seeded). */
export function sampleContext(pool: ContextTransitions, size: number, rng: Rng): ContextTransitions {
  const out = emptyContext(size);
  const n = pool.count;
  for (let j = 0; j < size; j++) {
    const i = rng.int(n);
    out.states[2 * j] = pool.states[2 * i];
    out.states[2 * j + 1] = pool.states[2 * i + 1];
    out.actions[2 * j] = pool.actions[2 * i];
    out.actions[2 * j + 1] = pool.actions[2 * i + 1];
    out.rewards[j] = pool.rewards[i];
    out.nextStates[2 * j] = pool.nextStates[2 * i];
    out.nextStates[2 * j + 1] = pool.nextStates[2 * i + 1];
  }
  return out;
}

/**
 * A context made of whole runs of the fixed rule: ⌈size/runLength⌉ random runs of a pool built by
 * collectContextPool, concatenated and cut to `size`. Matches the test-time distribution, where a
 * context is one run.
 */
export function sampleRunContext(
  pool: ContextTransitions,
  runLength: number,
  size: number,
  rng: Rng,
): ContextTransitions {
  const runs = Math.floor(pool.count / runLength);
  const out = emptyContext(size);
  for (let j = 0; j < size; j += runLength) {
    const start = rng.int(runs) * runLength;
    const len = Math.min(runLength, size - j);
    out.states.set(pool.states.subarray(2 * start, 2 * (start + len)), 2 * j);
    out.actions.set(pool.actions.subarray(2 * start, 2 * (start + len)), 2 * j);
    out.rewards.set(pool.rewards.subarray(start, start + len), j);
    out.nextStates.set(pool.nextStates.subarray(2 * start, 2 * (start + len)), 2 * j);
  }
  return out;
}
