// Tests of the live run's time left: the estimate before progress, the run's own pace after it.
import { describe, expect, it } from 'vitest';
import type { LiveStageKey } from '../core/pipeline/liveSchedule';
import { observedPace, remainingSeconds, type StageClock } from './trainingEta';

const ESTIMATE: Record<LiveStageKey, number> = {
  'train-base': 40,
  'reward-symmetry': 8,
  hereditary: 2,
  'train-baseline': 80,
  evaluate: 1,
};
const pending: StageClock = { status: 'pending', fraction: 0, elapsedS: null };
const clocks = (over: Partial<Record<LiveStageKey, StageClock>>): Record<LiveStageKey, StageClock> => ({
  'train-base': pending,
  'reward-symmetry': pending,
  hereditary: pending,
  'train-baseline': pending,
  evaluate: pending,
  ...over,
});

describe('remainingSeconds', () => {
  it('is the calibrated estimate (longest chain + evaluation) before anything has run', () => {
    expect(remainingSeconds(ESTIMATE, clocks({}))).toBe(81);
  });

  it('is unknown without an estimate', () => {
    expect(remainingSeconds(null, clocks({}))).toBeNull();
  });

  it('extrapolates a running stage from its own measured progress', () => {
    // Baseline 25% done after 40 s: 120 s left for it, whatever the estimate said (80 s in all).
    const c = clocks({
      'train-base': { status: 'running', fraction: 0.5, elapsedS: 20 },
      'train-baseline': { status: 'running', fraction: 0.25, elapsedS: 40 },
    });
    const left = remainingSeconds(ESTIMATE, c);
    expect(left).not.toBeNull();
    // The baseline chain (120 s) is longer than the main one; then the evaluation at the observed pace.
    const pace = observedPace(ESTIMATE, c);
    expect(pace).toBeCloseTo((20 + 40) / (0.5 * 40 + 0.25 * 80), 9);
    expect(left).toBeCloseTo(120 + ESTIMATE.evaluate * pace, 9);
  });

  it('scales stages not yet started by the pace of the finished ones', () => {
    // The base took 80 s against 40 estimated: the machine is 2× slower than at calibration.
    const c = clocks({
      'train-base': { status: 'done', fraction: 1, elapsedS: 80 },
      'train-baseline': { status: 'done', fraction: 1, elapsedS: 160 },
    });
    expect(observedPace(ESTIMATE, c)).toBeCloseTo(2, 9);
    expect(remainingSeconds(ESTIMATE, c)).toBeCloseTo(2 * (8 + 2 + 1), 9);
  });

  it('counts down while a stage is too young to extrapolate, and is 0 when all is done', () => {
    const young = clocks({ 'train-baseline': { status: 'running', fraction: 0.01, elapsedS: 1 } });
    expect(remainingSeconds(ESTIMATE, young)).toBeCloseTo(79.2 + 1, 9);
    const done: StageClock = { status: 'done', fraction: 1, elapsedS: null };
    const all = clocks({
      'train-base': done,
      'reward-symmetry': done,
      hereditary: done,
      'train-baseline': done,
      evaluate: done,
    });
    expect(remainingSeconds(ESTIMATE, all)).toBe(0);
  });

  it('bounds the pace correction', () => {
    const c = clocks({ 'train-base': { status: 'done', fraction: 1, elapsedS: 4000 } });
    expect(observedPace(ESTIMATE, c)).toBe(5);
  });
});
