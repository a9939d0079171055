// The evaluation summary (ALGORITHM.md §10): min/mean/max score and regret, the curve by distance, conditioning, θ*.

import {
  type AgentHeadline,
  type ConditionedFigures,
  type EvaluationSummary,
  flagIllConditioned,
  type GoalEvaluation,
  ILL_CONDITIONED_GAP_FRACTION,
  ILL_CONDITIONED_RULE,
  median,
  type ScoreCurveBin,
} from './evaluation';
import { mean } from './rollout';

/** Goals at least this far (degrees) from every training task are "far" in the headline figures. */
export const FAR_FROM_TRAINING_DEG = 60;

export const HEADLINE_NOTE =
  'Each claim in the measure that suits it. "Near the oracle everywhere" is a worst case: stated in regret ' +
  '(R_oracle − R, return units), which no small R_oracle − R_rand can inflate, and as the minimum score over the ' +
  `well-conditioned goals only. "Fails far from training" is a mean over goals ≥ ${FAR_FROM_TRAINING_DEG}° from ` +
  'every training task, stated in score over the well-conditioned goals (regret beside it).';

type Key = 'score' | 'regret';
const min = (xs: number[]) => Math.min(...xs);
const max = (xs: number[]) => Math.max(...xs);

/** One figure per agent over a set of rows. */
const perAgent = (
  agents: readonly string[],
  rows: readonly GoalEvaluation[],
  key: Key,
  f: (xs: number[]) => number,
) => Object.fromEntries(agents.map((a) => [a, f(rows.map((r) => r[key][a]))]));

/** The distance bins [from, from + binDeg); the last bin also takes 180°. */
export function binsOf(rows: readonly GoalEvaluation[], binDeg: number) {
  const out: { from: number; to: number; rows: GoalEvaluation[] }[] = [];
  for (let from = 0; from < 180; from += binDeg) {
    const to = from + binDeg;
    const inBin = rows.filter(
      (r) => r.distance_to_training_deg >= from && (r.distance_to_training_deg < to || to >= 180),
    );
    if (inBin.length) out.push({ from, to, rows: inBin });
  }
  return out;
}

function conditioned(agents: readonly string[], rows: readonly GoalEvaluation[]): ConditionedFigures {
  return {
    goals: rows.length,
    min_score: perAgent(agents, rows, 'score', min),
    mean_score: perAgent(agents, rows, 'score', mean),
    mean_regret: perAgent(agents, rows, 'regret', mean),
    max_regret: perAgent(agents, rows, 'regret', max),
  };
}

function headline(
  agents: readonly string[],
  rows: readonly GoalEvaluation[],
  well: readonly GoalEvaluation[],
) {
  const far = well.filter((r) => r.distance_to_training_deg >= FAR_FROM_TRAINING_DEG);
  const out: Record<string, AgentHeadline> = {};
  for (const a of agents)
    out[a] = {
      max_regret: max(rows.map((r) => r.regret[a])),
      min_score_well_conditioned: well.length ? min(well.map((r) => r.score[a])) : Number.NaN,
      far_mean_score: far.length ? mean(far.map((r) => r.score[a])) : null,
      far_mean_regret: far.length ? mean(far.map((r) => r.regret[a])) : null,
    };
  return { note: HEADLINE_NOTE, far_from_deg: FAR_FROM_TRAINING_DEG, agents: out };
}

/**
 * Min/mean/max score and regret per agent over all goals and over the well-conditioned ones, the curve binned by
 * distance to the training set, the ill-conditioned count and the θ* error. Rows from several seeds may be pooled:
 * every figure is then over all their goals (each row keeps the flag its own evaluation gave it).
 */
export function summariseEvaluation(rows: readonly GoalEvaluation[], binDeg = 15): EvaluationSummary {
  const agents = rows.length ? Object.keys(rows[0].score) : [];
  const curve: ScoreCurveBin[] = binsOf(rows, binDeg).map((b) => ({
    distance_deg: b.from + binDeg / 2,
    from_deg: b.from,
    to_deg: b.to,
    count: b.rows.length,
    mean_score: perAgent(agents, b.rows, 'score', mean),
    min_score: perAgent(agents, b.rows, 'score', min),
    max_score: perAgent(agents, b.rows, 'score', max),
    mean_regret: perAgent(agents, b.rows, 'regret', mean),
    min_regret: perAgent(agents, b.rows, 'regret', min),
    max_regret: perAgent(agents, b.rows, 'regret', max),
    ill_conditioned: b.rows.filter((r) => r.ill_conditioned).length,
  }));
  const ill = rows.filter((r) => r.ill_conditioned);
  const well = rows.filter((r) => !r.ill_conditioned);
  const thetaErrors = rows.flatMap((r) => (typeof r.theta_error_deg === 'number' ? [r.theta_error_deg] : []));
  return {
    agents,
    min_score: perAgent(agents, rows, 'score', min),
    mean_score: perAgent(agents, rows, 'score', mean),
    max_score: perAgent(agents, rows, 'score', max),
    mean_regret: perAgent(agents, rows, 'regret', mean),
    max_regret: perAgent(agents, rows, 'regret', max),
    goals: rows.length,
    mean_reference_return: {
      oracle: mean(rows.map((r) => r.return.oracle)),
      random: mean(rows.map((r) => r.return.random)),
    },
    curve,
    ill_conditioned: {
      rule: ILL_CONDITIONED_RULE,
      gap_fraction: ILL_CONDITIONED_GAP_FRACTION,
      count: ill.length,
      angles_deg: ill.map((r) => +r.angle_deg.toFixed(4)),
    },
    well_conditioned: conditioned(agents, well),
    median_theta_error_deg: thetaErrors.length ? median(thetaErrors) : null,
    max_theta_error_deg: thetaErrors.length ? max(thetaErrors) : null,
    headline: headline(agents, rows, well),
  };
}

/**
 * An evaluation written before the conditioning flags and the spread existed (an older pretrained file): its rows
 * flagged from their own reference returns and its summary rebuilt from them. Newer ones are returned as they are.
 */
export function completeEvaluation<T extends { rows: GoalEvaluation[]; summary: EvaluationSummary }>(
  e: T,
): T {
  if (e.rows.every((r) => r.ill_conditioned !== undefined) && e.summary.curve.every((b) => b.max_score))
    return e;
  const rows = flagIllConditioned(e.rows.map((r) => ({ ...r })));
  return { ...e, rows, summary: summariseEvaluation(rows) };
}
