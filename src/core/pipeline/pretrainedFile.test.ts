// Tests of the pretrained file module: the shipped file loads and round-trips, its agents work, broken files are named.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ENV } from '../env';
import { DEFAULT_CONFIG } from '../experimentConfig';
import { baselineAgentFrom, hereditaryAgentFrom, isUnavailable } from '../testTime/agents';
import { computeGoalRollouts } from '../testTime/goalRollouts';
import { reportOverSeeds } from './multiSeed';
import {
  PRETRAINED_FORMAT,
  PRETRAINED_PATH,
  type PretrainedParse,
  parsePretrained,
  parsePretrainedText,
  pretrainedFile,
  serializePretrained,
} from './pretrainedFile';
import { buildReport } from './report';

const text = readFileSync(join('public', PRETRAINED_PATH), 'utf8');
const shipped = JSON.parse(text);

function loaded(parsed: PretrainedParse) {
  if ('error' in parsed) throw new Error(parsed.error);
  return parsed.artifacts;
}

/** A refusal carries the message and nothing else (no partial artifacts). */
function refusal(json: unknown): string {
  const parsed = parsePretrained(json);
  expect(Object.keys(parsed)).toEqual(['error']);
  return (parsed as { error: string }).error;
}

/** The shipped file with one change made to a deep copy. */
function broken(edit: (file: typeof shipped) => void): unknown {
  const file = structuredClone(shipped);
  edit(file);
  return file;
}

describe('the shipped pretrained file', () => {
  it('loads from its text through the module', () => {
    const a = loaded(parsePretrainedText(text));
    expect(a.config.seed).toBe(shipped.seed);
    expect(a.trainAngles.length).toBeGreaterThanOrEqual(2);
    expect(a.hereditary.result.generator).toHaveLength(9);
  });

  it('is written by the serialiser byte for byte (same fields, same order)', () => {
    // The file's own config (parsing fills config fields newer than the file with their defaults).
    const artifacts = { ...loaded(parsePretrained(shipped)), config: shipped.artifacts.config };
    expect(serializePretrained({ ...shipped, artifacts })).toBe(text);
    // As the CLI builds it: the pipeline's report, summarised over its seeds (here one).
    const report = reportOverSeeds([
      {
        seed: artifacts.config.seed,
        report: buildReport(artifacts, {
          backend: artifacts.config.backend,
          timings_ms: shipped.report_summary.timings_ms,
        }),
      },
    ]);
    const file = pretrainedFile(artifacts, report, {
      generatedBy: shipped.generated_by,
      generatedAt: new Date(shipped.generated_at),
    });
    expect(serializePretrained(file)).toBe(text);
  });

  it('reads config fields newer than the file with their defaults, and keeps every field it has', () => {
    const config = loaded(parsePretrained(shipped)).config;
    expect(config).toEqual({ ...DEFAULT_CONFIG, ...shipped.artifacts.config });
    expect(Object.keys(config).sort()).toEqual(Object.keys(DEFAULT_CONFIG).sort());
  });

  it("offers no hereditary agent for the reader's own goals that discovery refused (the compact flag is not enough)", () => {
    const a = loaded(parsePretrained(shipped));
    const refused = { ...a.hereditary.result, compact: true, isHereditary: false };
    const points = {
      ...a,
      config: { ...a.config, family: { kind: 'points' as const, goals: [[1, 0] as [number, number]] } },
      hereditary: { ...a.hereditary, result: refused },
    };
    const agent = hereditaryAgentFrom(points, DEFAULT_ENV);
    expect(isUnavailable(agent) && agent.unavailable).toMatch(/not offered/);
    // A circle run with the same flags keeps its agent (the paper's setting: compact is enough there).
    expect(isUnavailable(hereditaryAgentFrom({ ...a, hereditary: points.hereditary }, DEFAULT_ENV))).toBe(
      false,
    );
  });

  it('rebuilds agents that score well at a far test goal', () => {
    const a = loaded(parsePretrained(shipped));
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
});

describe('a broken pretrained file', () => {
  it('is refused when it is not JSON or not an object', () => {
    expect(parsePretrainedText('{"format": ')).toEqual({
      error: expect.stringMatching(/^the pretrained file is not valid JSON \(/),
    });
    expect(refusal(null)).toBe('the pretrained file is not a JSON object');
    expect(refusal([1, 2])).toMatch(/has format undefined/);
  });

  it('is refused for another format version, naming the field and the expected one', () => {
    expect(refusal({ ...shipped, format: 'hereditary-pretrained/2' })).toBe(
      `the pretrained file has format "hereditary-pretrained/2", expected ${PRETRAINED_FORMAT}`,
    );
    expect(refusal(broken((f) => delete f.format))).toBe(
      `the pretrained file has format undefined, expected ${PRETRAINED_FORMAT}`,
    );
  });

  it('is refused for a missing field, naming the first missing step of its path', () => {
    expect(refusal(broken((f) => delete f.artifacts))).toBe(
      'the pretrained file has no artifacts (artifacts is missing, expected an object)',
    );
    expect(refusal(broken((f) => delete f.artifacts.base))).toBe(
      'the pretrained file has no base policy (artifacts.base is missing, expected an object)',
    );
    expect(refusal(broken((f) => delete f.artifacts.config.training))).toBe(
      'the pretrained file has no experiment config (artifacts.config.training is missing, expected an object)',
    );
    expect(refusal(broken((f) => delete f.artifacts.hereditary.baseRewardModel))).toBe(
      'the pretrained file has no hereditary geometry (artifacts.hereditary.baseRewardModel is missing, expected an object)',
    );
    expect(refusal(broken((f) => delete f.artifacts.rewardSymmetry))).toBe(
      'the pretrained file has no reward symmetry (artifacts.rewardSymmetry is missing, expected an object)',
    );
  });

  it('is refused for a field of the wrong type or shape', () => {
    expect(refusal(broken((f) => (f.artifacts.hereditary.result.generator = [1, 2])))).toBe(
      'the pretrained generator is not a 3×3 matrix (artifacts.hereditary.result.generator is an array of 2 numbers, expected 9 numbers)',
    );
    expect(refusal(broken((f) => (f.artifacts.trainAngles = '0,1')))).toBe(
      'the pretrained file has no training angles (artifacts.trainAngles is a string, expected at least 2 numbers)',
    );
    expect(refusal(broken((f) => (f.artifacts.trainAngles = [0])))).toBe(
      'the pretrained file has no training angles (artifacts.trainAngles is an array of 1 number, expected at least 2 numbers)',
    );
    expect(refusal(broken((f) => (f.artifacts.hereditary.result.generator[4] = '0')))).toBe(
      'the pretrained generator is not a 3×3 matrix (artifacts.hereditary.result.generator is an array with a string at [4], expected 9 numbers)',
    );
    expect(refusal(broken((f) => (f.artifacts.hereditary = null)))).toBe(
      'the pretrained file has no hereditary geometry (artifacts.hereditary is null, expected an object)',
    );
    expect(refusal(broken((f) => (f.artifacts.trainAngles = { 0: 1, 1: 2 })))).toBe(
      'the pretrained file has no training angles (artifacts.trainAngles is an object, expected at least 2 numbers)',
    );
    expect(refusal(broken((f) => (f.artifacts.base.actor = 3)))).toBe(
      'the pretrained file has no base policy (artifacts.base.actor is a number, expected an object)',
    );
  });

  it('accepts a file without the optional baseline and evaluation, as nulls', () => {
    const a = loaded(
      parsePretrained(
        broken((f) => {
          delete f.artifacts.baseline;
          delete f.artifacts.evaluation;
        }),
      ),
    );
    expect(a.baseline).toBeNull();
    expect(a.evaluation).toBeNull();
  });
});
