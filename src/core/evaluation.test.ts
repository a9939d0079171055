// The scorer against independent references (hand-computed returns, our own simulation), and the summary by hand.
import { beforeAll, describe, expect, it } from 'vitest';
import { degToRad } from './angles';
import { DEFAULT_ENV, type EnvConfig } from './env';
import {
  type EvaluationSummary,
  evaluateAgents,
  evaluationCsv,
  flagIllConditioned,
  type GoalEvaluation,
  ILL_CONDITIONED_GAP_FRACTION,
} from './evaluation';
import { completeEvaluation, FAR_FROM_TRAINING_DEG, summariseEvaluation } from './evaluationSummary';
import type { Policy } from './policies';

/** Our own straight-line rule (not the scorer's oracle): head for the goal at full speed, via its bearing. */
const straightLine =
  (env: EnvConfig, goal: readonly [number, number]): Policy =>
  (states, n, actions) => {
    for (let i = 0; i < n; i++) {
      const dx = goal[0] - states[2 * i];
      const dy = goal[1] - states[2 * i + 1];
      const speed = Math.min(env.maxAction, Math.hypot(dx, dy));
      const bearing = Math.atan2(dy, dx);
      actions[2 * i] = speed * Math.cos(bearing);
      actions[2 * i + 1] = speed * Math.sin(bearing);
    }
  };

const standStill: Policy = (_s, n, actions) => actions.fill(0, 0, 2 * n);

/** A small seeded generator of our own (mulberry32), independent of the project's Rng. */
function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('the scorer against independent references', () => {
  // Noise-free dynamics and reset at the origin, so returns can be computed by hand.
  const env: EnvConfig = { ...DEFAULT_ENV, noiseStd: 0, resetStd: 0 };
  const radius = 1.23;
  const family = { kind: 'circle' as const, center: [0, 0] as const, radius };
  let rows: Awaited<ReturnType<typeof evaluateAgents>> = [];
  beforeAll(async () => {
    rows = await evaluateAgents(
      env,
      family,
      [0],
      { line: (task) => straightLine(env, task.goal), still: () => standStill },
      { testGoals: 8, episodes: 32, seed: 3 },
    );
  });
  // By hand: 0.1 per step along the ray, distances 1.13, 1.03, …, 0.13 (< 0.141: success after 11 steps).
  const lineReturn = -Array.from({ length: 11 }, (_, k) => radius - 0.1 * (k + 1)).reduce((a, b) => a + b);
  // By hand: never moves, so 100 steps at distance 1.23.
  const stillReturn = -100 * radius;

  it('a straight-line controller returns −6.93 as computed by hand, the scorer’s oracle too, and scores ≈ 1', async () => {
    expect(lineReturn).toBeCloseTo(-6.93, 12);
    for (const r of rows) {
      expect(r.return.line).toBeCloseTo(lineReturn, 9);
      expect(r.return.oracle).toBeCloseTo(lineReturn, 9);
      expect(r.score.line).toBeCloseTo(1, 9);
      expect(r.regret.line).toBeCloseTo(0, 9);
    }
  });

  it('a policy that never moves scores (R_still − R_rand)/(R_oracle − R_rand) with R_still, R_oracle by hand', async () => {
    for (const r of rows) {
      expect(r.return.still).toBeCloseTo(stillReturn, 9);
      const byHand = (stillReturn - r.return.random) / (lineReturn - r.return.random);
      expect(r.score.still).toBeCloseTo(byHand, 9);
      expect(r.regret.still).toBeCloseTo(lineReturn - stillReturn, 9);
    }
  });

  it('the scorer’s random reference agrees with our own simulation of the uniform-random policy', async () => {
    const u = mulberry32(7);
    const own: number[] = [];
    for (let e = 0; e < 20_000; e++) {
      const bearing = 2 * Math.PI * u();
      const g = [radius * Math.cos(bearing), radius * Math.sin(bearing)];
      let [x, y, ret] = [0, 0, 0];
      for (let t = 0; t < 100; t++) {
        let ax = 0.2 * u() - 0.1;
        let ay = 0.2 * u() - 0.1;
        const n = Math.hypot(ax, ay);
        if (n > 0.1) [ax, ay] = [(ax * 0.1) / n, (ay * 0.1) / n];
        [x, y] = [x + ax, y + ay];
        const d = Math.hypot(x - g[0], y - g[1]);
        ret -= d;
        if (d < 0.141) break;
      }
      own.push(ret);
    }
    const m = own.reduce((a, b) => a + b) / own.length;
    const sd = Math.sqrt(own.reduce((a, b) => a + (b - m) ** 2, 0) / own.length);
    const scorer = rows.reduce((a, r) => a + r.return.random, 0) / rows.length;
    // 8 goals × 32 episodes: four standard errors of that mean (measured: −132.1 vs −129.4, sd 31).
    expect(Math.abs(scorer - m)).toBeLessThan((4 * sd) / Math.sqrt(8 * 32));
  });

  it('with noise, our straight-line rule and the scorer’s oracle meet the same noise: score 1 at every goal', async () => {
    const noisy = await evaluateAgents(
      DEFAULT_ENV,
      { kind: 'circle', center: [0.5, -1], radius: 1.5 },
      [0],
      { line: (task) => straightLine(DEFAULT_ENV, task.goal) },
      { testGoals: 12, episodes: 4, seed: 1 },
    );
    for (const r of noisy) expect(r.score.line).toBeCloseTo(1, 6);
  });

  it('records θ* and its error against the true angle, wrapped, only when both exist', async () => {
    const base = 0.5;
    const off = degToRad(0.75);
    const withTheta = await evaluateAgents(
      env,
      family,
      [base],
      // A stand-in agent reporting θ = θ_true + 0.75° (or − 0.75° + 2π): the error is 0.75° either way.
      {
        h: (task, seed) => ({
          policy: standStill,
          theta: Math.atan2(task.goal[1], task.goal[0]) - base + (seed % 2 ? off : 2 * Math.PI - off),
        }),
      },
      { testGoals: 6, episodes: 1, seed: 0, trueTheta: (phi) => phi - base },
    );
    for (const r of withTheta) {
      expect(r.theta_error_deg).toBeCloseTo(0.75, 9);
      expect(r.theta_star_deg).toBeGreaterThanOrEqual(0);
      expect(r.theta_star_deg).toBeLessThan(360);
    }
    expect(rows[0].theta_error_deg).toBeNull();
    expect(rows[0].theta_star_deg).toBeNull();
  });
});

/** A hand-made row: distance d, oracle/random returns, and one agent's return (score and regret follow). */
function row(
  d: number,
  oracle: number,
  random: number,
  r: number,
  thetaError: number | null = null,
): GoalEvaluation {
  return {
    goal: [0, 0],
    angle_deg: d,
    distance_to_training_deg: d,
    return: { oracle, random, a: r },
    score: { a: (r - random) / (oracle - random) },
    regret: { a: oracle - r },
    theta_star_deg: null,
    theta_error_deg: thetaError,
  };
}

describe('conditioning and the summary, by hand', () => {
  it('flags a goal whose R_oracle − R_rand is below 0.2 × the median gap, and only that one', async () => {
    expect(ILL_CONDITIONED_GAP_FRACTION).toBe(0.2);
    // Gaps 100, 90, 110, 10, 19, 21: median 55.5, threshold 11.1.
    const rows = flagIllConditioned([
      row(5, -5, -105, -6),
      row(20, -5, -95, -6),
      row(40, -5, -115, -6),
      row(70, -1, -11, -1.39),
      row(100, -1, -20, -2),
      row(130, -1, -22, -2),
    ]);
    expect(rows.map((r) => r.ill_conditioned)).toEqual([false, false, false, true, false, false]);
  });

  it('summarises min/mean/max score and regret per bin, with and without the ill-conditioned goals', async () => {
    const rows = flagIllConditioned([
      row(5, -5, -105, -6, 0.1),
      row(10, -5, -105, -15, 0.3),
      row(20, -5, -95, -23, 0.2),
      row(70, -1, -11, -1.39, 2),
      row(100, -4, -104, -54),
      row(110, -4, -104, -84, 0.4),
    ]);
    const s = summariseEvaluation(rows, 15);
    expect(s.curve.map((b) => [b.from_deg, b.count])).toEqual([
      [0, 2],
      [15, 1],
      [60, 1],
      [90, 1],
      [105, 1],
    ]);
    const b0 = s.curve[0];
    expect(b0.min_score.a).toBeCloseTo(0.9, 12);
    expect(b0.max_score?.a).toBeCloseTo(0.99, 12);
    expect(b0.mean_score.a).toBeCloseTo(0.945, 12);
    expect(b0.min_regret?.a).toBeCloseTo(1, 12);
    expect(b0.max_regret?.a).toBeCloseTo(10, 12);
    expect(b0.mean_regret.a).toBeCloseTo(5.5, 12);
    expect(s.curve[2].ill_conditioned).toBe(1);
    // All goals: the ill-conditioned one (score 0.961, regret 0.39) is kept.
    expect(s.min_score.a).toBeCloseTo(0.2, 12);
    expect(s.max_score?.a).toBeCloseTo(0.99, 12);
    expect(s.max_regret?.a).toBeCloseTo(80, 12);
    expect(s.ill_conditioned?.count).toBe(1);
    expect(s.ill_conditioned?.angles_deg).toEqual([70]);
    expect(s.well_conditioned?.goals).toBe(5);
    expect(s.well_conditioned?.mean_regret.a).toBeCloseTo((1 + 10 + 18 + 50 + 80) / 5, 12);
    expect(s.median_theta_error_deg).toBeCloseTo(0.3, 12);
    expect(s.max_theta_error_deg).toBeCloseTo(2, 12);
    // Far (≥ 60°) and well-conditioned: the goals at 100° and 110° (the 70° one is ill-conditioned).
    expect(FAR_FROM_TRAINING_DEG).toBe(60);
    expect(s.headline?.agents.a.far_mean_score).toBeCloseTo((0.5 + 0.2) / 2, 12);
    expect(s.headline?.agents.a.max_regret).toBeCloseTo(80, 12);
  });

  it('writes one CSV row per goal with the flag and the θ* error', async () => {
    const rows = flagIllConditioned([row(5, -5, -105, -6, 0.1), row(70, -1, -11, -1.39)]);
    const csv = evaluationCsv(rows).trim().split('\n');
    expect(csv).toHaveLength(3);
    const head = csv[0].split(',');
    expect(head).toEqual(
      expect.arrayContaining(['score_a', 'regret_a', 'ill_conditioned', 'theta_error_deg']),
    );
    const last = csv[2].split(',');
    expect(last[head.indexOf('theta_error_deg')]).toBe('');
    // Gaps 100 and 10: median 55, threshold 11, so the second goal is flagged.
    expect(last[head.indexOf('ill_conditioned')]).toBe('1');
  });

  it('completes an evaluation written before the flags and bands (an older pretrained file), and only such', async () => {
    const old = [row(5, -5, -105, -6), row(70, -1, -11, -1.39)].map(
      ({ ill_conditioned: _, theta_error_deg: __, theta_star_deg: ___, ...rest }) => rest as GoalEvaluation,
    );
    const oldSummary: EvaluationSummary = {
      agents: ['a'],
      min_score: { a: 0 },
      mean_score: { a: 0 },
      curve: [],
    };
    const done = completeEvaluation({ rows: old, summary: oldSummary });
    expect(done.rows.map((r) => r.ill_conditioned)).toEqual([false, true]);
    expect(done.summary.curve.every((b) => b.max_score)).toBe(true);
    expect(done.summary.median_theta_error_deg).toBeNull();
    expect(old[0].ill_conditioned).toBeUndefined();
    expect(completeEvaluation(done)).toBe(done);
  });
});
