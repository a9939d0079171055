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
import type { FamilyUnit } from './families';
import { mean } from './rollout';

/** Goals at least this far (degrees) from every training task are "far" in the headline figures. */
export const FAR_FROM_TRAINING_DEG = 60;
/** The same for a line, in arena units along it. */
export const FAR_FROM_TRAINING_ARENA = 1;

/** Default curve bin widths: 15° on a periodic family, a quarter arena unit on a line. */
export const DEFAULT_BIN_WIDTH: Record<FamilyUnit, number> = { deg: 15, arena: 0.25 };
const FAR_FROM: Record<FamilyUnit, number> = { deg: FAR_FROM_TRAINING_DEG, arena: FAR_FROM_TRAINING_ARENA };
const unitLabel = (unit: FamilyUnit, x: number) =>
  unit === 'deg' ? `${x}°` : `${x} arena unit${x === 1 ? '' : 's'}`;

export const headlineNote = (unit: FamilyUnit): string =>
  'Each claim in the measure that suits it. "Near the oracle everywhere" is a worst case: stated in regret ' +
  '(R_oracle − R, return units), which no small R_oracle − R_rand can inflate, and as the minimum score over the ' +
  `well-conditioned goals only. "Fails far from training" is a mean over goals ≥ ${unitLabel(unit, FAR_FROM[unit])} ` +
  'from every training task, stated in score over the well-conditioned goals (regret beside it).';

export const HEADLINE_NOTE = headlineNote('deg');

/** A row's distance to the training set in its family's unit (older rows carry only the degrees). */
export const rowDistance = (r: GoalEvaluation): number =>
  r.distance_to_training ?? r.distance_to_training_deg;

/**
 * The unit of a set of rows: degrees when every row has a finite angular distance, else arena units (a line's rows
 * carry NaN there, null once read back from JSON).
 */
export const distanceUnitOf = (rows: readonly GoalEvaluation[]): FamilyUnit =>
  rows.every((r) => Number.isFinite(r.distance_to_training_deg)) ? 'deg' : 'arena';

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

/**
 * The distance bins [from, from + width) in the rows' unit: up to 180° (the last bin also takes 180°) on a periodic
 * family; on a line up to the largest distance, unbounded (no wrapping).
 */
export function binsOf(rows: readonly GoalEvaluation[], width?: number) {
  const unit = distanceUnitOf(rows);
  const w = width ?? DEFAULT_BIN_WIDTH[unit];
  const top = unit === 'deg' ? 180 : Math.max(0, ...rows.map(rowDistance));
  const out: { from: number; to: number; rows: GoalEvaluation[] }[] = [];
  for (let k = 0; k * w < top || (k === 0 && rows.length); k++) {
    const from = k * w;
    const to = (k + 1) * w;
    const last = to >= top;
    const inBin = rows.filter((r) => rowDistance(r) >= from && (rowDistance(r) < to || last));
    if (inBin.length) out.push({ from, to, rows: inBin });
    if (last) break;
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
  unit: FamilyUnit,
) {
  const far = well.filter((r) => rowDistance(r) >= FAR_FROM[unit]);
  const out: Record<string, AgentHeadline> = {};
  for (const a of agents)
    out[a] = {
      max_regret: max(rows.map((r) => r.regret[a])),
      min_score_well_conditioned: well.length ? min(well.map((r) => r.score[a])) : Number.NaN,
      far_mean_score: far.length ? mean(far.map((r) => r.score[a])) : null,
      far_mean_regret: far.length ? mean(far.map((r) => r.regret[a])) : null,
    };
  return {
    note: headlineNote(unit),
    far_from: FAR_FROM[unit],
    far_from_deg: unit === 'deg' ? FAR_FROM_TRAINING_DEG : Number.NaN,
    agents: out,
  };
}

/**
 * Min/mean/max score and regret per agent over all goals and over the well-conditioned ones, the curve binned by
 * distance to the training set, the ill-conditioned count and the θ* error. Rows from several seeds may be pooled:
 * every figure is then over all their goals (each row keeps the flag its own evaluation gave it).
 */
export function summariseEvaluation(rows: readonly GoalEvaluation[], binWidth?: number): EvaluationSummary {
  const agents = rows.length ? Object.keys(rows[0].score) : [];
  const unit = distanceUnitOf(rows);
  const deg = (x: number) => (unit === 'deg' ? x : Number.NaN);
  const curve: ScoreCurveBin[] = binsOf(rows, binWidth).map((b) => ({
    distance: (b.from + b.to) / 2,
    from: b.from,
    to: b.to,
    distance_deg: deg((b.from + b.to) / 2),
    from_deg: deg(b.from),
    to_deg: deg(b.to),
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
  const thetaErrorsDeg = rows.flatMap((r) =>
    typeof r.theta_error_deg === 'number' ? [r.theta_error_deg] : [],
  );
  const thetaErrors = rows.flatMap((r) => {
    const e = r.theta_error ?? r.theta_error_deg;
    return typeof e === 'number' ? [e] : [];
  });
  return {
    agents,
    distance_unit: unit,
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
      angles_deg: unit === 'deg' ? ill.map((r) => +r.angle_deg.toFixed(4)) : [],
      parameters: ill.map((r) => +(r.parameter ?? r.angle_deg).toFixed(4)),
    },
    well_conditioned: conditioned(agents, well),
    median_theta_error_deg: thetaErrorsDeg.length ? median(thetaErrorsDeg) : null,
    max_theta_error_deg: thetaErrorsDeg.length ? max(thetaErrorsDeg) : null,
    median_theta_error: thetaErrors.length ? median(thetaErrors) : null,
    max_theta_error: thetaErrors.length ? max(thetaErrors) : null,
    headline: headline(agents, rows, well, unit),
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
