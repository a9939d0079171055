// Several seeds of one experiment in one summary: figures pooled over goals and seeds, each seed's own figures beside.

import type {
  EvaluationSummary,
  GoalEvaluation,
  Range,
  SeedFigures,
  SeedRange,
  SeedSpreadBin,
  SeedsSummary,
} from '../evaluation';
import { binsOf, summariseEvaluation } from '../evaluationSummary';
import { mean } from '../rollout';
import type { ExperimentReport } from './report';

/** One seed's evaluation rows and the other figures of its run (generator errors, base score, race speed-up). */
export interface SeedRun {
  seed: number;
  rows: GoalEvaluation[];
  figures?: Record<string, number | null>;
}

export const SEEDS_SCOPE =
  'min_score, max_score, mean_score, mean_regret and max_regret, at the top level and in every curve bin, are over ' +
  'all test goals of all seeds pooled; curve[i].seed_spread is the min and max across seeds of each seed’s own ' +
  'bin mean; per_seed holds each seed’s own figures and range their min and max across seeds. evaluation (the ' +
  'per-goal rows), generators, truth, base_policy and discovery_race are the first seed’s.';

const range = (xs: readonly number[]): Range => [Math.min(...xs), Math.max(...xs)];

function rangePerAgent(agents: readonly string[], per: readonly Record<string, number>[]) {
  return Object.fromEntries(agents.map((a) => [a, range(per.map((p) => p[a]))])) as Record<string, Range>;
}

function perSeedFigures(run: SeedRun): SeedFigures {
  const s = summariseEvaluation(run.rows);
  return {
    seed: run.seed,
    min_score: s.min_score,
    mean_score: s.mean_score,
    max_regret: s.max_regret ?? {},
    min_score_well_conditioned: s.well_conditioned?.min_score ?? {},
    ill_conditioned_count: s.ill_conditioned?.count ?? 0,
    median_theta_error_deg: s.median_theta_error_deg ?? null,
    figures: run.figures ?? {},
  };
}

function seedRange(agents: readonly string[], per: readonly SeedFigures[]): SeedRange {
  const thetas = per.flatMap((p) => (p.median_theta_error_deg === null ? [] : [p.median_theta_error_deg]));
  const names = [...new Set(per.flatMap((p) => Object.keys(p.figures)))];
  const figures = Object.fromEntries(
    names.map((n) => {
      const xs = per.flatMap((p) => (typeof p.figures[n] === 'number' ? [p.figures[n] as number] : []));
      return [n, xs.length ? range(xs) : null];
    }),
  );
  return {
    min_score: rangePerAgent(
      agents,
      per.map((p) => p.min_score),
    ),
    mean_score: rangePerAgent(
      agents,
      per.map((p) => p.mean_score),
    ),
    max_regret: rangePerAgent(
      agents,
      per.map((p) => p.max_regret),
    ),
    min_score_well_conditioned: rangePerAgent(
      agents,
      per.map((p) => p.min_score_well_conditioned),
    ),
    ill_conditioned_count: range(per.map((p) => p.ill_conditioned_count)),
    median_theta_error_deg: thetas.length ? range(thetas) : null,
    figures,
  };
}

/** The spread across seeds of each bin's mean (seeds without goals in a bin are left out of it). */
function seedSpread(agents: readonly string[], runs: readonly SeedRun[], from: number, binWidth?: number) {
  const means = runs.flatMap((run) => {
    const bin = binsOf(run.rows, binWidth).find((b) => Math.abs(b.from - from) < 1e-9);
    if (!bin) return [];
    const of = (key: 'score' | 'regret') =>
      Object.fromEntries(agents.map((a) => [a, mean(bin.rows.map((r) => r[key][a]))]));
    return [{ score: of('score'), regret: of('regret') }];
  });
  const pick = (key: 'score' | 'regret', f: (xs: number[]) => number) =>
    Object.fromEntries(agents.map((a) => [a, f(means.map((m) => m[key][a]))]));
  const spread: SeedSpreadBin = {
    seeds: means.length,
    mean_score_min: pick('score', (xs) => Math.min(...xs)),
    mean_score_max: pick('score', (xs) => Math.max(...xs)),
    mean_regret_min: pick('regret', (xs) => Math.min(...xs)),
    mean_regret_max: pick('regret', (xs) => Math.max(...xs)),
  };
  return spread;
}

/**
 * The summary of several seeds of one experiment (see SEEDS_SCOPE). The seeds must share agents and test goals;
 * one seed gives its own summary with a one-seed spread.
 */
export function aggregateSeeds(
  runs: readonly SeedRun[],
  binWidth?: number,
): EvaluationSummary & { seeds: SeedsSummary } {
  if (!runs.length) throw new Error('aggregateSeeds: no seeds');
  const pooled = summariseEvaluation(
    runs.flatMap((r) => r.rows),
    binWidth,
  );
  // Each seed's bins use the pooled width (a line's default width does not depend on the rows).
  const curve = pooled.curve.map((b) => ({
    ...b,
    seed_spread: seedSpread(pooled.agents, runs, b.from ?? b.from_deg, binWidth),
  }));
  const per = runs.map(perSeedFigures);
  return {
    ...pooled,
    curve,
    seeds: {
      seeds: runs.map((r) => r.seed),
      scope: SEEDS_SCOPE,
      per_seed: per,
      range: seedRange(pooled.agents, per),
    },
  };
}

/** The per-seed figures of one run that the seed summary carries beside its scores (null where absent). */
export function seedFiguresOf(report: ExperimentReport): Record<string, number | null> {
  return {
    hereditary_error_deg: report.truth.errors_deg.hereditary ?? null,
    hereditary_error_frobenius: report.truth.errors_frobenius.hereditary ?? null,
    base_score: report.base_policy?.score ?? null,
    race_speedup_median: report.discovery_race?.speedup_median ?? null,
  };
}

/** The first seed's report with its evaluation summary taken over every seed (see SEEDS_SCOPE). */
export function reportOverSeeds(
  runs: readonly { seed: number; report: ExperimentReport }[],
): ExperimentReport {
  if (!runs.length) throw new Error('reportOverSeeds: no seeds');
  const first = runs[0].report;
  if (!first.evaluation) return first;
  const seeds = runs.map((r) => ({
    seed: r.seed,
    rows: r.report.evaluation ?? [],
    figures: seedFiguresOf(r.report),
  }));
  return { ...first, evaluation_summary: aggregateSeeds(seeds) };
}
