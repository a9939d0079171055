// Tests of the live run's duration estimate: Σ stage work × measured unit costs, chains side by side.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../experimentConfig';
import { estimateLiveDuration, liveStageWork, stageSeconds } from './durationEstimate';
import { formatDuration, LIVE_STAGE_ORDER, scheduleSeconds, type UnitCosts } from './liveSchedule';

/** The unit costs of the README's browser benchmark machine (wasm SAC update 13.4 ms, 2 cores). */
const BENCH_VM: UnitCosts = { sacUpdateMs: 13.4, sacActMs: 0.3, envStepMs: 0.00025, raceStepMs: 8 };
const withBudget = (budget: ExperimentConfig['budget']): ExperimentConfig => ({ ...DEFAULT_CONFIG, budget });

describe('estimateLiveDuration', () => {
  it('puts the quick budget near the 90 s the browser benchmark measured on that machine', () => {
    const { totalSeconds, stages } = estimateLiveDuration(withBudget('quick'), BENCH_VM);
    expect(totalSeconds).toBeGreaterThan(60);
    expect(totalSeconds).toBeLessThan(130);
    // The baseline (5,000 updates after 1,500 encoder steps) is the longer chain; base SAC took ~35-50 s there.
    expect(stages['train-baseline']).toBeGreaterThan(stages['train-base']);
    expect(stages['train-base']).toBeGreaterThan(25);
    expect(stages['train-base']).toBeLessThan(55);
  });

  it('orders the budgets smoke < quick < full and scales linearly with the unit costs', () => {
    const smoke = estimateLiveDuration(withBudget('smoke'), BENCH_VM).totalSeconds;
    const quick = estimateLiveDuration(withBudget('quick'), BENCH_VM).totalSeconds;
    const full = estimateLiveDuration(withBudget('full'), BENCH_VM).totalSeconds;
    expect(smoke).toBeLessThan(quick / 4);
    expect(full).toBeGreaterThan(4 * quick);
    const twice = Object.fromEntries(
      Object.entries(BENCH_VM).map(([k, v]) => [k, 2 * v]),
    ) as unknown as UnitCosts;
    expect(estimateLiveDuration(withBudget('quick'), twice).totalSeconds).toBeCloseTo(2 * quick, 6);
  });

  it('is Σ units × ms per unit for each stage', () => {
    const work = liveStageWork(withBudget('quick'));
    const costs: UnitCosts = { sacUpdateMs: 1, sacActMs: 0, envStepMs: 0, raceStepMs: 0 };
    // Only SAC updates cost anything: base = its 2,500 updates (+ the warm-up allowance), in seconds.
    expect(stageSeconds(work['train-base'], costs)).toBeCloseTo(work['train-base'].sacUpdates / 1000, 9);
    expect(work['train-base'].sacUpdates).toBeGreaterThanOrEqual(2500);
    expect(stageSeconds(work['reward-symmetry'], costs)).toBe(0);
    const race: UnitCosts = { sacUpdateMs: 0, sacActMs: 0, envStepMs: 0, raceStepMs: 1 };
    // The page races one setting for 1,000 steps (both sides per step).
    expect(work['reward-symmetry'].raceSteps).toBeGreaterThanOrEqual(1000);
    expect(stageSeconds(work['reward-symmetry'], race)).toBeCloseTo(
      work['reward-symmetry'].raceSteps / 1000,
      9,
    );
  });

  it('costs the baseline encoder at its measured step when the worker timed one (fused: far below tfjs)', () => {
    const work = liveStageWork(withBudget('quick'));
    const nothing: UnitCosts = { sacUpdateMs: 0, sacActMs: 0, envStepMs: 0, raceStepMs: 0, tfjsUpdateMs: 0 };
    expect(work['train-baseline'].encoderSteps).toBe(1500);
    expect(stageSeconds(work['train-baseline'], { ...nothing, encoderStepMs: 2 })).toBeCloseTo(3, 9);
    // An older report without the encoder's own timing: 0.65 tfjs updates per step.
    expect(stageSeconds(work['train-baseline'], { ...nothing, tfjsUpdateMs: 10 })).toBeCloseTo(
      (1500 * 0.65 * 10 + work['train-baseline'].tfjsUpdates * 10) / 1000,
      9,
    );
  });

  it('grows with the training tasks (exploration, geometry and the baseline all scale with them)', () => {
    const four = liveStageWork(withBudget('quick'));
    const eight = liveStageWork({
      ...withBudget('quick'),
      training: { kind: 'angles', angles: Array.from({ length: 8 }, (_, i) => (i * Math.PI) / 4) },
    });
    expect(eight['reward-symmetry'].envSteps).toBeGreaterThan(four['reward-symmetry'].envSteps);
    expect(eight.hereditary.envSteps).toBeCloseTo(2 * four.hereditary.envSteps, 6);
    expect(eight['train-baseline'].sacUpdates).toBeGreaterThan(four['train-baseline'].sacUpdates);
    expect(eight['train-base']).toEqual(four['train-base']);
  });
});

describe('scheduleSeconds', () => {
  it('runs the two chains side by side, then the evaluation', () => {
    const s = { 'train-base': 10, 'reward-symmetry': 5, hereditary: 2, 'train-baseline': 30, evaluate: 1 };
    expect(scheduleSeconds(s)).toBe(31);
    expect(scheduleSeconds({ ...s, 'train-baseline': 3 })).toBe(18);
    expect(LIVE_STAGE_ORDER).toHaveLength(5);
  });
});

describe('formatDuration', () => {
  it('rounds to what a reader can use', () => {
    expect(formatDuration(0.2)).toBe('1 s');
    expect(formatDuration(7.4)).toBe('7 s');
    expect(formatDuration(43)).toBe('45 s');
    expect(formatDuration(58)).toBe('1 min');
    expect(formatDuration(84)).toBe('1 min 20 s');
    expect(formatDuration(119)).toBe('2 min');
    expect(formatDuration(1500)).toBe('25 min');
    expect(formatDuration(7500)).toBe('2 h 5 min');
    expect(formatDuration(Number.NaN)).toBe('—');
  });
});
