// Evaluation over evenly spread test goals (ALGORITHM.md §10): returns, scores, regret, θ* error and conditioning.

import { radToDeg, wrapAngle } from './angles';
import type { EnvConfig, Task } from './env';
import {
  type FamilyUnit,
  goalAt,
  isPeriodicFamily,
  orbitDistanceToSet,
  parameterInFamilyUnits,
  type TaskFamily,
  taskAt,
  testParameters,
} from './families';
import type { Policy } from './policies';
import { mean, normalisedScore, referenceReturns, rollout } from './rollout';
import { yieldToEventLoop } from './yieldToEventLoop';

/**
 * An agent adapted to one test task; `theta` is the group element it inferred (hereditary agents only), on the circle
 * when `compact` (radians, the default) and on the real line otherwise (the flow's own units).
 */
export interface AdaptedAgent {
  policy: Policy;
  theta?: number;
  compact?: boolean;
}

/** Builds an agent's policy for one test task (it may gather context there first; seeded). */
export type AgentFactory = (task: Task, seed: number) => Policy | AdaptedAgent;

export interface GoalEvaluation {
  goal: [number, number];
  /** The goal's orbit parameter t in the family's unit: degrees (periodic families) or arena units (a line). */
  parameter?: number;
  /** Distance along the orbit to the nearest training task, in the family's unit (degrees or arena units). */
  distance_to_training?: number;
  /** Periodic families only: φ and the angular distance in degrees (NaN, i.e. null in JSON, for a line). */
  angle_deg: number;
  distance_to_training_deg: number;
  return: Record<string, number>;
  score: Record<string, number>;
  regret: Record<string, number>;
  /** θ* the hereditary agent inferred from context (degrees in [0, 360)); null without one. */
  theta_star_deg?: number | null;
  /** |θ* − θ_true| in degrees, θ_true from the TRUE generator and goal (scoring only); null without either. */
  theta_error_deg?: number | null;
  /**
   * θ* and |θ* − θ_true| in the generator's unit: degrees (θ* in [0, 360)) for a compact generator, the flow's own
   * unit on the real line for a non-compact one (arena units for a unit-speed translation). Null without them.
   */
  theta_star?: number | null;
  theta_error?: number | null;
  /** R_oracle − R_rand is small here, so the score divides by a small number (see ILL_CONDITIONED_RULE). */
  ill_conditioned?: boolean;
}

/** Per-bin spread over seeds: each seed's own bin mean, its min and max across the seeds. */
export interface SeedSpreadBin {
  seeds: number;
  mean_score_min: Record<string, number>;
  mean_score_max: Record<string, number>;
  mean_regret_min: Record<string, number>;
  mean_regret_max: Record<string, number>;
}

export interface ScoreCurveBin {
  /** Bin centre and edges in the family's unit of distance to the nearest training task (degrees or arena units). */
  distance?: number;
  from?: number;
  to?: number;
  /** The same in degrees (periodic families; NaN, i.e. null in JSON, for a line). */
  distance_deg: number;
  from_deg: number;
  to_deg: number;
  /** Goals in the bin (over every seed pooled into the summary). */
  count: number;
  /** Mean, min and max over the goals in the bin (and over the seeds, where several are pooled). */
  mean_score: Record<string, number>;
  min_score: Record<string, number>;
  max_score?: Record<string, number>;
  mean_regret: Record<string, number>;
  min_regret?: Record<string, number>;
  max_regret?: Record<string, number>;
  /** Ill-conditioned goals in the bin (kept in every figure above). */
  ill_conditioned?: number;
  seed_spread?: SeedSpreadBin;
}

/** Figures over the well-conditioned goals only (the ill-conditioned ones are kept everywhere else). */
export interface ConditionedFigures {
  goals: number;
  min_score: Record<string, number>;
  mean_score: Record<string, number>;
  mean_regret: Record<string, number>;
  max_regret: Record<string, number>;
}

/** Headline figures per agent, each in the measure that suits its claim (HEADLINE_NOTE). */
export interface AgentHeadline {
  /** Worst case over every goal, in return units. */
  max_regret: number;
  min_score_well_conditioned: number;
  /** Mean score over the well-conditioned goals at least the headline's far_from from every training task. */
  far_mean_score: number | null;
  far_mean_regret: number | null;
}

/** Across seeds: the seed list, each seed's own figures and their range (multi-seed CLI runs). */
export interface SeedsSummary {
  seeds: number[];
  /** What is pooled over seeds and what is the first seed's. */
  scope: string;
  per_seed: SeedFigures[];
  range: SeedRange;
}

export interface SeedFigures {
  seed: number;
  min_score: Record<string, number>;
  mean_score: Record<string, number>;
  max_regret: Record<string, number>;
  min_score_well_conditioned: Record<string, number>;
  ill_conditioned_count: number;
  median_theta_error_deg: number | null;
  /** Other per-seed figures of the run (generator errors, base score, race speed-up). */
  figures: Record<string, number | null>;
}

export type Range = [number, number];

export interface SeedRange {
  min_score: Record<string, Range>;
  mean_score: Record<string, Range>;
  max_regret: Record<string, Range>;
  min_score_well_conditioned: Record<string, Range>;
  ill_conditioned_count: Range;
  median_theta_error_deg: Range | null;
  figures: Record<string, Range | null>;
}

export interface EvaluationSummary {
  agents: string[];
  /** The unit of every distance in the summary: degrees (periodic families) or arena units (a line). */
  distance_unit?: FamilyUnit;
  /** Over every goal (ill-conditioned ones included), and over every seed where several are pooled. */
  min_score: Record<string, number>;
  mean_score: Record<string, number>;
  max_score?: Record<string, number>;
  mean_regret?: Record<string, number>;
  max_regret?: Record<string, number>;
  goals?: number;
  /** Mean return of the oracle and of the random policy over the goals: the scale that regret is read against. */
  mean_reference_return?: { oracle: number; random: number };
  curve: ScoreCurveBin[];
  /** angles_deg: periodic families only (empty for a line); parameters: the goals' t in the family's unit. */
  ill_conditioned?: {
    rule: string;
    gap_fraction: number;
    count: number;
    angles_deg: number[];
    parameters?: number[];
  };
  well_conditioned?: ConditionedFigures;
  /** Median and largest θ* error over the goals (null without a hereditary agent or a true generator). */
  median_theta_error_deg?: number | null;
  max_theta_error_deg?: number | null;
  /** The same in the generator's unit (rows' theta_error): degrees when compact, the flow's unit otherwise. */
  median_theta_error?: number | null;
  max_theta_error?: number | null;
  headline?: {
    note: string;
    /** "Far" in the distance unit; far_from_deg is the same in degrees (NaN, i.e. null in JSON, for a line). */
    far_from?: number;
    far_from_deg: number;
    agents: Record<string, AgentHeadline>;
  };
  seeds?: SeedsSummary;
}

export interface EvaluationOptions {
  testGoals: number;
  /** A line's test offsets are spread evenly over [−testExtent, testExtent] (ignored by periodic families). */
  testExtent?: number;
  /** The test goals' parameters, when not testParameters(family, testGoals, testExtent) (a discovered orbit's). */
  parameters?: readonly number[];
  episodes: number;
  seed: number;
  /**
   * GROUND TRUTH, scoring only: the true group element carrying the base task onto the task at t, in the unit of the
   * agent's θ (null where the family has no true generator). Never reaches an agent; it only fills theta_error.
   */
  trueTheta?: (phi: number) => number | null;
  onProgress?: (done: number, total: number) => void;
}

const adapted = (a: Policy | AdaptedAgent): AdaptedAgent => (typeof a === 'function' ? { policy: a } : a);
const wrap360 = (deg: number) => ((deg % 360) + 360) % 360;

export async function evaluateAgents(
  env: EnvConfig,
  family: TaskFamily,
  trainAngles: readonly number[],
  agents: Record<string, AgentFactory>,
  opts: EvaluationOptions,
): Promise<GoalEvaluation[]> {
  const periodic = isPeriodicFamily(family);
  const params = opts.parameters ?? testParameters(family, opts.testGoals, opts.testExtent);
  const rows: GoalEvaluation[] = [];
  for (const [i, t] of params.entries()) {
    const task = taskAt(family, t);
    const seed = opts.seed * 100003 + i;
    const ref = referenceReturns(env, task, opts.episodes, seed);
    const distance = orbitDistanceToSet(family, t, trainAngles);
    const row: GoalEvaluation = {
      goal: [...goalAt(family, t)] as [number, number],
      parameter: parameterInFamilyUnits(family, t),
      distance_to_training: distance,
      angle_deg: periodic ? radToDeg(t) : Number.NaN,
      distance_to_training_deg: periodic ? distance : Number.NaN,
      return: { oracle: ref.oracle, random: ref.random },
      score: {},
      regret: {},
      theta_star_deg: null,
      theta_error_deg: null,
      theta_star: null,
      theta_error: null,
      ill_conditioned: false,
    };
    for (const [name, factory] of Object.entries(agents)) {
      const agent = adapted(factory(task, seed));
      const r = mean(rollout(env, task, agent.policy, { episodes: opts.episodes, seed }).returns);
      row.return[name] = r;
      row.score[name] = normalisedScore(r, ref.oracle, ref.random);
      row.regret[name] = ref.oracle - r;
      if (agent.theta !== undefined && row.theta_star === null)
        recordTheta(row, agent, periodic, opts.trueTheta?.(t));
    }
    opts.onProgress?.(i + 1, params.length);
    rows.push(row);
    // One goal at a time: a worker hears pause, step and cancel between goals.
    await yieldToEventLoop();
  }
  return flagIllConditioned(rows);
}

/**
 * θ* and its error against the truth (scoring only): on the circle in degrees, wrapped; on the real line in the
 * flow's unit, never wrapped. The error is left null where the learned θ and the truth live on different spaces.
 */
function recordTheta(
  row: GoalEvaluation,
  agent: AdaptedAgent,
  periodicFamily: boolean,
  truth: number | null | undefined,
): void {
  const theta = agent.theta as number;
  const comparable = truth !== null && truth !== undefined && (agent.compact ?? true) === periodicFamily;
  if (agent.compact ?? true) {
    row.theta_star_deg = row.theta_star = wrap360(radToDeg(theta));
    if (comparable) row.theta_error_deg = row.theta_error = radToDeg(Math.abs(wrapAngle(theta - truth)));
    return;
  }
  row.theta_star = theta;
  if (comparable) row.theta_error = Math.abs(theta - truth);
}

/** A goal's score is ill-conditioned when its gap is below this fraction of the evaluation's median gap. */
export const ILL_CONDITIONED_GAP_FRACTION = 0.2;
export const ILL_CONDITIONED_RULE =
  'ill-conditioned: R_oracle − R_rand < 0.2 × the median of R_oracle − R_rand over the same evaluation’s test goals ' +
  '(there a given regret moves the score at least 5× as much as at a typical goal); such goals are kept and counted';

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? Number.NaN : s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Sets ill_conditioned on every row from its own reference returns (in place; returns the rows). */
export function flagIllConditioned<T extends GoalEvaluation>(rows: T[]): T[] {
  const gap = (r: GoalEvaluation) => r.return.oracle - r.return.random;
  const threshold = ILL_CONDITIONED_GAP_FRACTION * median(rows.map(gap));
  for (const r of rows) r.ill_conditioned = gap(r) < threshold;
  return rows;
}

/** The evaluation table as CSV (one row per test goal). */
export function evaluationCsv(rows: readonly GoalEvaluation[]): string {
  const agents = rows.length ? Object.keys(rows[0].score) : [];
  const head = [
    'goal_x',
    'goal_y',
    'parameter',
    'distance_to_training',
    'angle_deg',
    'distance_to_training_deg',
    'return_oracle',
    'return_random',
    ...agents.flatMap((a) => [`return_${a}`, `score_${a}`, `regret_${a}`]),
    'ill_conditioned',
    'theta_star_deg',
    'theta_error_deg',
    'theta_star',
    'theta_error',
  ];
  // Missing and non-finite cells (a line's angle columns) are left empty.
  const cell = (v: number | boolean | null | undefined) =>
    v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v))
      ? ''
      : typeof v === 'boolean'
        ? String(Number(v))
        : Number.isInteger(v)
          ? String(v)
          : v.toFixed(6);
  const lines = rows.map((r) =>
    [
      r.goal[0],
      r.goal[1],
      r.parameter ?? r.angle_deg,
      r.distance_to_training ?? r.distance_to_training_deg,
      r.angle_deg,
      r.distance_to_training_deg,
      r.return.oracle,
      r.return.random,
      ...agents.flatMap((a) => [r.return[a], r.score[a], r.regret[a]]),
      r.ill_conditioned,
      r.theta_star_deg,
      r.theta_error_deg,
      r.theta_star ?? r.theta_star_deg,
      r.theta_error ?? r.theta_error_deg,
    ]
      .map(cell)
      .join(','),
  );
  return [head.join(','), ...lines].join('\n') + '\n';
}
