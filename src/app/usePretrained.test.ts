// Tests of the pretrained file check: the shipped file parses, maps onto the default link, and bad files are named.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ENV } from '../core/env';
import { baselineAgentFrom, hereditaryAgentFrom, isUnavailable } from '../core/testTime/agents';
import { computeGoalRollouts } from '../core/testTime/goalRollouts';
import { experimentConfigFromSettings, trainingDifferences } from '../state/derived';
import { defaultUrlState } from '../state/urlSchema';
import { PRETRAINED_FORMAT, parsePretrained } from './usePretrained';

const shipped = JSON.parse(readFileSync('public/pretrained/default.json', 'utf8'));

describe('parsePretrained', () => {
  it('accepts the shipped file, whose experiment is exactly what the default link asks for', () => {
    const parsed = parsePretrained(shipped);
    if ('error' in parsed) throw new Error(parsed.error);
    const wanted = experimentConfigFromSettings(defaultUrlState());
    expect(trainingDifferences(parsed.artifacts.config, wanted)).toEqual([]);
  });

  it('rebuilds agents that score well at a far test goal from the shipped results', () => {
    const parsed = parsePretrained(shipped);
    if ('error' in parsed) throw new Error(parsed.error);
    const a = parsed.artifacts;
    const hereditary = hereditaryAgentFrom(a, DEFAULT_ENV);
    const baseline = baselineAgentFrom(a);
    expect(isUnavailable(hereditary)).toBe(false);
    expect(isUnavailable(baseline)).toBe(a.baseline === null);
    // 45°: 63° from the nearest training goal of the paper preset (−17.7°), far outside the training set.
    const u = computeGoalRollouts({
      family: a.config.family,
      env: DEFAULT_ENV,
      angle: Math.PI / 4,
      contextSize: a.config.context,
      episodes: 8,
      seed: 0,
      hereditary,
      baseline,
    });
    const { oracle, random } = u.reference;
    const score =
      ((u.agents.hereditary?.meanReturn ?? Number.NaN) - random.meanReturn) /
      (oracle.meanReturn - random.meanReturn);
    expect(score).toBeGreaterThanOrEqual(0.95);
  });

  it('names what is wrong with a bad file instead of throwing', () => {
    expect(parsePretrained(null)).toEqual({ error: 'the pretrained file is not a JSON object' });
    expect(parsePretrained({ ...shipped, format: 'other/2' })).toMatchObject({
      error: expect.stringContaining(PRETRAINED_FORMAT),
    });
    const noGenerator = structuredClone(shipped);
    noGenerator.artifacts.hereditary.result.generator = [1, 2];
    expect(parsePretrained(noGenerator)).toEqual({ error: 'the pretrained generator is not a 3×3 matrix' });
    const noBase = structuredClone(shipped);
    delete noBase.artifacts.base;
    expect(parsePretrained(noBase)).toEqual({ error: 'the pretrained file has no base policy' });
  });
});
