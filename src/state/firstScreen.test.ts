// The shipped first screen: it belongs to the shipped run, sits at the page's default goal, and is what the worker computes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  FIRST_SCREEN_PATH,
  firstScreenFile,
  firstScreenUpdateFor,
  settingsKey,
} from '../core/pipeline/firstScreen';
import { PRETRAINED_PATH, parsePretrainedText } from '../core/pipeline/pretrainedFile';
import { goalSettingsOf } from './derived';
import { defaultUrlState } from './urlSchema';

const pretrainedText = readFileSync(join('public', PRETRAINED_PATH), 'utf8');
const day = (JSON.parse(pretrainedText) as { generated_at: string }).generated_at;
const parsed = parsePretrainedText(pretrainedText);
if ('error' in parsed) throw new Error(parsed.error);
const artifacts = parsed.artifacts;
const shipped: unknown = JSON.parse(readFileSync(join('public', FIRST_SCREEN_PATH), 'utf8'));

describe('first-screen.json', () => {
  it('belongs to the shipped run and was computed at the default goal settings (npm run pretrained rewrites it)', () => {
    const first = firstScreenUpdateFor(shipped, artifacts, day);
    expect(first).not.toBeNull();
    expect(settingsKey(first!.settings)).toBe(settingsKey(goalSettingsOf(defaultUrlState())));
  });

  it('holds exactly the update the agents worker would compute there (same function, same numbers)', () => {
    const now = firstScreenFile(artifacts, day, goalSettingsOf(defaultUrlState()));
    // Through JSON, as the page reads it.
    expect(firstScreenUpdateFor(shipped, artifacts, day)?.update).toEqual(
      JSON.parse(JSON.stringify(now.update)),
    );
    expect(now.update.agents.hereditary).not.toBeNull();
    expect(now.update.agents.baseline).not.toBeNull();
  });

  it('is refused for another run: a different day, seed or generator', () => {
    expect(firstScreenUpdateFor(shipped, artifacts, '1999-01-01')).toBeNull();
    expect(
      firstScreenUpdateFor(shipped, { ...artifacts, config: { ...artifacts.config, seed: 99 } }, day),
    ).toBeNull();
    const generator = artifacts.hereditary.result.generator.map((v, i) => (i === 0 ? v + 1e-9 : v));
    const other = {
      ...artifacts,
      hereditary: { ...artifacts.hereditary, result: { ...artifacts.hereditary.result, generator } },
    };
    expect(firstScreenUpdateFor(shipped, other, day)).toBeNull();
    expect(firstScreenUpdateFor({ format: 'something else' }, artifacts, day)).toBeNull();
    expect(firstScreenUpdateFor(shipped, artifacts, null)).toBeNull();
  });
});
