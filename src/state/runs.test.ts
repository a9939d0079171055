// Kept runs, pure parts: the file round-trips in the shipped format, bad files are refused, a link finds its run.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { degToRad } from '../core/angles';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../core/experimentConfig';
import {
  PRETRAINED_FORMAT,
  PRETRAINED_PATH,
  parsePretrained,
  parsePretrainedText,
} from '../core/pipeline/pretrainedFile';
import { experimentConfigFromSettings } from './derived';
import {
  chooseRun,
  describeSettings,
  expectedTrainSeconds,
  makeRun,
  matchingRuns,
  PRETRAINED_RUN_ID,
  type RunSummary,
  runFile,
  runFileName,
  runFileText,
  runFromFileText,
  settingsFromConfig,
  summaryOf,
} from './runs';
import { defaultUrlState } from './urlSchema';

const shippedText = readFileSync(join('public', PRETRAINED_PATH), 'utf8');
const parsed = parsePretrained(JSON.parse(shippedText));
if ('error' in parsed) throw new Error(parsed.error);
const artifacts = parsed.artifacts;
const day = new Date('2025-03-04T05:06:07Z');

const shipped = makeRun(artifacts, {
  id: PRETRAINED_RUN_ID,
  name: 'Pretrained run',
  createdAt: day,
  origin: 'shipped',
});

/** A summary with another config (no weights needed to choose). */
function summary(
  id: string,
  config: Partial<ExperimentConfig>,
  createdAt = '2025-05-01T00:00:00.000Z',
): RunSummary {
  return {
    ...summaryOf(shipped),
    id,
    name: id,
    origin: 'live',
    createdAt,
    config: { ...artifacts.config, ...config },
  };
}

const wantedFrom = (hash: Partial<ReturnType<typeof defaultUrlState>>) =>
  experimentConfigFromSettings({ ...defaultUrlState(), ...hash });

describe('a run file', () => {
  it('is the shipped format: the page’s own reader takes it back unchanged', () => {
    const file = runFile(shipped);
    expect(file.format).toBe(PRETRAINED_FORMAT);
    expect(file.seed).toBe(artifacts.config.seed);
    expect(file.generated_at).toBe('2025-03-04');
    const back = parsePretrainedText(runFileText(shipped));
    if ('error' in back) throw new Error(back.error);
    expect(back.artifacts).toEqual(artifacts);
  });

  it('imports with its name, scores and settings', () => {
    const renamed = { ...shipped, name: 'My favourite' };
    const imported = runFromFileText(runFileText(renamed), 'x.json', { id: 'run-1', now: day });
    if ('error' in imported) throw new Error(imported.error);
    expect(imported.run).toMatchObject({ id: 'run-1', name: 'My favourite', origin: 'imported' });
    expect(imported.run.scores).toEqual(shipped.scores);
    expect(imported.run.scores.hereditary).toBeGreaterThan(0.5);
    expect(imported.run.artifacts).toEqual(artifacts);
  });

  it('a file without a name is named after the file', () => {
    const imported = runFromFileText(shippedText, 'default.json', { id: 'run-2', now: day });
    if ('error' in imported) throw new Error(imported.error);
    expect(imported.run.name).toBe('default');
  });

  it('refuses broken files with a message and no run', () => {
    const bad = (text: string) => runFromFileText(text, 'bad.json', { id: 'x', now: day });
    expect(bad('not json')).toEqual({
      error: expect.stringMatching(/^bad\.json: the file is not valid JSON/),
    });
    expect(bad('{"format":"something-else"}')).toEqual({
      error: expect.stringContaining('format "something-else"'),
    });
    const noGenerator = JSON.parse(shippedText);
    noGenerator.artifacts.hereditary.result.generator = [1, 2];
    expect(bad(JSON.stringify(noGenerator))).toEqual({ error: expect.stringContaining('3×3') });
  });

  it('has a safe download name', () => {
    expect(runFileName({ ...summaryOf(shipped), name: 'Seed 11 / “box”!' })).toBe(
      'hereditary-seed-11-box-2025-03-04.json',
    );
  });
});

describe('choosing the run a link asks for', () => {
  const seed11 = summary('seed11', { seed: 11 });
  const box = summary('box', { actionConstraint: 'box' });
  const runs = [summaryOf(shipped), seed11, box];

  it('the default link is the shipped run, exactly', () => {
    expect(chooseRun(wantedFrom({}), runs)).toEqual({ run: runs[0], differences: [] });
  });

  it('a link that names a kept run’s settings gets that run', () => {
    expect(chooseRun(wantedFrom({ seed: 11 }), runs)).toEqual({ run: seed11, differences: [] });
    expect(matchingRuns(wantedFrom({ seed: 11 }), runs)).toEqual([seed11]);
  });

  it('otherwise the nearest run, with the settings that differ', () => {
    const choice = chooseRun(wantedFrom({ seed: 11, constraint: 'box' }), runs);
    // seed 11 differs in the constraint (weight 2), box in the seed (weight 1): box is nearer.
    expect(choice).toEqual({ run: box, differences: ['seed'] });
    const family = chooseRun(wantedFrom({ family: 'ellipse', seed: 11 }), runs);
    expect(family).toEqual({ run: seed11, differences: ['task family'] });
  });

  it('ties go to the run shown last, then the shipped run, then the newest', () => {
    const older = summary('older', { seed: 11 }, '2025-01-01T00:00:00.000Z');
    const newer = summary('newer', { seed: 11 }, '2025-06-01T00:00:00.000Z');
    const wanted = wantedFrom({ seed: 11 });
    expect(chooseRun(wanted, [older, newer])?.run.id).toBe('newer');
    expect(chooseRun(wanted, [older, newer], 'older')?.run.id).toBe('older');
    expect(chooseRun(wantedFrom({ seed: 5 }), [newer, summaryOf(shipped)])?.run.id).toBe(PRETRAINED_RUN_ID);
  });

  it('no runs, no choice', () => {
    expect(chooseRun(wantedFrom({}), [])).toBeNull();
  });
});

describe('the settings of a run', () => {
  it('ask for the run’s own experiment again (the inverse of the link’s mapping)', () => {
    const ellipse: ExperimentConfig = {
      ...DEFAULT_CONFIG,
      family: {
        kind: 'ellipse',
        center: [0.2, -0.1],
        axes: [0.7, 0.9],
        tilt: degToRad(30),
        reward: 'euclidean',
      },
      training: { kind: 'angles', angles: [0, 1, 2].map((x) => degToRad(40 * x)) },
      actionConstraint: 'box',
      seed: 11,
      budget: 'smoke',
    };
    for (const config of [artifacts.config, ellipse]) {
      const settings = { ...defaultUrlState(), ...settingsFromConfig(config) };
      expect(matchingRuns(experimentConfigFromSettings(settings), [summary('r', config)])).toHaveLength(1);
    }
  });

  it('describe themselves in one line', () => {
    expect(describeSettings(DEFAULT_CONFIG)).toBe('circle r=1 · 4 tasks · disk · seed 0 · quick');
  });

  it('expect this browser’s own training time when it has one', () => {
    expect(expectedTrainSeconds('smoke', [])).toBe(15);
    const own = [12_000, 30_000, 18_000].map((trainMs, i) => ({
      ...summary(`r${i}`, { budget: 'smoke' }),
      trainMs,
    }));
    expect(expectedTrainSeconds('smoke', own)).toBe(18);
    expect(expectedTrainSeconds('quick', own)).toBe(90);
  });
});
