import { describe, expect, it } from 'vitest';
import { DEFAULT_ENV } from './env';
import { evaluateAgents, evaluationCsv, summariseEvaluation } from './evaluation';
import { oraclePolicy, randomPolicy } from './policies';

describe('evaluation over test goals', () => {
  const family = { kind: 'circle' as const, center: [0, 0] as const, radius: 1 };
  const rows = evaluateAgents(
    DEFAULT_ENV,
    family,
    [0],
    {
      // ORACLE stand-ins: score machinery check only.
      oracleCopy: (task) => oraclePolicy(DEFAULT_ENV, task),
      randomCopy: () => randomPolicy(DEFAULT_ENV),
    },
    { testGoals: 12, episodes: 4, seed: 1 },
  );

  it('scores the oracle 1 and random 0 at every goal, with distances to the training set', () => {
    expect(rows).toHaveLength(12);
    for (const r of rows) {
      expect(r.score.oracleCopy).toBeCloseTo(1, 10);
      expect(r.score.randomCopy).toBeCloseTo(0, 10);
      expect(r.regret.oracleCopy).toBeCloseTo(0, 10);
      expect(r.distance_to_training_deg).toBeGreaterThanOrEqual(0);
      expect(r.distance_to_training_deg).toBeLessThanOrEqual(180);
    }
    expect(rows[6].distance_to_training_deg).toBeCloseTo(180, 6);
    expect(rows[3].distance_to_training_deg).toBeCloseTo(90, 6);
  });

  it('summarises into a binned curve and a CSV table', () => {
    const s = summariseEvaluation(rows, 30);
    expect(s.agents).toEqual(['oracleCopy', 'randomCopy']);
    expect(s.curve.reduce((n, b) => n + b.count, 0)).toBe(12);
    expect(s.min_score.oracleCopy).toBeCloseTo(1, 10);
    const csv = evaluationCsv(rows).trim().split('\n');
    expect(csv).toHaveLength(13);
    expect(csv[0].split(',')).toContain('score_oracleCopy');
  });
});
