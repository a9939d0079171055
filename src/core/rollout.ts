// Batched episode rollouts and the normalised score of ALGORITHM.md §10.
import { type EnvConfig, reachedGoal, resetPaper, stepRandomInto, type Task } from './env';
import { oraclePolicy, type Policy, randomPolicy } from './policies';
import { Rng } from './rng';

export interface EpisodeBatch {
  returns: number[];
  lengths: number[];
  successes: boolean[];
  /** Per episode, the visited states (x0, y0, x1, y1, …) including the start; only when recorded. */
  paths?: Float64Array[];
}

export interface RolloutOptions {
  episodes: number;
  seed: number;
  record?: boolean;
  /** Start states; defaults to the paper's reset. */
  starts?: readonly (readonly [number, number])[];
}

/** Run `episodes` episodes in lock-step through one batched policy call per step. */
export function rollout(env: EnvConfig, task: Task, policy: Policy, opts: RolloutOptions): EpisodeBatch {
  const n = opts.episodes;
  const rng = new Rng(opts.seed);
  const envRngs = Array.from({ length: n }, (_, i) => rng.fork(i));
  const policyRng = rng.fork(n + 1);
  const states = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    const s = opts.starts?.[i] ?? resetPaper(env, envRngs[i]);
    states[2 * i] = s[0];
    states[2 * i + 1] = s[1];
  }
  const actions = new Float64Array(2 * n);
  const returns = new Array<number>(n).fill(0);
  const lengths = new Array<number>(n).fill(0);
  const successes = new Array<boolean>(n).fill(false);
  const active = new Array<boolean>(n).fill(true);
  const paths = opts.record
    ? Array.from({ length: n }, (_, i) => [states[2 * i], states[2 * i + 1]])
    : undefined;
  for (let t = 0; t < env.maxSteps; t++) {
    policy(states, n, actions, policyRng);
    let any = false;
    for (let i = 0; i < n; i++) {
      if (!active[i]) continue;
      const x = states[2 * i];
      const y = states[2 * i + 1];
      const reward = stepRandomInto(
        env,
        task,
        x,
        y,
        actions[2 * i],
        actions[2 * i + 1],
        envRngs[i],
        states,
        2 * i,
      );
      returns[i] += reward;
      lengths[i] = t + 1;
      paths?.[i].push(states[2 * i], states[2 * i + 1]);
      if (reachedGoal(env, reward)) {
        successes[i] = true;
        active[i] = false;
      } else any = true;
    }
    if (!any) break;
  }
  // Copied by index: Float64Array.from walks an iterator, one result object per number.
  const packed = paths?.map((p) => {
    const out = new Float64Array(p.length);
    for (let i = 0; i < p.length; i++) out[i] = p[i];
    return out;
  });
  return { returns, lengths, successes, paths: packed };
}

export const mean = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);

export interface ScoredReturn {
  /** Mean return of the policy, the oracle and the random policy over the same seeded episodes. */
  policy: number;
  oracle: number;
  random: number;
  /** (R − R_rand) / (R_oracle − R_rand). */
  score: number;
  regret: number;
}

export const normalisedScore = (r: number, oracle: number, random: number): number =>
  (r - random) / (oracle - random);

/** Mean returns of the oracle and random policies at a task (the score's reference points). */
export function referenceReturns(env: EnvConfig, task: Task, episodes: number, seed: number) {
  return {
    oracle: mean(rollout(env, task, oraclePolicy(env, task), { episodes, seed }).returns),
    random: mean(rollout(env, task, randomPolicy(env), { episodes, seed }).returns),
  };
}

/** Score a policy at a task with E seeded episodes (same seed ⇒ same start states and noise). */
export function scorePolicy(
  env: EnvConfig,
  task: Task,
  policy: Policy,
  episodes: number,
  seed: number,
): ScoredReturn {
  const r = mean(rollout(env, task, policy, { episodes, seed }).returns);
  const ref = referenceReturns(env, task, episodes, seed);
  return { policy: r, ...ref, score: normalisedScore(r, ref.oracle, ref.random), regret: ref.oracle - r };
}
