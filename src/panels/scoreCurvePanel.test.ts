// The score figure's curve data: a band only where the summary has each bin's min and max (older files have none).
import { describe, expect, it } from 'vitest';
import type { ScoreCurveBin } from '../core/evaluation';
import { agentCurve } from './scoreCurvePanel';

const bin = (withSpread: boolean): ScoreCurveBin => ({
  distance_deg: 7.5,
  from_deg: 0,
  to_deg: 15,
  count: 2,
  mean_score: { a: 0.9 },
  min_score: { a: 0.8 },
  mean_regret: { a: 3 },
  ...(withSpread ? { max_score: { a: 1 }, min_regret: { a: 0 }, max_regret: { a: 6 } } : {}),
});

describe('agentCurve', () => {
  it('carries the mean in both measures and the min–max band of each bin', () => {
    expect(agentCurve([bin(true)], 'a')).toEqual([
      { distance_deg: 7.5, score: 0.9, regret: 3, band: { score: [0.8, 1], regret: [0, 6] } },
    ]);
  });

  it('draws no band from a summary without the bins’ max', () => {
    expect(agentCurve([bin(false)], 'a')[0].band).toBeUndefined();
  });
});
