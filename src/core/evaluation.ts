// Evaluation over evenly spread test goals (ALGORITHM.md §10): returns, scores, regret vs distance to training.

import { radToDeg } from './angles';
import type { EnvConfig, Task } from './env';
import { angularDistanceToSet, goalAt, type TaskFamily, taskAt, testAngles } from './families';
import type { Policy } from './policies';
import { mean, normalisedScore, referenceReturns, rollout } from './rollout';

/** Builds an agent's policy for one test task (it may gather context there first; seeded). */
export type AgentFactory = (task: Task, seed: number) => Policy;

export interface GoalEvaluation {
  goal: [number, number];
  angle_deg: number;
  distance_to_training_deg: number;
  return: Record<string, number>;
  score: Record<string, number>;
  regret: Record<string, number>;
}

export interface ScoreCurveBin {
  /** Bin centre and edges in degrees of angular distance to the nearest training task. */
  distance_deg: number;
  from_deg: number;
  to_deg: number;
  count: number;
  mean_score: Record<string, number>;
  min_score: Record<string, number>;
  mean_regret: Record<string, number>;
}

export interface EvaluationSummary {
  agents: string[];
  min_score: Record<string, number>;
  mean_score: Record<string, number>;
  curve: ScoreCurveBin[];
}

export interface EvaluationOptions {
  testGoals: number;
  episodes: number;
  seed: number;
  onProgress?: (done: number, total: number) => void;
}

export function evaluateAgents(
  env: EnvConfig,
  family: TaskFamily,
  trainAngles: readonly number[],
  agents: Record<string, AgentFactory>,
  opts: EvaluationOptions,
): GoalEvaluation[] {
  const angles = testAngles(opts.testGoals);
  return angles.map((phi, i) => {
    const task = taskAt(family, phi);
    const seed = opts.seed * 100003 + i;
    const ref = referenceReturns(env, task, opts.episodes, seed);
    const row: GoalEvaluation = {
      goal: [...goalAt(family, phi)] as [number, number],
      angle_deg: radToDeg(phi),
      distance_to_training_deg: radToDeg(angularDistanceToSet(phi, trainAngles)),
      return: { oracle: ref.oracle, random: ref.random },
      score: {},
      regret: {},
    };
    for (const [name, factory] of Object.entries(agents)) {
      const r = mean(rollout(env, task, factory(task, seed), { episodes: opts.episodes, seed }).returns);
      row.return[name] = r;
      row.score[name] = normalisedScore(r, ref.oracle, ref.random);
      row.regret[name] = ref.oracle - r;
    }
    opts.onProgress?.(i + 1, angles.length);
    return row;
  });
}

/** Min/mean score per agent and the score/regret curve binned by distance to the training set. */
export function summariseEvaluation(rows: readonly GoalEvaluation[], binDeg = 15): EvaluationSummary {
  const agents = rows.length ? Object.keys(rows[0].score) : [];
  const per = (f: (xs: number[]) => number, key: 'score' | 'regret', subset: readonly GoalEvaluation[]) =>
    Object.fromEntries(agents.map((a) => [a, f(subset.map((r) => r[key][a]))]));
  const curve: ScoreCurveBin[] = [];
  for (let from = 0; from < 180; from += binDeg) {
    const to = from + binDeg;
    const inBin = rows.filter(
      (r) => r.distance_to_training_deg >= from && (r.distance_to_training_deg < to || to >= 180),
    );
    if (!inBin.length) continue;
    curve.push({
      distance_deg: from + binDeg / 2,
      from_deg: from,
      to_deg: to,
      count: inBin.length,
      mean_score: per(mean, 'score', inBin),
      min_score: per((xs) => Math.min(...xs), 'score', inBin),
      mean_regret: per(mean, 'regret', inBin),
    });
  }
  return {
    agents,
    min_score: per((xs) => Math.min(...xs), 'score', rows),
    mean_score: per(mean, 'score', rows),
    curve,
  };
}

/** The evaluation table as CSV (one row per test goal). */
export function evaluationCsv(rows: readonly GoalEvaluation[]): string {
  const agents = rows.length ? Object.keys(rows[0].score) : [];
  const head = [
    'goal_x',
    'goal_y',
    'angle_deg',
    'distance_to_training_deg',
    'return_oracle',
    'return_random',
    ...agents.flatMap((a) => [`return_${a}`, `score_${a}`, `regret_${a}`]),
  ];
  const lines = rows.map((r) =>
    [
      r.goal[0],
      r.goal[1],
      r.angle_deg,
      r.distance_to_training_deg,
      r.return.oracle,
      r.return.random,
      ...agents.flatMap((a) => [r.return[a], r.score[a], r.regret[a]]),
    ]
      .map((v) => (Number.isInteger(v) ? String(v) : v.toFixed(6)))
      .join(','),
  );
  return [head.join(','), ...lines].join('\n') + '\n';
}
