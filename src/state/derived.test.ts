// Tests of the settings → ExperimentConfig mapping: the default link is the shipped run, differences are named.
import { describe, expect, it } from 'vitest';
import { degToRad } from '../core/angles';
import { DEFAULT_CONFIG, resolvedTrainingAngles } from '../core/experimentConfig';
import { goalAt } from '../core/families';
import {
  angleOfPoint,
  baseKey,
  experimentConfigFromSettings,
  trainingDifferences,
  trainingKey,
} from './derived';
import { defaultUrlState, parseHash } from './urlSchema';

describe('experimentConfigFromSettings', () => {
  it('maps the default link onto the default experiment exactly (no retrain on a plain open)', () => {
    const config = experimentConfigFromSettings(defaultUrlState());
    expect(config).toEqual(DEFAULT_CONFIG);
    expect(trainingDifferences(DEFAULT_CONFIG, config)).toEqual([]);
    expect(trainingKey(config)).toBe(trainingKey(DEFAULT_CONFIG));
  });

  it('an edited set keeps the exact angles it shares with the shipped run, so the base policy can be reused', () => {
    const s = defaultUrlState();
    const edited = experimentConfigFromSettings({ ...s, train: [...s.train, 300] });
    const shipped = resolvedTrainingAngles(DEFAULT_CONFIG);
    const angles = resolvedTrainingAngles(edited);
    expect(angles).toHaveLength(shipped.length + 1);
    expect(angles[0]).toBe(shipped[0]);
    expect(baseKey(edited)).toBe(baseKey(DEFAULT_CONFIG));
    expect(trainingKey(edited)).not.toBe(trainingKey(DEFAULT_CONFIG));
    // Moving the base task, or another seed, needs a new base policy.
    expect(baseKey(experimentConfigFromSettings({ ...s, train: [10, ...s.train.slice(1)] }))).not.toBe(
      baseKey(DEFAULT_CONFIG),
    );
    expect(baseKey(experimentConfigFromSettings({ ...s, seed: 3 }))).not.toBe(baseKey(DEFAULT_CONFIG));
  });

  it("the reader's own goals: moving any goal but the base keeps the base policy; moving the base does not", () => {
    const s = { ...defaultUrlState(), family: 'points' as const };
    const key = baseKey(experimentConfigFromSettings(s));
    const moved = s.pts.map(([x, y]) => [x, y] as [number, number]);
    moved[2] = [0.5, -1.5];
    expect(baseKey(experimentConfigFromSettings({ ...s, pts: moved }))).toBe(key);
    expect(baseKey(experimentConfigFromSettings({ ...s, pts: [...moved, [2, 2]] }))).toBe(key);
    moved[0] = [-0.7, 0.8];
    expect(baseKey(experimentConfigFromSettings({ ...s, pts: moved }))).not.toBe(key);
  });

  it('maps every training-relevant field and names each difference', () => {
    const { state, errors } = parseHash(
      '#family=ellipse&alpha=0.7&beta=0.9&tilt=30&reward=euclidean&cx=0.5&train=0,60,140,250&constraint=box&seed=7&K=8&episodes=4&budget=full',
    );
    expect(errors).toEqual([]);
    const c = experimentConfigFromSettings(state);
    expect(c.family).toEqual({
      kind: 'ellipse',
      center: [0.5, 0],
      axes: [0.7, 0.9],
      tilt: Math.PI / 6,
      reward: 'euclidean',
    });
    expect(c.training).toEqual({ kind: 'angles', angles: [0, 60, 140, 250].map(degToRad) });
    expect(c).toMatchObject({ actionConstraint: 'box', seed: 7, context: 8, episodes: 4, budget: 'full' });
    expect(c.testGoals).toBe(DEFAULT_CONFIG.testGoals);
    expect(trainingDifferences(DEFAULT_CONFIG, c)).toEqual([
      'task family',
      'training angles',
      'action constraint',
      'seed',
      'budget',
    ]);
  });

  it('treats K and episodes as test-time settings, but a moved circle centre as a new family', () => {
    const k = experimentConfigFromSettings({ ...defaultUrlState(), K: 4, episodes: 2 });
    expect(trainingDifferences(DEFAULT_CONFIG, k)).toEqual([]);
    expect(trainingKey(k)).not.toBe(trainingKey(DEFAULT_CONFIG));
    const moved = experimentConfigFromSettings({ ...defaultUrlState(), cx: 0.1 });
    expect(trainingDifferences(DEFAULT_CONFIG, moved)).toEqual(['task family']);
    const shifted = experimentConfigFromSettings({
      ...defaultUrlState(),
      train: [135, -17.74, -96.48, -144.48],
    });
    expect(trainingDifferences(DEFAULT_CONFIG, shifted)).toEqual(['training angles']);
  });

  it('shrinks evaluation and race only for the labelled smoke budget', () => {
    const c = experimentConfigFromSettings({ ...defaultUrlState(), budget: 'smoke' });
    expect(c).toMatchObject({ budget: 'smoke', testGoals: 12, raceSeeds: 1 });
    expect(c.episodes).toBeLessThanOrEqual(4);
  });

  it('angleOfPoint inverts goalAt on a tilted ellipse', () => {
    const family = experimentConfigFromSettings({ ...defaultUrlState(), family: 'ellipse', tilt: 40 }).family;
    for (const phi of [-2.5, -1, 0, 0.7, 2, 3]) {
      const g = goalAt(family, phi);
      expect(angleOfPoint(family, g[0], g[1])).toBeCloseTo(phi, 9);
    }
  });
});
