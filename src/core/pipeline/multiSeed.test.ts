// Several seeds in one summary: pooled figures, the per-bin spread of the seeds' means, per-seed figures, by hand.
import { describe, expect, it } from 'vitest';
import type { GoalEvaluation } from '../evaluation';
import { flagIllConditioned } from '../evaluation';
import { summariseEvaluation } from '../evaluationSummary';
import { DEFAULT_CONFIG } from '../experimentConfig';
import { aggregateSeeds, reportOverSeeds } from './multiSeed';
import { buildReport } from './report';

/** A hand-made row for agent "a": distance d, score s, regret = 100·(1 − s) (oracle −5, random −105). */
function row(d: number, s: number, thetaError: number | null = null): GoalEvaluation {
  const r = -105 + 100 * s;
  return {
    goal: [0, 0],
    angle_deg: d,
    distance_to_training_deg: d,
    return: { oracle: -5, random: -105, a: r },
    score: { a: s },
    regret: { a: -5 - r },
    theta_star_deg: null,
    theta_error_deg: thetaError,
  };
}

const seed5 = flagIllConditioned([row(5, 0.9, 0.1), row(10, 1.0, 0.2), row(50, 0.6, 0.3)]);
const seed6 = flagIllConditioned([row(5, 0.7, 0.5), row(10, 0.8, 0.7), row(50, 0.2, 0.9)]);

describe('aggregateSeeds', () => {
  const s = aggregateSeeds([
    { seed: 5, rows: seed5, figures: { hereditary_error_deg: 0.02, base_score: 0.99 } },
    { seed: 6, rows: seed6, figures: { hereditary_error_deg: 0.05, base_score: null } },
  ]);

  it('pools goals and seeds in each bin: mean, min and max over both', () => {
    expect(s.seeds.seeds).toEqual([5, 6]);
    const [near, far] = s.curve;
    expect([near.from_deg, near.count, far.from_deg, far.count]).toEqual([0, 4, 45, 2]);
    expect(near.mean_score.a).toBeCloseTo((0.9 + 1 + 0.7 + 0.8) / 4, 12);
    expect(near.min_score.a).toBeCloseTo(0.7, 12);
    expect(near.max_score?.a).toBeCloseTo(1, 12);
    expect(near.max_regret?.a).toBeCloseTo(30, 9);
    expect(s.min_score.a).toBeCloseTo(0.2, 12);
    expect(s.goals).toBe(6);
  });

  it('gives the per-bin spread across seeds as the min and max of each seed’s own bin mean', () => {
    const [near, far] = s.curve;
    expect(near.seed_spread?.seeds).toBe(2);
    expect(near.seed_spread?.mean_score_min.a).toBeCloseTo(0.75, 12);
    expect(near.seed_spread?.mean_score_max.a).toBeCloseTo(0.95, 12);
    expect(near.seed_spread?.mean_regret_min.a).toBeCloseTo(5, 9);
    expect(near.seed_spread?.mean_regret_max.a).toBeCloseTo(25, 9);
    expect(far.seed_spread?.mean_score_min.a).toBeCloseTo(0.2, 12);
    expect(far.seed_spread?.mean_score_max.a).toBeCloseTo(0.6, 12);
  });

  it('keeps each seed’s own figures and their range, and states what is pooled', () => {
    expect(s.seeds.per_seed.map((p) => p.min_score.a)).toEqual([0.6, 0.2]);
    expect(s.seeds.per_seed.map((p) => p.median_theta_error_deg)).toEqual([0.2, 0.7]);
    expect(s.seeds.range.min_score.a).toEqual([0.2, 0.6]);
    expect(s.seeds.range.median_theta_error_deg).toEqual([0.2, 0.7]);
    expect(s.seeds.range.figures).toEqual({ hereditary_error_deg: [0.02, 0.05], base_score: [0.99, 0.99] });
    expect(s.median_theta_error_deg).toBeCloseTo((0.3 + 0.5) / 2, 12);
    expect(s.seeds.scope).toMatch(/pooled/);
  });

  it('one seed gives that seed’s summary with a one-seed spread', () => {
    const one = aggregateSeeds([{ seed: 5, rows: seed5 }]);
    const alone = summariseEvaluation(seed5);
    expect(one.min_score).toEqual(alone.min_score);
    expect(one.curve.map((b) => b.seed_spread?.mean_score_min.a)).toEqual(
      alone.curve.map((b) => b.mean_score.a),
    );
  });
});

describe('reportOverSeeds', () => {
  it('keeps the first seed’s report and rows, with the summary over every seed', () => {
    const reportOf = (seed: number, rows: GoalEvaluation[]) =>
      buildReport(
        { config: { ...DEFAULT_CONFIG, seed }, evaluation: { rows, summary: summariseEvaluation(rows) } },
        { backend: 'cpu', timings_ms: {} },
      );
    const r = reportOverSeeds([
      { seed: 5, report: reportOf(5, seed5) },
      { seed: 6, report: reportOf(6, seed6) },
    ]);
    expect(r.config.seed).toBe(5);
    expect(r.evaluation).toBe(seed5);
    expect(r.evaluation_summary?.seeds?.seeds).toEqual([5, 6]);
    expect(r.evaluation_summary?.min_score.a).toBeCloseTo(0.2, 12);
    expect(r.evaluation_summary?.seeds?.per_seed[0].figures).toEqual({
      hereditary_error_deg: null,
      hereditary_error_frobenius: null,
      base_score: null,
      race_speedup_median: null,
    });
  });
});
